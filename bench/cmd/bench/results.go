package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/lockorder/lockorder/bench/internal/measure"
	"github.com/lockorder/lockorder/bench/internal/synth"
)

// results is everything RESULTS.md says.
type results struct {
	date    time.Time
	rounds  int
	machine machine
	modules []moduleResult
	scaling []scalingResult
}

// moduleResult is the outcome on one real module.
type moduleResult struct {
	module  string
	runs    [][]measure.Sample // by tool: lockorder, floor typecheck, floor ssa
	reports map[string]int
	err     error
}

// scalingResult is the outcome on one synthetic module.
type scalingResult struct {
	config  synth.Config
	runs    [][]measure.Sample // as in moduleResult
	reports map[string]int
	err     error
}

// machine describes where the benchmark ran.
type machine struct {
	cpus             int
	memory, cpuModel string
	goVersion        string
	commit           string
}

// toolNames are the tools in the order of the runs.
var toolNames = []string{"lockorder", "floor typecheck", "floor ssa"}

// describeMachine reads the machine's description from /proc and the go
// command, and lockorder's commit from git; what it cannot read is
// "unknown".
func describeMachine() machine {
	m := machine{cpus: runtime.NumCPU(), memory: "unknown", cpuModel: "unknown"}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kib int64
		for line := range strings.Lines(string(b)) {
			if _, err := fmt.Sscanf(line, "MemTotal: %d kB", &kib); err == nil {
				m.memory = fmt.Sprintf("%.1f GiB", float64(kib)/(1<<20))
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpuModel = strings.TrimSpace(v)
				break
			}
		}
	}
	m.goVersion = command("go", "version")
	m.commit = command("git", "describe", "--always", "--dirty")
	return m
}

// command returns the trimmed output of a command, or "unknown".
func command(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

// failed reports whether any module or size failed.
func (r *results) failed() bool {
	for _, m := range r.modules {
		if m.err != nil {
			return true
		}
	}
	for _, s := range r.scaling {
		if s.err != nil {
			return true
		}
	}
	return false
}

// markdown renders RESULTS.md.
func (r *results) markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# lockorder benchmark results\n\n")
	p("Written by `bash bench/run.sh` on %s.\n\n", r.date.Format("2006-01-02 15:04 MST"))
	p("- machine: %d CPUs (%s), %s of memory\n", r.machine.cpus, r.machine.cpuModel, r.machine.memory)
	p("- %s\n", r.machine.goVersion)
	p("- lockorder at commit %s\n\n", r.machine.commit)
	p("Each tool runs as `TOOL -json ./...` in the module's root (test files included, every\n")
	p("dependency loaded from source and analysed) under `/usr/bin/time -v`. The three tools\n")
	p("run alternately, %d rounds, each round starting with the next tool; the figures are the\n", r.rounds)
	p("median wall time and the median peak resident memory. `floor typecheck` and `floor ssa`\n")
	p("are `bench/cmd/floor`: analyzers that report nothing, run by lockorder's own driver,\n")
	p("exporting one fact per package so that dependencies are analysed too; `floor ssa` also\n")
	p("requires buildssa, as lockorder does. Ratios are lockorder's median over the floor's.\n\n")

	p("## Summary\n\n")
	p("| module | lockorder | typecheck | ssa | ×typecheck | ×ssa | lockorder RSS | typecheck RSS | ssa RSS | ×typecheck | ×ssa | reports |\n")
	p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, m := range r.modules {
		if m.err != nil {
			p("| %s | failed | | | | | | | | | | |\n", m.module)
			continue
		}
		w, rss := medians(m.runs)
		p("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", m.module,
			secs(w[0]), secs(w[1]), secs(w[2]), ratio(w[0], w[1]), ratio(w[0], w[2]),
			mib(rss[0]), mib(rss[1]), mib(rss[2]), ratio(rss[0], rss[1]), ratio(rss[0], rss[2]),
			total(m.reports))
	}
	for _, m := range r.modules {
		p("\n## %s\n\n", m.module)
		if m.err != nil {
			p("Failed: `%s`\n", strings.ReplaceAll(m.err.Error(), "\n", " "))
			continue
		}
		toolTable(&b, m.runs)
		p("\nlockorder's reports:")
		for _, k := range kinds {
			p(" %s %d;", k, m.reports[k])
		}
		p(" total %d.\n", total(m.reports))
	}

	p("\n## Scaling\n\n")
	p("Synthetic modules from `bench/cmd/synth` (layers of %d packages, each importing the layer\n", synthWidth)
	p("below; %d lock classes per package; callbacks set across packages; no cycle), timed as\n", synthClasses)
	p("above. lockorder must report nothing on them.\n\n")
	p("| packages | lockorder | typecheck | ssa | ×ssa | lockorder RSS | typecheck RSS | ssa RSS | ×ssa |\n")
	p("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, s := range r.scaling {
		if s.err != nil {
			p("| %d | failed: %s | | | | | | | |\n", s.config.Packages, strings.ReplaceAll(s.err.Error(), "\n", " "))
			continue
		}
		w, rss := medians(s.runs)
		p("| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", s.config.Packages,
			secs(w[0]), secs(w[1]), secs(w[2]), ratio(w[0], w[2]),
			mib(rss[0]), mib(rss[1]), mib(rss[2]), ratio(rss[0], rss[2]))
	}
	p("\n![time and peak memory against size](scaling.png)\n")
	return b.String()
}

// toolTable writes the per-tool table of one module: medians and every run.
func toolTable(b *strings.Builder, runs [][]measure.Sample) {
	fmt.Fprintf(b, "| tool | median wall | median peak RSS | runs (wall s / RSS MiB) |\n| --- | ---: | ---: | --- |\n")
	for i, samples := range runs {
		w, rss := measure.Median(samples)
		var each []string
		for _, s := range samples {
			each = append(each, fmt.Sprintf("%.1f / %.0f", s.Wall.Seconds(), float64(s.MaxRSSKiB)/1024))
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", toolNames[i], secs(int64(w)), mib(rss), strings.Join(each, ", "))
	}
	w, rss := medians(runs)
	fmt.Fprintf(b, "| lockorder / typecheck | %s | %s | |\n", ratio(w[0], w[1]), ratio(rss[0], rss[1]))
	fmt.Fprintf(b, "| lockorder / ssa | %s | %s | |\n", ratio(w[0], w[2]), ratio(rss[0], rss[2]))
}

// medians returns each tool's median wall time (ns) and peak memory (KiB).
func medians(runs [][]measure.Sample) (walls, rss []int64) {
	for _, samples := range runs {
		w, r := measure.Median(samples)
		walls, rss = append(walls, int64(w)), append(rss, r)
	}
	return walls, rss
}

// secs formats nanoseconds as seconds.
func secs(ns int64) string { return fmt.Sprintf("%.1f s", time.Duration(ns).Seconds()) }

// mib formats KiB as MiB.
func mib(kib int64) string { return fmt.Sprintf("%.0f MiB", float64(kib)/1024) }

// ratio formats a/b.
func ratio(a, b int64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f×", float64(a)/float64(b))
}
