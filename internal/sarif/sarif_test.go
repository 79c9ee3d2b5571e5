package sarif_test

import (
	"bytes"
	"encoding/json"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lockorder/lockorder/internal/sarif"
	"github.com/lockorder/lockorder/internal/sarif/schematest"
)

var tool = sarif.Tool{Name: "lockorder", Version: "1.0.0", InformationURI: "https://example.com/lockorder"}

// fixture writes files under a temporary root and returns the root.
func fixture(t *testing.T, files map[string]string) string {
	root := t.TempDir()
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func pos(file string, line, col int) token.Position {
	return token.Position{Filename: file, Line: line, Column: col}
}

// sample is one report of each kind, in no particular order.
func sample(root string) []sarif.Report {
	a, b := filepath.Join(root, "a", "a.go"), filepath.Join(root, "b.go")
	return []sarif.Report{
		{Category: "double-lock", Message: "recursive read lock of a.T.mu in a.f: already read-locked; a writer waiting in between deadlocks",
			Pos: pos(b, 9, 3), Related: []sarif.Step{{Pos: pos(b, 8, 3), Message: "a.T.mu first acquired here"}}},
		{Category: "cycle", Message: "lock order cycle a.mu -> b.mu -> a.mu: f acquires b.mu while holding a.mu; g acquires a.mu while holding b.mu",
			Pos: pos(a, 4, 2), Related: []sarif.Step{
				{Pos: pos(a, 3, 2), Message: "goroutine 1: holds a.mu in f"},
				{Pos: pos(a, 4, 2), Message: "goroutine 1: acquires b.mu in f"},
				{Pos: pos(b, 5, 2), Message: "goroutine 2: holds b.mu in g"},
				{Message: "/elsewhere/c.go:7:1: goroutine 2: calls h from g"},
				{Pos: pos("/elsewhere/c.go", 9, 2), Message: "goroutine 2: acquires a.mu in h"},
			}},
		{Category: "double-lock", Message: "double lock of a.T.mu: a.f calls a.g, which acquires it again",
			Pos: pos(a, 2, 1), Related: []sarif.Step{
				{Pos: pos(a, 1, 1), Message: "a.T.mu first acquired here"},
				{Pos: pos(a, 2, 1), Message: "calls a.g from a.f"},
				{Pos: pos(a, 3, 1), Message: "acquires a.T.mu in a.g"},
			}},
		{Category: "leaked-lock", Message: "leaked lock: a.mu is still held here", Pos: pos(b, 1, 1)},
		{Message: "lock graph has more cycles than lockorder enumerates", Pos: pos(b, 1, 1)},
	}
}

func encode(t *testing.T, l *sarif.Log) []byte {
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSchema validates a log with every kind of report, related steps
// with and without positions, and files in and outside the root.
func TestSchema(t *testing.T) {
	root := t.TempDir()
	if err := schematest.Validate(encode(t, sarif.Convert(tool, root, sample(root)))); err != nil {
		t.Fatal(err)
	}
	if err := schematest.Validate(encode(t, sarif.Convert(tool, root, nil))); err != nil {
		t.Fatalf("log without results: %v", err)
	}
}

func TestRules(t *testing.T) {
	root := t.TempDir()
	run := sarif.Convert(tool, root, sample(root)).Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		if r.Name == "" || r.ShortDescription.Text == "" || r.FullDescription.Text == "" ||
			r.Help.Text == "" || r.Help.Markdown == "" || r.DefaultConfiguration.Level == "" ||
			!strings.HasPrefix(r.HelpURI, tool.InformationURI+"#") {
			t.Errorf("rule %s lacks a description: %+v", r.ID, r)
		}
	}
	want := []string{"lock-order-cycle", "double-lock", "recursive-read-lock", "leaked-lock", "other"}
	if !slices.Equal(ids, want) {
		t.Errorf("rules %v, want %v", ids, want)
	}
	got := make(map[string]string)
	for _, res := range run.Results {
		if rule := run.Tool.Driver.Rules[res.RuleIndex]; rule.ID != res.RuleID || rule.DefaultConfiguration.Level != res.Level {
			t.Errorf("result of rule %s has index %d (%s) and level %s", res.RuleID, res.RuleIndex, rule.ID, res.Level)
		}
		got[strings.Join(strings.Fields(res.Message.Text)[:2], " ")] = res.RuleID
	}
	for start, rule := range map[string]string{"lock order": "lock-order-cycle", "double lock": "double-lock",
		"recursive read": "recursive-read-lock", "leaked lock:": "leaked-lock", "lock graph": "other"} {
		if got[start] != rule {
			t.Errorf("report %q... has rule %s, want %s", start, got[start], rule)
		}
	}
	// Without reports of other kinds, only lockorder's own rules.
	if n := len(sarif.Convert(tool, root, nil).Runs[0].Tool.Driver.Rules); n != 3 {
		t.Errorf("empty log has %d rules, want 3", n)
	}
}

func TestLocations(t *testing.T) {
	root := t.TempDir()
	run := sarif.Convert(tool, root, sample(root)).Runs[0]
	if base := run.OriginalURIBaseIDs[sarif.SrcRoot].URI; !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("%%SRCROOT%% is %q, want an absolute file URI ending in /", base)
	}
	var cycle sarif.Result
	for _, r := range run.Results {
		if r.RuleID == "lock-order-cycle" {
			cycle = r
		}
	}
	loc := cycle.Locations[0].PhysicalLocation
	if loc.ArtifactLocation != (sarif.ArtifactLocation{URI: "a/a.go", URIBaseID: sarif.SrcRoot}) || *loc.Region != (sarif.Region{StartLine: 4, StartColumn: 2}) {
		t.Errorf("primary location %+v %+v", loc.ArtifactLocation, *loc.Region)
	}
	if n := len(cycle.RelatedLocations); n != 5 {
		t.Fatalf("%d related locations, want 5", n)
	}
	for i, rel := range cycle.RelatedLocations {
		if *rel.ID != i+1 || !strings.Contains(rel.Message.Text, "goroutine ") {
			t.Errorf("related location %d: id %d, message %q", i, *rel.ID, rel.Message.Text)
		}
	}
	if rel := cycle.RelatedLocations[3]; rel.PhysicalLocation != nil {
		t.Errorf("step without a position has location %+v", rel.PhysicalLocation)
	}
	if got := cycle.RelatedLocations[4].PhysicalLocation.ArtifactLocation; got != (sarif.ArtifactLocation{URI: "file:///elsewhere/c.go"}) {
		t.Errorf("file outside the root: %+v, want an absolute URI", got)
	}
}

