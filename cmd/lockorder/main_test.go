package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lockorder/lockorder/internal/testmod"
)

// lockorder is the command under test, built once by TestMain.
var lockorder string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "lockorder-test")
	if err != nil {
		panic(err)
	}
	lockorder = filepath.Join(dir, "lockorder")
	if out, err := exec.Command("go", "build", "-o", lockorder, ".").CombinedOutput(); err != nil {
		panic("building lockorder: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runIn runs a command in dir and returns its standard output, standard
// error and exit status.
func runIn(t *testing.T, dir string, name string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return out.String(), errb.String(), status
}

func model(t *testing.T, name string) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

const cycleLine = `provider/mem/mem.go:108:25: lock order cycle mem.Alerts.mtx -> store.Alerts.mtx -> mem.Alerts.mtx: ` +
	`(*mem.Alerts).Subscribe acquires store.Alerts.mtx while holding mem.Alerts.mtx; ` +
	`(*store.Alerts).gc acquires mem.Alerts.mtx while holding store.Alerts.mtx`

// witnessLines are the steps printed under the cycle, as "file:line:col:
// step", both goroutines, in both packages.
var witnessLines = []string{
	"provider/mem/mem.go:103:12: \tgoroutine 1: holds mem.Alerts.mtx in (*mem.Alerts).Subscribe",
	"provider/mem/mem.go:108:25: \tgoroutine 1: calls (*store.Alerts).List from (*mem.Alerts).Subscribe",
	"store/store.go:109:12: \tgoroutine 1: acquires store.Alerts.mtx in (*store.Alerts).List",
	"store/store.go:63:12: \tgoroutine 2: holds store.Alerts.mtx in (*store.Alerts).gc",
	"store/store.go:73:6: \tgoroutine 2: calls store.Alerts.cb from (*store.Alerts).gc",
	"provider/mem/mem.go:75:13: \tgoroutine 2: acquires mem.Alerts.mtx in mem.NewAlerts.func1",
}

// checkReport checks that a text report is the model's cycle and nothing
// else.
func checkReport(t *testing.T, dir, report string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(report), "\n")
	want := append([]string{cycleLine}, witnessLines...)
	if len(lines) != len(want) {
		t.Fatalf("report has %d lines, want %d:\n%s", len(lines), len(want), report)
	}
	for i, line := range lines {
		line = strings.TrimPrefix(line, dir+string(filepath.Separator))
		if line != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, line, want[i])
		}
	}
}

func TestModelStandalone(t *testing.T) {
	dir := model(t, "alertmanager")
	stdout, stderr, status := runIn(t, dir, lockorder, "./...")
	if status != 3 || stdout != "" {
		t.Errorf("exit %d, stdout %q; want 3 and nothing", status, stdout)
	}
	checkReport(t, dir, stderr)
}

// TestReadmeRunCommand runs the README's first set-up command from the
// repository root.
func TestReadmeRunCommand(t *testing.T) {
	dir := model(t, "alertmanager")
	_, stderr, status := runIn(t, filepath.Join("..", ".."), "go", "run", "./cmd/lockorder", "-C", "testdata/alertmanager", "./...")
	if status != 1 { // go run exits 1 when the program exits non-zero
		t.Errorf("exit %d, want 1", status)
	}
	var report []string
	for _, line := range strings.Split(stderr, "\n") {
		if !strings.HasPrefix(line, "exit status") {
			report = append(report, line)
		}
	}
	checkReport(t, dir, strings.Join(report, "\n"))
}

