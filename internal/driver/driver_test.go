package driver

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lockorder/lockorder/internal/testmod"

	"golang.org/x/tools/go/analysis"

	"github.com/lockorder/lockorder/analyzer"
	"github.com/lockorder/lockorder/internal/sarif/schematest"
)

var update = flag.Bool("update", false, "rewrite the golden files testdata/golden/alertmanager.{sarif,dot}")

// repo returns the absolute path of a file of the repository.
func repo(t *testing.T, elem ...string) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join(append([]string{"..", ".."}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs the driver in-process with the lockorder analyzer.
func run(args ...string) (stdout, stderr string, status int) {
	var out, errb bytes.Buffer
	status = Run(analyzer.Analyzer, args, &out, &errb)
	return out.String(), errb.String(), status
}

// modelOutput is what a run on the bundled model writes.
type modelOutput struct {
	sarif, dot     []byte
	stderr, stdout string
	status         int
}

var (
	modelOnce sync.Once
	model     modelOutput
	modelErr  error
)

// modelRun runs the driver once on the bundled model with -sarif and
// -graph FILE.dot and returns what it wrote.
func modelRun(t *testing.T) modelOutput {
	t.Helper()
	modelOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lockorder-driver")
		if err != nil {
			modelErr = err
			return
		}
		defer os.RemoveAll(dir)
		s, d := filepath.Join(dir, "a.sarif"), filepath.Join(dir, "a.dot")
		model.stdout, model.stderr, model.status = run("-C", repo(t, "testdata", "alertmanager"), "-sarif", s, "-graph", d, "./...")
		if model.sarif, err = os.ReadFile(s); err == nil {
			model.dot, err = os.ReadFile(d)
		}
		modelErr = err
	})
	if modelErr != nil {
		t.Fatal(modelErr)
	}
	return model
}

// normalize replaces what depends on the machine in a SARIF log (the
// checkout's directory, the tool's version) and in a DOT graph (the line
// numbers of the Go distribution's files).
func normalize(t *testing.T, data []byte) []byte {
	root := repo(t, "testdata", "alertmanager")
	rootURI := (&url.URL{Scheme: "file", Path: filepath.ToSlash(root) + "/"}).String()
	s := strings.ReplaceAll(string(data), `"uri": "`+rootURI+`"`, `"uri": "file:///path/to/lockorder/testdata/alertmanager/"`)
	s = strings.ReplaceAll(s, `"version": "`+toolVersion()+`"`, `"version": "0.0.0-devel"`)
	s = regexp.MustCompile(`(\$GOROOT/[^ "]*\.go):\d+`).ReplaceAllString(s, "$1:LINE")
	return []byte(s)
}

// golden compares data with a golden file, or rewrites it with -update.
func golden(t *testing.T, name string, data []byte) {
	t.Helper()
	path := repo(t, "testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./internal/driver -run Golden -update writes it)", err)
	}
	if !bytes.Equal(data, want) {
		t.Errorf("%s differs from the golden file %s (go test ./internal/driver -run Golden -update rewrites it):\n%s", name, path, data)
	}
}

func TestModelGoldenSARIF(t *testing.T) {
	m := modelRun(t)
	if m.status != exitReported || !strings.Contains(m.stderr, "lock order cycle mem.Alerts.mtx -> store.Alerts.mtx") {
		t.Errorf("exit %d, stderr %q: want 3 and the text report", m.status, m.stderr)
	}
	golden(t, "alertmanager.sarif", normalize(t, m.sarif))
}

func TestModelGoldenDOT(t *testing.T) {
	golden(t, "alertmanager.dot", normalize(t, modelRun(t).dot))
}

