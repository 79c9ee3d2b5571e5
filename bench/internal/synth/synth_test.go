package synth

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/lockorder/lockorder/analyzer"
	"github.com/lockorder/lockorder/internal/driver"
)

// TestGenerate generates a small module with one planted cycle, checks
// that go vet passes on it and that lockorder reports exactly the planted
// cycle and nothing else.
func TestGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet and lockorder on a generated module")
	}
	dir := t.TempDir()
	c := Config{Packages: 6, Layers: 3, Fanin: 2, Classes: 3, Cycles: 1}
	if err := Generate(dir, c); err != nil {
		t.Fatal(err)
	}
	vet := exec.Command("go", "vet", "./...")
	vet.Dir = dir
	vet.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := vet.CombinedOutput(); err != nil {
		t.Fatalf("go vet on the generated module: %v\n%s", err, out)
	}

	var stdout, stderr bytes.Buffer
	status := driver.Run(analyzer.Analyzer, []string{"-C", dir, "-json", "./..."}, &stdout, &stderr)
	if status != 3 {
		t.Fatalf("lockorder exit status %d, want 3 (reports)\n%s", status, stderr.String())
	}
	var tree map[string]map[string][]struct{ Message string }
	if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
		t.Fatalf("lockorder -json: %v", err)
	}
	seen := make(map[string]bool)
	for _, byAnalyzer := range tree {
		for _, d := range byAnalyzer["lockorder"] {
			seen[d.Message] = true
		}
	}
	if len(seen) != c.Cycles {
		t.Errorf("lockorder made %d distinct reports, want the %d planted cycle(s): %v", len(seen), c.Cycles, seen)
	}
	for msg := range seen {
		if !strings.HasPrefix(msg, "lock order cycle p5.A.mu -> p5.B.mu -> p5.A.mu") {
			t.Errorf("unplanted report: %s", msg)
		}
	}
}

func TestValidate(t *testing.T) {
	for _, c := range []Config{
		{Packages: 0, Layers: 1, Fanin: 1, Classes: 1},
		{Packages: 2, Layers: 0, Fanin: 1, Classes: 1},
		{Packages: 2, Layers: 3, Fanin: 1, Classes: 1},
		{Packages: 4, Layers: 2, Fanin: 3, Classes: 1},
		{Packages: 2, Layers: 1, Fanin: 0, Classes: 1},
		{Packages: 2, Layers: 1, Fanin: 1, Classes: 0},
		{Packages: 2, Layers: 1, Fanin: 1, Classes: 1, Cycles: 3},
	} {
		if err := Generate(t.TempDir(), c); err == nil {
			t.Errorf("Generate(%+v): no error", c)
		}
	}
}
