package main_test

import (
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// vetDiagnostic is one diagnostic in go vet -json output.
type vetDiagnostic struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
	Related []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

// vetJSON runs go vet -json with lockorder as the vet tool in dir on
// packages and returns the diagnostics by package and analyzer. go vet
// (Go 1.26) passes the tool's JSON through on standard output: one object
// per package, {} for a package with nothing to report, and an object
// with an "error" field in place of the list for a package the tool
// could not analyse, which fails the test.
func vetJSON(t *testing.T, dir string, packages ...string) map[string]map[string][]vetDiagnostic {
	t.Helper()
	args := append([]string{"vet", "-json", "-vettool=" + lockorder}, packages...)
	stdout, stderr, status := runIn(t, dir, "go", args...)
	if status != 0 || stderr != "" {
		t.Fatalf("go vet -json: exit %d, stderr %q; want 0 and nothing (reports are data with -json)", status, stderr)
	}
	diags := make(map[string]map[string][]vetDiagnostic)
	dec := json.NewDecoder(strings.NewReader(stdout))
	units := 0
	for {
		var unit map[string]map[string]json.RawMessage
		err := dec.Decode(&unit)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("go vet -json output does not decode: %v\n%s", err, stdout)
		}
		units++
		for pkg, byAnalyzer := range unit {
			for name, raw := range byAnalyzer {
				var list []vetDiagnostic
				if err := json.Unmarshal(raw, &list); err != nil {
					t.Fatalf("%s: %s: not a list of diagnostics: %s", pkg, name, raw)
				}
				if diags[pkg] == nil {
					diags[pkg] = make(map[string][]vetDiagnostic)
				}
				diags[pkg][name] = append(diags[pkg][name], list...)
			}
		}
	}
	if units == 0 {
		t.Fatalf("go vet -json printed no JSON object:\n%s", stdout)
	}
	return diags
}

// TestModelVetJSON checks that go vet -json names the model's cycle in the
// package that closes it, with every step of both goroutines as related
// information, and nothing else.
func TestModelVetJSON(t *testing.T) {
	dir := model(t, "alertmanager")
	diags := vetJSON(t, dir, "./...")
	mem := diags["github.com/prometheus/alertmanager/provider/mem"]["lockorder"]
	if len(diags) != 1 || len(mem) != 1 {
		t.Fatalf("want one diagnostic, in provider/mem, got %+v", diags)
	}
	checkVetDiagnostic(t, dir, mem[0])
}

// TestModelVetJSONDependencies checks that naming only provider/mem is
// enough: go vet runs lockorder on store, a dependency, for its facts
// alone, and the cycle is reported from them.
func TestModelVetJSONDependencies(t *testing.T) {
	dir := model(t, "alertmanager")
	diags := vetJSON(t, dir, "./provider/mem")
	mem := diags["github.com/prometheus/alertmanager/provider/mem"]["lockorder"]
	if len(diags) != 1 || len(mem) != 1 {
		t.Fatalf("want one diagnostic, in provider/mem, got %+v", diags)
	}
	checkVetDiagnostic(t, dir, mem[0])
}

// checkVetDiagnostic checks that d is the cycle, at the line the text
// report gives, with the witness steps as related information in order.
func checkVetDiagnostic(t *testing.T, dir string, d vetDiagnostic) {
	t.Helper()
	rel := func(posn string) string { return strings.TrimPrefix(posn, dir+string(filepath.Separator)) }
	if got := rel(d.Posn) + ": " + d.Message; got != cycleLine {
		t.Errorf("diagnostic:\n got %s\nwant %s", got, cycleLine)
	}
	if len(d.Related) != len(witnessLines) {
		t.Fatalf("%d related steps, want %d: %+v", len(d.Related), len(witnessLines), d.Related)
	}
	for i, r := range d.Related {
		if got := rel(r.Posn) + ": \t" + r.Message; got != witnessLines[i] {
			t.Errorf("related %d:\n got %s\nwant %s", i+1, got, witnessLines[i])
		}
	}
}

func TestFixedModelsVetJSON(t *testing.T) {
	for _, name := range []string{"alertmanager-fixed", "alertmanager-ordered"} {
		if diags := vetJSON(t, model(t, name), "./..."); len(diags) != 0 {
			t.Errorf("%s: go vet -json reported %+v, want nothing", name, diags)
		}
	}
}