// TestModelSARIFSchema validates the model's SARIF log, and the golden
// file, against the SARIF 2.1.0 JSON schema.
func TestModelSARIFSchema(t *testing.T) {
	if err := schematest.Validate(modelRun(t).sarif); err != nil {
		t.Errorf("model: %v", err)
	}
	data, err := os.ReadFile(repo(t, "testdata", "golden", "alertmanager.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := schematest.Validate(data); err != nil {
		t.Errorf("golden file: %v", err)
	}
}

// TestModelSARIFCycle checks the cycle's result: its rule, its location
// relative to %SRCROOT%, both goroutines' paths and its fingerprint.
func TestModelSARIFCycle(t *testing.T) {
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI, URIBaseID string }
			Region           struct{ StartLine, StartColumn int }
		}
		Message struct{ Text string }
	}
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string }
			Results            []struct {
				RuleID           string
				Locations        []location
				RelatedLocations []location
				CodeFlows        []struct {
					ThreadFlows []struct {
						Message   struct{ Text string }
						Locations []struct{ Location location }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(modelRun(t).sarif, &log); err != nil {
		t.Fatal(err)
	}
	where := func(l location) string {
		p := l.PhysicalLocation
		return fmt.Sprintf("%s/%s:%d:%d", p.ArtifactLocation.URIBaseID, p.ArtifactLocation.URI, p.Region.StartLine, p.Region.StartColumn)
	}
	run := log.Runs[0]
	if got, want := run.OriginalURIBaseIDs["%SRCROOT%"].URI, "/testdata/alertmanager/"; !strings.HasSuffix(got, want) {
		t.Errorf("%%SRCROOT%% is %s, want .../testdata/alertmanager/", got)
	}
	var found bool
	for _, r := range run.Results {
		if r.RuleID != "lock-order-cycle" {
			continue
		}
		found = true
		if got := where(r.Locations[0]); got != "%SRCROOT%/provider/mem/mem.go:108:25" {
			t.Errorf("cycle at %s", got)
		}
		if len(r.RelatedLocations) != 6 {
			t.Errorf("%d related locations, want 6", len(r.RelatedLocations))
		}
		var flows []string
		for _, tf := range r.CodeFlows[0].ThreadFlows {
			var steps []string
			for _, l := range tf.Locations {
				steps = append(steps, where(l.Location)+" "+l.Location.Message.Text)
			}
			flows = append(flows, tf.Message.Text+": "+strings.Join(steps, "; "))
		}
		want := []string{
			"goroutine 1: %SRCROOT%/provider/mem/mem.go:103:12 holds mem.Alerts.mtx in (*mem.Alerts).Subscribe; " +
				"%SRCROOT%/provider/mem/mem.go:108:25 calls (*store.Alerts).List from (*mem.Alerts).Subscribe; " +
				"%SRCROOT%/store/store.go:109:12 acquires store.Alerts.mtx in (*store.Alerts).List",
			"goroutine 2: %SRCROOT%/store/store.go:63:12 holds store.Alerts.mtx in (*store.Alerts).gc; " +
				"%SRCROOT%/store/store.go:73:6 calls store.Alerts.cb from (*store.Alerts).gc; " +
				"%SRCROOT%/provider/mem/mem.go:75:13 acquires mem.Alerts.mtx in mem.NewAlerts.func1",
		}
		if !slices.Equal(flows, want) {
			t.Errorf("thread flows:\n%s\nwant\n%s", strings.Join(flows, "\n"), strings.Join(want, "\n"))
		}
		if fp := r.PartialFingerprints["lockorder/v1"]; !regexp.MustCompile(`^[0-9a-f]{32}:1$`).MatchString(fp) {
			t.Errorf("fingerprint %q", fp)
		}
	}
	if !found {
		t.Error("no lock-order-cycle result")
	}
}

// TestSameAcrossRuns runs the model again with other -c settings and
// with the SARIF log on standard output: the log is byte-identical and
// the text report is still printed. The second run also renders SVG.
func TestSameAcrossRuns(t *testing.T) {
	m := modelRun(t)
	dir := t.TempDir()
	s, svg := filepath.Join(dir, "b.sarif"), filepath.Join(dir, "b.svg")
	args := []string{"-C", repo(t, "testdata", "alertmanager"), "-c", "3", "-sarif", s}
	_, dotErr := exec.LookPath("dot")
	if dotErr == nil {
		args = append(args, "-graph", svg)
	}
	_, stderr, status := run(append(args, "./...")...)
	if status != exitReported || !strings.Contains(stderr, "lock order cycle") {
		t.Errorf("-c 3: exit %d, stderr %q", status, stderr)
	}
	if got, err := os.ReadFile(s); err != nil || !bytes.Equal(got, m.sarif) {
		t.Errorf("-c 3 writes another SARIF log (%v):\n%s", err, got)
	}
	if dotErr == nil {
		data, err := os.ReadFile(svg)
		if err != nil || !bytes.Contains(data, []byte("<svg")) || !bytes.Contains(data, []byte("<title>github.com/prometheus/alertmanager/store.Alerts.mtx</title>")) {
			t.Errorf("-graph b.svg: %v\n%s", err, data)
		}
	} else if os.Getenv("CI") != "" {
		t.Error("Graphviz dot is not installed: CI must install graphviz to test -graph FILE.svg")
	} else {
		t.Log("Graphviz dot is not installed: -graph FILE.svg not tested")
	}

	stdout, stderr, status := run("-C", repo(t, "testdata", "alertmanager"), "-c", "0", "-sarif", "-", "./...")
	if status != exitReported || !strings.Contains(stderr, "lock order cycle") {
		t.Errorf("-sarif -: exit %d, stderr %q", status, stderr)
	}
	if stdout != string(m.sarif) {
		t.Errorf("-sarif - writes another SARIF log:\n%s", stdout)
	}
}

// TestDocsSVG checks that docs/lockgraph.svg, shown in the README, is the
// picture of the model's lock graph: its nodes and edges are the golden
// DOT file's. (Its layout depends on Graphviz's version, so it is not
// compared byte for byte.)
func TestDocsSVG(t *testing.T) {
	dot, err := os.ReadFile(repo(t, "testdata", "golden", "alertmanager.dot"))
	if err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(repo(t, "docs", "lockgraph.svg"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, m := range regexp.MustCompile(`(?m)^\t("[^"]*")(?: -> ("[^"]*"))? \[`).FindAllStringSubmatch(string(dot), -1) {
		name := strings.Trim(m[1], `"`)
		if m[2] != "" {
			name += "->" + strings.Trim(m[2], `"`)
		}
		want = append(want, name)
	}
	var got []string
	for _, m := range regexp.MustCompile(`<title>([^<]*)</title>`).FindAllStringSubmatch(string(svg), -1) {
		if title := html.UnescapeString(m[1]); title != "lockorder" {
			got = append(got, title)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("docs/lockgraph.svg shows %q,\nthe golden DOT file %q\n(regenerate it: go run ./cmd/lockorder -C testdata/alertmanager -graph docs/lockgraph.svg ./...)", got, want)
	}
}

// oneLine checks that stderr is exactly one line matching rx.
func oneLine(t *testing.T, args []string, stderr, rx string) {
	t.Helper()
	line, ok := strings.CutSuffix(stderr, "\n")
	if !ok || strings.Contains(line, "\n") || !regexp.MustCompile(rx).MatchString(line) {
		t.Errorf("%s: stderr %q, want one line matching %s", args, stderr, rx)
	}
}

// TestFlagConflicts checks the usage errors of -sarif and -graph: one
// line each, exit 2, before loading anything.
func TestFlagConflicts(t *testing.T) {
	for _, tc := range []struct {
		args []string
		rx   string
	}{
		{[]string{"-json", "-sarif", "-"}, `^lockorder: -json and -sarif - both write to standard output`},
		{[]string{"-sarif", "-", "-graph", "-"}, `^lockorder: -sarif - and -graph - both write to standard output`},
		{[]string{"-json", "-graph", "-"}, `^lockorder: -json and -graph - both write`},
		{[]string{"-sarif", "out.dot", "-graph", "./out.dot"}, `^lockorder: -sarif and -graph both write to out.dot`},
		{[]string{"-graph", "out.png"}, `^lockorder: -graph out.png: unknown format`},
	} {
		args := append(tc.args, "./nonexistent")
		stdout, stderr, status := run(args...)
		if status != exitUsage || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q; want 2 and nothing", args, status, stdout)
		}
		oneLine(t, args, stderr, tc.rx)
	}

	noGraph := &analysis.Analyzer{Name: "floor", Doc: "floor", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	var errb bytes.Buffer
	if status := Run(noGraph, []string{"-graph", "g.dot", "./..."}, new(bytes.Buffer), &errb); status != exitUsage {
		t.Errorf("-graph with an analyzer without a lock graph: exit %d, want 2", status)
	}
	oneLine(t, []string{"floor -graph g.dot"}, errb.String(), `^floor: -graph: the floor analyzer builds no lock graph$`)
}

// TestMissingDot checks that -graph FILE.svg without Graphviz is an
// error of one line, exit 1.
func TestMissingDot(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	out := filepath.Join(t.TempDir(), "g.svg")
	args := []string{"-graph", out, "./..."}
	_, stderr, status := run(args...)
	if status != exitError {
		t.Errorf("exit %d, want 1", status)
	}
	oneLine(t, args, stderr, `^lockorder: -graph .*g\.svg: Graphviz dot is not installed \(Debian package graphviz\)`)
	if _, err := os.Stat(out); err == nil {
		t.Error("the SVG file was written")
	}
}

// TestUnwritable checks that an output file that cannot be written is
// an error of one line, exit 1, after the text report.
func TestUnwritable(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"go.mod": "module m\n\ngo 1.26.0\n",
		"p/p.go": "package p\n",
	})
	missing := filepath.Join(dir, "no", "such", "dir")
	for _, tc := range []struct {
		args []string
		rx   string
	}{
		{[]string{"-sarif", filepath.Join(missing, "r.sarif")}, `^lockorder: -sarif: open .*r\.sarif: no such file or directory$`},
		{[]string{"-graph", filepath.Join(missing, "g.dot")}, `^lockorder: -graph: open .*g\.dot: no such file or directory$`},
	} {
		args := append([]string{"-C", dir}, append(tc.args, "./...")...)
		_, stderr, status := run(args...)
		if status != exitError {
			t.Errorf("%s: exit %d, want 1", args, status)
		}
		oneLine(t, args, stderr, tc.rx)
	}
}