// TestThreadFlows checks one thread flow per goroutine, steps stripped of
// their prefix, and one thread flow for the steps of a double lock.
func TestThreadFlows(t *testing.T) {
	root := t.TempDir()
	flows := make(map[string][]sarif.ThreadFlow)
	for _, r := range sarif.Convert(tool, root, sample(root)).Runs[0].Results {
		if len(r.CodeFlows) > 1 {
			t.Errorf("%s: %d code flows, want 1", r.RuleID, len(r.CodeFlows))
		}
		if len(r.CodeFlows) == 1 {
			flows[r.RuleID] = r.CodeFlows[0].ThreadFlows
		}
	}
	describe := func(tfs []sarif.ThreadFlow) string {
		var parts []string
		for _, tf := range tfs {
			var steps []string
			for _, l := range tf.Locations {
				steps = append(steps, l.Location.Message.Text)
			}
			name := "-"
			if tf.Message != nil {
				name = tf.Message.Text
			}
			parts = append(parts, name+": "+strings.Join(steps, ", "))
		}
		return strings.Join(parts, " | ")
	}
	for rule, want := range map[string]string{
		"lock-order-cycle": "goroutine 1: holds a.mu in f, acquires b.mu in f | " +
			"goroutine 2: holds b.mu in g, /elsewhere/c.go:7:1: calls h from g, acquires a.mu in h",
		"double-lock":         "-: a.T.mu first acquired here, calls a.g from a.f, acquires a.T.mu in a.g",
		"recursive-read-lock": "-: a.T.mu first acquired here",
	} {
		if got := describe(flows[rule]); got != want {
			t.Errorf("%s:\n got %s\nwant %s", rule, got, want)
		}
	}
	if _, ok := flows["leaked-lock"]; ok {
		t.Error("a report without related steps has a code flow")
	}
}