// TestDeterministic runs lockorder on the fixtures (GOPATH mode) with one
// and with two threads and with and without context lines: the JSON and
// SARIF reports are byte-identical, and so is the text report once its
// context lines are left out. The fixtures have reports in many packages
// and in several files of one package.
func TestDeterministic(t *testing.T) {
	dir := model(t, "src")
	t.Setenv("GOPATH", filepath.Dir(dir))
	t.Setenv("GO111MODULE", "off")
	type output struct{ text, json, sarif string }
	runs := make(map[string]output)
	for _, procs := range []string{"1", "2"} {
		for _, context := range []string{"-1", "2"} {
			t.Setenv("GOMAXPROCS", procs)
			sarif := filepath.Join(t.TempDir(), "report.sarif")
			_, text, status := runIn(t, dir, lockorder, "-c", context, "./...")
			js, _, jsonStatus := runIn(t, dir, lockorder, "-c", context, "-json", "-sarif", sarif, "./...")
			data, err := os.ReadFile(sarif)
			if status != 3 || jsonStatus != 3 || err != nil {
				t.Fatalf("GOMAXPROCS=%s -c %s: exit %d and %d (want 3), %v", procs, context, status, jsonStatus, err)
			}
			var lines []string
			for _, line := range strings.SplitAfter(text, "\n") {
				if !regexp.MustCompile(`^\d+\t`).MatchString(line) {
					lines = append(lines, line)
				}
			}
			if context != "-1" && len(lines) == len(strings.SplitAfter(text, "\n")) {
				t.Errorf("-c %s printed no context lines", context)
			}
			runs["GOMAXPROCS="+procs+" -c "+context] = output{strings.Join(lines, ""), js, string(data)}
		}
	}
	first := runs["GOMAXPROCS=1 -c -1"]
	if n := strings.Count(first.json, `"posn"`); n < 50 {
		t.Errorf("the JSON report has %d positions, want many", n)
	}
	for name, out := range runs {
		if out != first {
			t.Errorf("%s: the report differs from GOMAXPROCS=1 -c -1's:\n%+v\nwant:\n%+v", name, out, first)
		}
	}
}

func TestFixedModelsSilent(t *testing.T) {
	for _, name := range []string{"alertmanager-fixed", "alertmanager-ordered"} {
		stdout, stderr, status := runIn(t, model(t, name), lockorder, "./...")
		if status != 0 || stdout != "" || stderr != "" {
			t.Errorf("%s: exit %d, output %q %q; want 0 and nothing", name, status, stdout, stderr)
		}
	}
}

func TestModelVet(t *testing.T) {
	dir := model(t, "alertmanager")
	_, stderr, status := runIn(t, dir, "go", "vet", "-vettool="+lockorder, "./...")
	if status != 1 {
		t.Errorf("go vet exit %d, want 1", status)
	}
	var report []string
	for _, line := range strings.Split(stderr, "\n") {
		if !strings.HasPrefix(line, "#") {
			report = append(report, line)
		}
	}
	checkReport(t, dir, strings.Join(report, "\n"))

	for _, name := range []string{"alertmanager-fixed", "alertmanager-ordered"} {
		if _, stderr, status := runIn(t, model(t, name), "go", "vet", "-vettool="+lockorder, "./..."); status != 0 {
			t.Errorf("%s: go vet exit %d, want 0:\n%s", name, status, stderr)
		}
	}
}

func TestModelJSON(t *testing.T) {
	stdout, _, status := runIn(t, model(t, "alertmanager"), lockorder, "-json", "./...")
	if status != 3 {
		t.Errorf("exit %d, want 3", status)
	}
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
		Related []struct {
			Posn    string `json:"posn"`
			Message string `json:"message"`
		} `json:"related"`
	}
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("-json output does not decode: %v\n%s", err, stdout)
	}
	diags := tree["github.com/prometheus/alertmanager/provider/mem"]["lockorder"]
	if len(diags) != 1 || len(diags[0].Related) != len(witnessLines) {
		t.Fatalf("want one diagnostic with %d related steps, got %+v", len(witnessLines), diags)
	}
	if !strings.Contains(diags[0].Message, "mem.Alerts.mtx -> store.Alerts.mtx") {
		t.Errorf("message %q does not name both locks", diags[0].Message)
	}
}

