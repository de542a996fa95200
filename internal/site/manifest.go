package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"sunlight/internal/history"
	"sunlight/internal/jsonstr"
	"sunlight/internal/render"
)

// ManifestFile is the manifest written at the root of every build: the
// SHA-256 of every output file and the content commit it was built from,
// so anyone can rebuild from the same commit and compare, or check a
// published tree with `sunlight verify`.
const ManifestFile = "manifest.json"

// Manifest is the content of manifest.json.
type Manifest struct {
	Generator string            `json:"generator"`
	Commit    string            `json:"commit,omitempty"` // content commit ("" without history)
	Files     map[string]string `json:"files"`            // path → hex SHA-256
}

// manifestOf builds manifest.json from the SHA-256 sums of the files
// (render.Output with the sum as Data) and the history's commit: what
// json.MarshalIndent(Manifest, "", " ") writes (paths in byte order, a
// path given twice keeps its last sum), without reflection or a map, for
// the manifest of a province lists hundreds of thousands of files.
func manifestOf(sums []render.Output, h *history.History) render.Output {
	commit := ""
	if h != nil && h.Available {
		commit = h.Head
	}
	files := slices.Clone(sums)
	slices.SortStableFunc(files, func(a, b render.Output) int { return strings.Compare(a.Path, b.Path) })
	b := make([]byte, 0, 64+len(files)*(len(`  "": "",`)+2*sha256.Size+64))
	b = append(b, "{\n \"generator\": \"sunlight\",\n"...)
	if commit != "" {
		b = append(b, ` "commit": `...)
		b = jsonstr.Append(b, commit)
		b = append(b, ",\n"...)
	}
	b = append(b, ` "files": {`...)
	n := 0
	for i, f := range files {
		if i+1 < len(files) && files[i+1].Path == f.Path {
			continue // the map kept the last
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, "\n  "...)
		b = jsonstr.Append(b, f.Path)
		b = append(b, `: "`...)
		b = hex.AppendEncode(b, f.Data)
		b = append(b, '"')
	}
	if n > 0 {
		b = append(b, "\n "...)
	}
	b = append(b, "}\n}\n"...)
	return render.Output{Path: ManifestFile, Data: b}
}

// Verify checks the tree at dir against its manifest and returns every
// difference (changed, missing and unexpected files), sorted; none means
// the tree is exactly what was built.
func Verify(dir string) ([]string, *Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, nil, fmt.Errorf("verify: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, nil, fmt.Errorf("verify: %s: %w", ManifestFile, err)
	}
	var problems []string
	seen := map[string]bool{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == ManifestFile || rel == Marker {
			return nil
		}
		seen[rel] = true
		want, ok := m.Files[rel]
		if !ok {
			problems = append(problems, rel+": not in the manifest")
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want {
			problems = append(problems, rel+": changed (sha256 "+got[:12]+"…, manifest "+want[:12]+"…)")
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("verify: %w", err)
	}
	for p := range m.Files {
		if !seen[p] {
			problems = append(problems, p+": missing")
		}
	}
	sort.Strings(problems)
	return problems, &m, nil
}
