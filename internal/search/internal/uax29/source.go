package uax29

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// SegmentRagelDir locates the ragel directory of the blevesearch/segment
// module this build uses (via `go list`, so the module cache must hold it).
func SegmentRagelDir() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/blevesearch/segment").Output()
	if err != nil {
		return "", fmt.Errorf("locate github.com/blevesearch/segment: %w", err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		return "", fmt.Errorf("locate github.com/blevesearch/segment: not in the module cache")
	}
	return filepath.Join(dir, "ragel"), nil
}

// Load parses segment's tables and builds the scanner.
func Load() (*Tables, error) {
	dir, err := SegmentRagelDir()
	if err != nil {
		return nil, err
	}
	p, err := ParseRagelDir(dir)
	if err != nil {
		return nil, err
	}
	return Build(p), nil
}
