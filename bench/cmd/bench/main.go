// Command bench times lockorder against its two floors (see cmd/floor) on
// pinned real modules and on synthetic modules of growing size, counts
// lockorder's reports, and writes RESULTS.md and scaling.png. It is run by
// bench/run.sh, which builds the binaries it is given:
//
//	bench -lockorder BIN -floor BIN [-rounds 3] [-sizes 10,20,40,80,160] [-out DIR] [-reports DIR] [-timeout 15m] [-vet LIST -vetfloor BIN]
//
// Each tool runs as "TOOL -json ./..." in the module's root under
// /usr/bin/time -v, the three tools alternating, rounds times; the results
// are the medians of wall time and of peak resident memory. With -vet, the
// modules listed are also timed under go vet, lockorder against the SSA
// floor as a vet tool (bench/cmd/vetfloor).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// modules are the pinned real modules.
var modules = []string{
	"github.com/prometheus/alertmanager@v0.27.0",
	"github.com/prometheus/alertmanager@v0.28.0",
	"github.com/hashicorp/raft@v1.7.3",
	"github.com/hashicorp/memberlist@v0.5.1",
	"github.com/nats-io/nats-server/v2@v2.10.22",
}

func main() {
	lockorderBin := flag.String("lockorder", "", "lockorder binary")
	floorBin := flag.String("floor", "", "floor binary (bench/cmd/floor)")
	rounds := flag.Int("rounds", 3, "runs of each tool on each module")
	sizes := flag.String("sizes", "10,20,40,80,160", "comma-separated package counts of the synthetic modules")
	only := flag.String("modules", "", "comma-separated MODULE@VERSION list to run instead of the pinned modules")
	out := flag.String("out", ".", "directory to write RESULTS.md and scaling.png into")
	reports := flag.String("reports", "", "directory to write lockorder's JSON report on each real module into")
	timeout := flag.Duration("timeout", 15*time.Minute, "kill a run that takes longer than this")
	vetList := flag.String("vet", "", "comma-separated MODULE@VERSION list to time under go vet too")
	vetFloorBin := flag.String("vetfloor", "", "vet floor binary (bench/cmd/vetfloor), for -vet")
	flag.Parse()
	if *lockorderBin == "" || *floorBin == "" || *rounds < 1 || flag.NArg() > 0 || *vetList != "" && *vetFloorBin == "" {
		fmt.Fprintln(os.Stderr, "usage: bench -lockorder BIN -floor BIN [-rounds N] [-sizes LIST] [-modules LIST] [-out DIR] [-reports DIR] [-timeout D] [-vet LIST -vetfloor BIN]")
		os.Exit(2)
	}
	ns, err := parseSizes(*sizes)
	if err != nil {
		fatal(err)
	}
	mods := modules
	if *only != "" {
		mods = strings.Split(*only, ",")
	}
	work, err := os.MkdirTemp("", "lockorder-bench-")
	if err != nil {
		fatal(err)
	}
	defer os.RemoveAll(work)

	tools := []tool{
		{name: "lockorder", bin: *lockorderBin, reports: true},
		{name: "floor typecheck", bin: *floorBin, args: []string{"-floor=typecheck"}},
		{name: "floor ssa", bin: *floorBin, args: []string{"-floor=ssa"}},
	}
	res := results{date: time.Now().UTC(), rounds: *rounds, machine: describeMachine()}
	fetched := make(map[string]string)
	fetchOnce := func(m string) (string, error) {
		if dir, ok := fetched[m]; ok {
			return dir, nil
		}
		dir, err := fetch(work, m)
		if err == nil {
			fetched[m] = dir
		}
		return dir, err
	}
	for _, m := range mods {
		logf("module %s", m)
		mr := moduleResult{module: m}
		dir, err := fetchOnce(m)
		if err != nil {
			mr.err = err
		} else {
			mr.runs, mr.reports, mr.err = timeTools(dir, tools, *rounds, *timeout)
		}
		if mr.err == nil && *reports != "" {
			mr.err = saveReport(*reports, m, mr.runs[0][0].Stdout)
		}
		if mr.err != nil {
			logf("  %v", mr.err)
		}
		res.modules = append(res.modules, mr)
		if err := res.write(*out); err != nil {
			fatal(err)
		}
	}
	if *vetList != "" {
		for m := range strings.SplitSeq(*vetList, ",") {
			logf("module %s under go vet", m)
			vr := vetResult{module: m}
			dir, err := fetchOnce(m)
			if err != nil {
				vr.err = err
			} else {
				vr.runs, vr.err = timeVet(work, dir, []string{*lockorderBin, *vetFloorBin}, *rounds, *timeout)
			}
			if vr.err != nil {
				logf("  %v", vr.err)
			}
			res.vet = append(res.vet, vr)
			if err := res.write(*out); err != nil {
				fatal(err)
			}
		}
	}
	for _, n := range ns {
		logf("synthetic module of %d packages", n)
		res.scaling = append(res.scaling, scale(work, n, tools, *rounds, *timeout))
		if err := res.write(*out); err != nil {
			fatal(err)
		}
	}
	logf("wrote %s and %s", filepath.Join(*out, "RESULTS.md"), filepath.Join(*out, "scaling.png"))
	if res.failed() {
		fmt.Fprintln(os.Stderr, "bench: some runs failed; see RESULTS.md")
		os.Exit(1)
	}
}

// write writes RESULTS.md and scaling.png into dir with what res holds so
// far, so that an interrupted run leaves its results.
func (res *results) write(dir string) error {
	if err := os.WriteFile(filepath.Join(dir, "RESULTS.md"), []byte(res.markdown()), 0o666); err != nil {
		return err
	}
	return plotScaling(filepath.Join(dir, "scaling.png"), res.scaling)
}

// saveReport writes lockorder's JSON report on module m into dir.
func saveReport(dir, m string, report []byte) error {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	name := strings.NewReplacer("/", "_", "@", "_").Replace(m) + ".json"
	return os.WriteFile(filepath.Join(dir, name), report, 0o666)
}

// parseSizes parses the -sizes list.
func parseSizes(s string) ([]int, error) {
	var ns []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bench: bad size %q in -sizes", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// logf prints a progress line on standard error.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s bench: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// fatal prints err and exits.
func fatal(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}
