package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/lockorder/lockorder/bench/internal/measure"
)

// vetResult is the outcome of timing go vet on one real module.
type vetResult struct {
	module string
	runs   [][]measure.Sample // by tool: lockorder, vet floor
	err    error
}

// vetToolNames are the vet tools in the order of the runs.
var vetToolNames = []string{"lockorder", "floor ssa"}

// timeVet runs "go vet -vettool=TOOL ./..." in dir with lockorder and the
// vet floor, alternately, rounds times, after one untimed run of the floor
// that compiles what go vet needs. go vet keeps a tool's results in the
// build cache under the tool's ID, a hash of its executable, and across
// runs of the bench: each run gets a copy of the tool with bytes of its own
// appended (the time and a count), so that it analyses every package again.
// A run of lockorder may exit with status 1, go vet's for reports.
func timeVet(work, dir string, bins []string, rounds int, timeout time.Duration) ([][]measure.Sample, error) {
	copies := 0
	fresh := func(bin string) (string, error) {
		copies++
		b, err := os.ReadFile(bin)
		if err != nil {
			return "", err
		}
		path := filepath.Join(work, fmt.Sprintf("vettool-%d", copies))
		return path, os.WriteFile(path, fmt.Appendf(b, "%d-%d", time.Now().UnixNano(), copies), 0o755)
	}
	vet := func(bin string) (measure.Sample, error) {
		tool, err := fresh(bin)
		if err != nil {
			return measure.Sample{}, err
		}
		defer os.Remove(tool)
		return measure.Run(timeout, dir, "go", "vet", "-vettool="+tool, "./...")
	}
	if s, err := vet(bins[1]); err != nil || s.ExitCode != 0 {
		return nil, vetError("warm-up", s, err)
	}
	runs := make([][]measure.Sample, len(bins))
	for r := range rounds {
		for k := range bins {
			i := (r + k) % len(bins)
			s, err := vet(bins[i])
			if err != nil || s.ExitCode != 0 && !(i == 0 && s.ExitCode == 1) {
				return nil, vetError(vetToolNames[i], s, err)
			}
			logf("  vet round %d %-10s %6.1fs wall %6.1fs CPU %6.0f MiB (load %.1f)", r+1, vetToolNames[i], s.Wall.Seconds(), s.CPU.Seconds(), float64(s.MaxRSSKiB)/1024, s.Load)
			runs[i] = append(runs[i], s)
		}
	}
	return runs, nil
}

// vetError describes a failed go vet run.
func vetError(name string, s measure.Sample, err error) error {
	if err != nil {
		return fmt.Errorf("go vet (%s): %v", name, err)
	}
	return fmt.Errorf("go vet (%s) exited %d: %s", name, s.ExitCode, firstLines(s.Stderr, 5))
}