// TestFingerprints checks that fingerprints ignore line numbers, tell
// files, rules and messages apart, and number equal reports in one file.
func TestFingerprints(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "a.go")
	fp := func(reports ...sarif.Report) []string {
		var out []string
		for _, r := range sarif.Convert(tool, root, reports).Runs[0].Results {
			out = append(out, r.PartialFingerprints[sarif.FingerprintKey])
		}
		return out
	}
	r := sarif.Report{Category: "double-lock", Message: "double lock of a.mu in a.f: already held", Pos: pos(file, 10, 2)}
	moved := r
	moved.Pos = pos(file, 40, 7)
	other := r
	other.Pos = pos(filepath.Join(root, "b.go"), 10, 2)
	cycle := r
	cycle.Category = "cycle"
	msg := r
	msg.Message = "double lock of a.mu in a.g: already held"

	base := fp(r)[0]
	if !strings.HasSuffix(base, ":1") {
		t.Errorf("fingerprint %s does not end in :1", base)
	}
	if got := fp(moved)[0]; got != base {
		t.Errorf("moving the report changes its fingerprint: %s, was %s", got, base)
	}
	for name, x := range map[string]sarif.Report{"file": other, "rule": cycle, "message": msg} {
		if fp(x)[0] == base {
			t.Errorf("another %s, same fingerprint %s", name, base)
		}
	}
	if got := fp(moved, r); got[0] != base || got[1] != strings.TrimSuffix(base, "1")+"2" {
		t.Errorf("two equal reports in one file: %v, want %s and :2", got, base)
	}
}

// TestDeterministic checks that the order of the reports does not matter
// and that duplicates (a file in a package and its test variant) are kept
// once.
func TestDeterministic(t *testing.T) {
	root := t.TempDir()
	reports := sample(root)
	want := encode(t, sarif.Convert(tool, root, reports))
	shuffled := slices.Clone(reports)
	slices.Reverse(shuffled)
	shuffled = append(shuffled, reports...)
	if got := encode(t, sarif.Convert(tool, root, shuffled)); !bytes.Equal(got, want) {
		t.Errorf("reordered and duplicated reports give another log:\n%s\nwant\n%s", got, want)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(want, &log); err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, r := range log.Runs[0].Results {
		p := r.Locations[0].PhysicalLocation
		order = append(order, p.ArtifactLocation.URI+":"+strings.Repeat("I", p.Region.StartLine))
	}
	if !slices.IsSorted(order) || len(order) != len(reports) {
		t.Errorf("results not sorted by file and line, or duplicated: %v", order)
	}
	if bytes.Contains(want, []byte(`\u003e`)) {
		t.Error("-> is escaped as \\u003e")
	}
}

// TestColumns checks that byte columns become UTF-16 columns.
func TestColumns(t *testing.T) {
	root := fixture(t, map[string]string{"u.go": "package u\n\nvar s = \"é😀\"; var mu sync.Mutex\n"})
	file := filepath.Join(root, "u.go")
	col := strings.Index("var s = \"é😀\"; var mu sync.Mutex", "mu") + 1 // byte column 23
	reports := []sarif.Report{
		{Category: "cycle", Message: "m", Pos: pos(file, 3, col)},
		{Category: "cycle", Message: "n", Pos: pos(filepath.Join(root, "missing.go"), 3, col)},
	}
	column := make(map[string]int)
	for _, r := range sarif.Convert(tool, root, reports).Runs[0].Results {
		column[r.Message.Text] = r.Locations[0].PhysicalLocation.Region.StartColumn
	}
	// é is 2 bytes and 1 UTF-16 unit, 😀 4 bytes and 2 units.
	if got := column["m"]; got != col-3 {
		t.Errorf("column %d, want %d", got, col-3)
	}
	if got := column["n"]; got != col {
		t.Errorf("column in an unreadable file %d, want the byte column %d", got, col)
	}
}
