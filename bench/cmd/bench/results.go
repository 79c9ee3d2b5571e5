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
	vet     []vetResult
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
	for _, v := range r.vet {
		if v.err != nil {
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
	p("medians of wall time, of CPU time (user + system) and of peak resident memory. `floor\n")
	p("typecheck` and `floor ssa` are `bench/cmd/floor`: analyzers that report nothing, run by\n")
	p("lockorder's own driver, exporting one fact per package so that dependencies are analysed\n")
	p("too; `floor ssa` also requires buildssa, as lockorder does. Ratios are lockorder's median\n")
	p("over the floor's. The load average before each run is in the per-module tables: above the\n")
	p("CPU count, other work shared the machine and the wall times are inflated (CPU times much\n")
	p("less so).\n\n")

	p("## Summary\n\n")
	p("| module | measure | lockorder | typecheck | ssa | ×typecheck | ×ssa |\n")
	p("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, m := range r.modules {
		if m.err != nil {
			p("| %s | failed | | | | | |\n", m.module)
			continue
		}
		summaryRows(&b, m.module, m.runs)
	}
	p("\nReports by lockorder (distinct position and message):\n\n")
	p("| module | %s | total |\n| --- |%s ---: |\n", strings.Join(kinds, " | "), strings.Repeat(" ---: |", len(kinds)))
	for _, m := range r.modules {
		if m.err != nil {
			continue
		}
		p("| %s |", m.module)
		for _, k := range kinds {
			p(" %d |", m.reports[k])
		}
		p(" %d |\n", total(m.reports))
	}

	for _, m := range r.modules {
		p("\n## %s\n\n", m.module)
		if m.err != nil {
			p("Failed: `%s`\n", strings.ReplaceAll(m.err.Error(), "\n", " "))
			continue
		}
		runTable(&b, toolNames, m.runs)
	}

	if len(r.vet) > 0 {
		r.vetMarkdown(&b)
	}

	p("\n## Scaling\n\n")
	p("Synthetic modules from `bench/cmd/synth`: %d layers, each package importing %d packages of\n", synthLayers, synthFanin)
	p("the layer below and holding %d lock classes, callbacks set across packages, no cycle; the\n", synthClasses)
	p("code per package is fixed, so the module grows linearly. Timed as above; lockorder must\n")
	p("report nothing on them.\n\n")
	p("| packages | measure | lockorder | typecheck | ssa | ×typecheck | ×ssa |\n")
	p("| ---: | --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, s := range r.scaling {
		if s.err != nil {
			p("| %d | failed: %s | | | | | |\n", s.config.Packages, strings.ReplaceAll(s.err.Error(), "\n", " "))
			continue
		}
		summaryRows(&b, fmt.Sprint(s.config.Packages), s.runs)
	}
	p("\n![time and peak memory against size](scaling.png)\n")
	return b.String()
}

// vetMarkdown renders the section on go vet.
func (r *results) vetMarkdown(b *strings.Builder) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("\n## Under go vet\n\n")
	p("`go vet -vettool=TOOL ./...` in the module's root, under `/usr/bin/time -v` (CPU time and\n")
	p("peak memory are those of go vet and every process it starts; the peak is the largest\n")
	p("one's), lockorder against `bench/cmd/vetfloor`, the SSA floor as a vet tool, alternately,\n")
	p("%d rounds, after one untimed run that compiles what go vet needs. Each run is a copy of\n", r.rounds)
	p("the tool with bytes of its own appended: go vet caches a tool's results under a hash of\n")
	p("its executable, and every package is analysed again. Each package is then a process of\n")
	p("its own that decodes the facts of its dependencies.\n\n")
	p("| module | measure | lockorder | ssa | ×ssa |\n| --- | --- | ---: | ---: | ---: |\n")
	for _, v := range r.vet {
		if v.err != nil {
			p("| %s | failed: %s | | | |\n", v.module, strings.ReplaceAll(v.err.Error(), "\n", " "))
			continue
		}
		summaryRows(b, v.module, v.runs)
	}
	for _, v := range r.vet {
		if v.err == nil {
			p("\n%s under go vet:\n\n", v.module)
			runTable(b, vetToolNames, v.runs)
		}
	}
}

// summaryRows writes the wall time, CPU time and peak memory rows of one
// module: each tool's median, lockorder's (the first) then the floors',
// and lockorder's ratios to the floors.
func summaryRows(b *strings.Builder, name string, runs [][]measure.Sample) {
	ms := make([]measure.Medians, len(runs))
	for i, samples := range runs {
		ms[i] = measure.Median(samples)
	}
	row := func(measureName string, v func(measure.Medians) int64, format func(int64) string) {
		fmt.Fprintf(b, "| %s | %s |", name, measureName)
		for _, m := range ms {
			fmt.Fprintf(b, " %s |", format(v(m)))
		}
		for _, m := range ms[1:] {
			fmt.Fprintf(b, " %s |", ratio(v(ms[0]), v(m)))
		}
		b.WriteString("\n")
	}
	row("wall", func(m measure.Medians) int64 { return int64(m.Wall) }, secs)
	row("CPU", func(m measure.Medians) int64 { return int64(m.CPU) }, secs)
	row("peak RSS", func(m measure.Medians) int64 { return m.MaxRSSKiB }, mib)
}

// runTable writes the per-tool table of one module: every run, in order.
func runTable(b *strings.Builder, names []string, runs [][]measure.Sample) {
	fmt.Fprintf(b, "| tool | runs: wall s / CPU s / RSS MiB (load average before) |\n| --- | --- |\n")
	for i, samples := range runs {
		var each []string
		for _, s := range samples {
			each = append(each, fmt.Sprintf("%.1f / %.1f / %.0f (%.1f)", s.Wall.Seconds(), s.CPU.Seconds(), float64(s.MaxRSSKiB)/1024, s.Load))
		}
		fmt.Fprintf(b, "| %s | %s |\n", names[i], strings.Join(each, ", "))
	}
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
