package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// fetch copies module@version from the module cache (downloading it if
// needed) into a writable directory under work, downloads its
// dependencies, and returns the directory.
func fetch(work, modVersion string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", modVersion)
	cmd.Dir = work // outside any module
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %v: %s", modVersion, err, stderrOf(err))
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", fmt.Errorf("go mod download %s: %v", modVersion, err)
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", modVersion, info.Error)
	}
	dir := filepath.Join(work, strings.NewReplacer("/", "_", "@", "_").Replace(modVersion))
	// CopyFS makes the files and directories writable, unlike the cache's.
	if err := os.CopyFS(dir, os.DirFS(info.Dir)); err != nil {
		return "", fmt.Errorf("copy %s: %v", info.Dir, err)
	}
	cmd = exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if _, err := cmd.Output(); err != nil {
		return "", fmt.Errorf("go mod download in %s: %v: %s", modVersion, err, stderrOf(err))
	}
	return dir, nil
}

// stderrOf returns the standard error that exec captured in err, if any.
func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return strings.TrimSpace(string(ee.Stderr))
	}
	return ""
}