// TestBadInput checks that each kind of bad input gets a clear error, one
// line each, and a non-zero exit, with no panic.
func TestBadInput(t *testing.T) {
	dir := testmod.Write(t, map[string]string{
		"go.mod":          "module bad\n\ngo 1.26.0\n",
		"typeerr/a.go":    "package typeerr\n\nfunc f() int { return \"x\" }\n",
		"syntaxerr/a.go":  "package syntaxerr\n\nfunc f( {\n",
		"importerr/a.go":  "package importerr\n\nimport _ \"example.com/missing\"\n",
		"good/a.go":       "package good\n",
		"excluded/a.go":   "//go:build never\n\npackage excluded\n",
		"excluded/doc.md": "no Go files here\n",
		"cgook/a.go":      cgoCycle,
		"cgobad/a.go":     "package cgobad\n\n// int broken( { return 0; }\nimport \"C\"\n",
		"orders/doc.md":   "a directory, not an order file\n",
	})
	for _, tc := range []struct {
		args   []string
		env    string // NAME=value for the run
		status int
		stderr string // regexp every line of standard error must match
	}{
		{[]string{"./nonexistent"}, "", 1, `^lockorder: .*nonexistent.*directory not found$`},
		{[]string{"./typeerr"}, "", 1, `typeerr/a.go:3:23: cannot use "x"`},
		{[]string{"./syntaxerr"}, "", 1, `syntaxerr/a.go:3:\d+: `},
		{[]string{"./importerr"}, "", 1, `example.com/missing`},
		{[]string{"./excluded"}, "", 1, `^lockorder: .*build constraints exclude all Go files`},
		{[]string{"example.com/no/such/pkg"}, "", 1, `^lockorder: example.com/no/such/pkg: `},
		{[]string{"-bogus", "./good"}, "", 2, `^lockorder: flag provided but not defined: -bogus`},
		{[]string{}, "", 2, `^lockorder: no packages named`},
		{[]string{"./good"}, "", 0, `^$`},
		// A cgo package is analysed in its source file, not in the file
		// cgo generates; a C error is one line; without cgo it is excluded.
		{[]string{"./cgook"}, "", 3, `^(\S*/cgook/a.go:\d+:\d+: .*(lock order cycle|goroutine))`},
		{[]string{"./cgobad"}, "", 1, `cgobad/a.go:\d+:\d+: (error: .* \(and \d+ more lines\)$|could not import C)`},
		{[]string{"./cgook"}, "CGO_ENABLED=0", 1, `^lockorder: .*build constraints exclude all Go files`},
		{[]string{"-order", "nonexistent.txt", "./good"}, "", 2, `^lockorder: invalid value "nonexistent.txt" for flag -order: .*no such file`},
		{[]string{"-order", "orders", "./good"}, "", 2, `^lockorder: invalid value "orders" for flag -order: .*is a directory`},
		{[]string{"-json", "-sarif", "-", "./good"}, "", 2, `^lockorder: -json and -sarif - both write to standard output`},
	} {
		t.Run(strings.Join(append(tc.args, tc.env), " "), func(t *testing.T) {
			if slices.ContainsFunc(tc.args, func(a string) bool { return strings.HasPrefix(a, "./cgo") }) {
				if _, err := exec.LookPath("gcc"); err != nil && os.Getenv("CI") == "" {
					t.Skip("no C compiler for cgo")
				}
			}
			if name, value, ok := strings.Cut(tc.env, "="); ok {
				t.Setenv(name, value)
			}
			_, stderr, status := runIn(t, dir, lockorder, tc.args...)
			if status != tc.status {
				t.Errorf("exit %d, want %d\n%s", status, tc.status, stderr)
			}
			rx := regexp.MustCompile(tc.stderr)
			for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
				if !rx.MatchString(line) || strings.Contains(line, "panic") {
					t.Errorf("stderr line %q does not match %s", line, tc.stderr)
				}
			}
		})
	}
}

