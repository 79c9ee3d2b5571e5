package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lockorder/lockorder/bench/internal/measure"
	"github.com/lockorder/lockorder/bench/internal/synth"
)

// A tool is one of the three timed commands.
type tool struct {
	name string
	bin  string
	args []string // before the driver's own
	// reports says the tool may report: exit status 3 is then a success.
	reports bool
}

// Report kinds, by message prefix; anything else is "other".
var kinds = []string{"lock order cycle", "lock held while blocking", "double lock", "recursive read lock", "leaked lock", "analysis bounded", "other"}

// timeTools runs each tool rounds times in dir, alternating them and
// starting each round with the next tool and killing a run after timeout,
// and returns each tool's samples and lockorder's report counts by kind
// (from its first run).
func timeTools(dir string, tools []tool, rounds int, timeout time.Duration) ([][]measure.Sample, map[string]int, error) {
	runs := make([][]measure.Sample, len(tools))
	var counts map[string]int
	for r := range rounds {
		for k := range tools {
			i := (r + k) % len(tools)
			t := tools[i]
			s, err := measure.Run(timeout, dir, t.bin, slices.Concat(t.args, []string{"-json", "./..."})...)
			if err != nil {
				return nil, nil, err
			}
			if s.ExitCode != 0 && !(t.reports && s.ExitCode == 3) {
				return nil, nil, fmt.Errorf("%s exited %d: %s", t.name, s.ExitCode, firstLines(s.Stderr, 5))
			}
			logf("  round %d %-16s %6.1fs wall %6.1fs CPU %6.0f MiB (load %.1f)", r+1, t.name, s.Wall.Seconds(), s.CPU.Seconds(), float64(s.MaxRSSKiB)/1024, s.Load)
			if t.reports && counts == nil {
				if counts, err = countReports(s.Stdout); err != nil {
					return nil, nil, fmt.Errorf("%s -json: %v", t.name, err)
				}
			}
			runs[i] = append(runs[i], s)
		}
	}
	return runs, counts, nil
}

// countReports counts the distinct reports in the JSON output of the
// driver by kind. The driver prints a report once for each package it is
// reported in (a package and its test variant may both carry it), so
// reports are told apart by position and message.
func countReports(out []byte) (map[string]int, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		return nil, err
	}
	counts := make(map[string]int)
	seen := make(map[[2]string]bool)
	for pkg, byAnalyzer := range tree {
		for _, raw := range byAnalyzer {
			var diags []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				// {"error": "..."}: the analysis of pkg failed.
				return nil, fmt.Errorf("%s: %s", pkg, raw)
			}
			for _, d := range diags {
				key := [2]string{d.Posn, d.Message}
				if !seen[key] {
					seen[key] = true
					counts[kindOf(d.Message)]++
				}
			}
		}
	}
	return counts, nil
}

// kindOf returns the kind of a report message.
func kindOf(msg string) string {
	for _, k := range kinds[:len(kinds)-1] {
		if strings.HasPrefix(msg, k) {
			return k
		}
	}
	return "other"
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimSpace(s), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// The shape of the synthetic modules.
const (
	synthLayers  = 5 // layers of packages
	synthFanin   = 2 // imports of each package from the layer below
	synthClasses = 4 // lock classes per package
)

// scale generates a cycle-free synthetic module of n packages under work
// and times the tools on it, each run killed after timeout.
func scale(work string, n int, tools []tool, rounds int, timeout time.Duration) scalingResult {
	c := synth.Config{Packages: n, Layers: synthLayers, Fanin: synthFanin, Classes: synthClasses}
	sr := scalingResult{config: c}
	dir := filepath.Join(work, fmt.Sprintf("synth-%d", n))
	if sr.err = synth.Generate(dir, c); sr.err != nil {
		return sr
	}
	defer os.RemoveAll(dir)
	sr.runs, sr.reports, sr.err = timeTools(dir, tools, rounds, timeout)
	if sr.err == nil && total(sr.reports) != 0 {
		sr.err = fmt.Errorf("lockorder made %d reports on a cycle-free synthetic module", total(sr.reports))
	}
	if sr.err != nil {
		logf("  %v", sr.err)
	}
	return sr
}

// total returns the number of reports of all kinds.
func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}
