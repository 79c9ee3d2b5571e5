package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadOrderFileErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	content := "a.T.mu < b.U.mu\nonly.one\n\n# comment\nx.mu <\n"
	if err := os.WriteFile(bad, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	pairs, err := readOrderFile(bad)
	if len(pairs) != 1 || pairs[0].Before.Name != "a.T.mu" || pairs[0].After.Name != "b.U.mu" {
		t.Errorf("pairs = %+v, want a.T.mu < b.U.mu", pairs)
	}
	// Every malformed line is reported, with its position.
	if err == nil || !strings.Contains(err.Error(), "bad.txt:2:") || !strings.Contains(err.Error(), "bad.txt:5:") {
		t.Errorf("error = %v, want lines 2 and 5", err)
	}
	if _, err := readOrderFile(filepath.Join(dir, "missing.txt")); err == nil || !strings.Contains(err.Error(), "reading order file") {
		t.Errorf("missing file: error = %v", err)
	}
}