// cgoCycle is a cgo package with a lock order cycle.
const cgoCycle = `package cgook

// int twice(int x) { return 2 * x; }
import "C"

import "sync"

type T struct{ a, b sync.Mutex }

func (t *T) AB() int {
	t.a.Lock()
	t.b.Lock()
	defer t.a.Unlock()
	defer t.b.Unlock()
	return int(C.twice(1))
}

func (t *T) BA() {
	t.b.Lock()
	t.a.Lock()
	t.a.Unlock()
	t.b.Unlock()
}
`

// TestModelWholeProgram checks the whole-program mode on the model: the
// same cycle, and each goroutine's path from its go statement, including
// the dispatcher's call through the provider.Alerts interface.
func TestModelWholeProgram(t *testing.T) {
	dir := model(t, "alertmanager")
	_, stderr, status := runIn(t, dir, lockorder, "-whole", "./...")
	if status != 3 {
		t.Errorf("exit %d, want 3", status)
	}
	want := []string{
		"cmd/alertmanager/main.go:51:2: \tgoroutine 1: go (*dispatch.Dispatcher).Run in main.run",
		"dispatch/dispatch.go:61:26: \tgoroutine 1: calls (*mem.Alerts).Subscribe from (*dispatch.Dispatcher).Run",
		"provider/mem/mem.go:103:12: \tgoroutine 1: holds mem.Alerts.mtx in (*mem.Alerts).Subscribe",
		"provider/mem/mem.go:88:2: \tgoroutine 2: go (*store.Alerts).Run in mem.NewAlerts",
		"store/store.go:55:8: \tgoroutine 2: calls (*store.Alerts).gc from (*store.Alerts).Run",
		"provider/mem/mem.go:75:13: \tgoroutine 2: acquires mem.Alerts.mtx in mem.NewAlerts.func1",
	}
	report := strings.ReplaceAll(stderr, dir+string(filepath.Separator), "")
	if !strings.Contains(report, strings.TrimPrefix(cycleLine, "provider/mem/mem.go:108:25: ")) {
		t.Errorf("no cycle line in:\n%s", report)
	}
	for _, line := range want {
		if !strings.Contains(report, line+"\n") {
			t.Errorf("missing %q in:\n%s", line, report)
		}
	}
	for _, name := range []string{"alertmanager-fixed", "alertmanager-ordered"} {
		if _, stderr, status := runIn(t, model(t, name), lockorder, "-whole", "./..."); status != 0 || stderr != "" {
			t.Errorf("%s: exit %d, output %q; want 0 and nothing", name, status, stderr)
		}
	}
	if _, stderr, status := runIn(t, dir, lockorder, "-whole", "-json", "./..."); status != 2 || !strings.Contains(stderr, "-whole") {
		t.Errorf("-whole -json: exit %d, %q; want a usage error", status, stderr)
	}
}

// TestOtherModuleInterface checks that the standalone command, like go
// vet, follows calls through the interfaces of the analysed module only:
// the cycle through local.Hook is reported, the same one through another
// module's dep.Hook is not.
func TestOtherModuleInterface(t *testing.T) {
	dir := model(t, "othermodule")
	cycles := func(output string) []string {
		var found []string
		for _, line := range strings.Split(output, "\n") {
			if i := strings.Index(line, ": lock order cycle "); i >= 0 {
				found = append(found, strings.TrimPrefix(line[:i], dir+string(filepath.Separator)))
			}
		}
		return found
	}
	want := []string{"local/local.go:31:11"}
	_, stderr, status := runIn(t, dir, lockorder, "./...")
	if got := cycles(stderr); status != 3 || !slices.Equal(got, want) {
		t.Errorf("lockorder: exit %d, cycles at %q; want 3 and %q:\n%s", status, got, want, stderr)
	}
	_, stderr, status = runIn(t, dir, "go", "vet", "-vettool="+lockorder, "./...")
	if got := cycles(stderr); status != 1 || !slices.Equal(got, want) {
		t.Errorf("go vet: exit %d, cycles at %q; want 1 and %q:\n%s", status, got, want, stderr)
	}
}
