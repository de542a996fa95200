package site_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"sunlight/internal/site"
)

// edit changes the content tree and names the paths it touched.
type edit struct {
	name  string
	apply func(t *testing.T, content string) []string
	// rendered lists page files that must be among those re-rendered;
	// notRendered lists some that must not be.
	rendered    []string
	notRendered []string
	removed     []string
	errors      bool // the edit leaves content errors
	// inPlace: a session that defers the site-wide files updates the
	// model in place for this edit instead of rebuilding it.
	inPlace bool
}

func writeFile(t *testing.T, root, rel, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replaceIn(t *testing.T, root, rel, old, new string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	writeFile(t, root, rel, strings.Replace(string(b), old, new, 1))
}

const (
	cfPage   = "units/qingshi/powers/990101-001-CF-001-00/index.html"
	xkPage   = "units/qingshi/powers/990101-001-XK-001-00/index.html"
	flowPage = "units/qingshi/flows/cf/index.html"
	bmPage   = "units/qingshi/benchmarks/linshi-jianzhu/index.html"
	unitPage = "units/qingshi/index.html"
	lawPage  = "laws/cunzhuang-tiaoli/index.html"
	riskPage = "units/qingshi/risks/2025/index.html"
)

// TestRebuildMatchesFullBuild applies a sequence of edits to a content
// tree, rebuilding incrementally after each, and checks after every step
// which pages were re-rendered and that the output equals a fresh full
// build of the same content. It runs the sequence twice: indexing search
// in every rebuild, and as `sunlight serve` does, deferring the search
// index and the other site-wide files (RefreshSearch runs before the
// comparison), which lets text edits update the model in place.
func TestRebuildMatchesFullBuild(t *testing.T) {
	for _, deferred := range []bool{false, true} {
		t.Run(map[bool]string{false: "search in every rebuild", true: "site-wide files deferred"}[deferred], func(t *testing.T) {
			testRebuilds(t, deferred)
		})
	}
}

func testRebuilds(t *testing.T, deferred bool) {
	content := writeTxtar(t, "small.txtar")
	out := filepath.Join(t.TempDir(), "public")
	s := site.NewSession(site.Options{Content: os.DirFS(content), Out: out})
	s.DeferSearch = deferred
	if _, diags, err := s.Build(context.Background()); err != nil || diags.HasErrors() {
		t.Fatalf("initial build: %v %v", err, diags)
	}
	edits := []edit{
		{
			name: "power item text",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/powers/cf-001.md", "镇政府一楼", "镇政府二楼便民服务大厅")
				return []string{"units/qingshi/powers/cf-001.md"}
			},
			rendered:    []string{cfPage, unitPage, flowPage, bmPage, lawPage, "index.html"},
			notRendered: []string{xkPage, riskPage, "pages/about/index.html"},
			inPlace:     true,
		},
		{
			name: "risk level, measures and subject of an item",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/powers/cf-001.md", `level = "★★★"`, `level = "★"`)
				replaceIn(t, c, "units/qingshi/powers/cf-001.md", `"法制审核"]`, `"法制审核", "集体讨论"]`)
				replaceIn(t, c, "units/qingshi/powers/cf-001.md", `office = `, `subject = "示范县青石镇综合行政执法队"`+"\noffice = ")
				replaceIn(t, c, "units/qingshi/powers/cf-001.md", "[time_limit]\nstatutory_days = 90\npromised_days = 60\nunit = \"自然日\"\n", "") // the coverage report counts it
				return []string{"units/qingshi/powers/cf-001.md"}
			},
			rendered:    []string{cfPage, unitPage, "index.html", "coverage/index.html"},
			notRendered: []string{xkPage},
			inPlace:     true,
		},
		{
			name: "risk points for an item that had none, which the coverage report counts",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/powers/xk-001.md", "[fee]", "[[risks]]\ndescription = \"违规审批\"\nlevel = \"高\"\nmeasures = [\"集体审议\"]\n[fee]")
				return []string{"units/qingshi/powers/xk-001.md"}
			},
			rendered:    []string{xkPage, unitPage, "index.html", "coverage/index.html"},
			notRendered: []string{cfPage},
			inPlace:     true,
		},
		{
			name: "an item's name is on many pages' titles",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/powers/cf-001.md", `name = "`, `name = "(修订)`)
				return []string{"units/qingshi/powers/cf-001.md"}
			},
			rendered: []string{cfPage, unitPage, "index.html"},
		},
		{
			name: "personal data in an item's text is an error",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/powers/cf-001.md", "镇政府二楼便民服务大厅", "镇政府二楼便民服务大厅,电话13812345678")
				return []string{"units/qingshi/powers/cf-001.md"}
			},
			errors: true,
		},
		{
			name: "removing it recovers",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/powers/cf-001.md", ",电话13812345678", "")
				return []string{"units/qingshi/powers/cf-001.md"}
			},
			rendered: []string{cfPage},
		},
		{
			name: "an item's text again, after the recovery",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/powers/cf-001.md", "镇政府二楼便民服务大厅", "镇政府三楼")
				return []string{"units/qingshi/powers/cf-001.md", "units/qingshi/powers/cf-001.md"}
			},
			rendered:    []string{cfPage, unitPage},
			notRendered: []string{xkPage},
			inPlace:     true,
		},
		{
			name: "unit name appears on its pages",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/unit.toml", `short = "青石镇"`, `short = "青石新镇"`)
				return []string{"units/qingshi/unit.toml"}
			},
			rendered:    []string{cfPage, xkPage, flowPage, bmPage, riskPage, unitPage, "units/index.html"},
			notRendered: []string{"pages/about/index.html", "laws/xingzheng-chufa-fa/index.html"},
		},
		{
			name: "shared flow",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/flows/cf.toml", `name = "调查取证"`, `name = "调查取证(两人以上)"`)
				return []string{"units/qingshi/flows/cf.toml"}
			},
			rendered:    []string{flowPage, cfPage, unitPage},
			notRendered: []string{xkPage, bmPage},
		},
		{
			name: "new item",
			apply: func(t *testing.T, c string) []string {
				writeFile(t, c, "units/qingshi/powers/qr-001.md", "+++\ncode = \"990101-001-QR-001-00\"\nname = \"独生子女父母光荣证核发\"\ncategory = \"行政确认\"\noffice = \"社会事务办公室\"\npublished = 2025-01-02\nreviewed = 2025-04-01\n+++\n")
				return []string{"units/qingshi/powers/qr-001.md"}
			},
			rendered:    []string{"units/qingshi/powers/990101-001-QR-001-00/index.html", "categories/qr/index.html", unitPage, "index.html"},
			notRendered: []string{cfPage, xkPage},
		},
		{
			name: "an error keeps the last good site",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/powers/qr-001.md", `category = "行政确认"`, `category = "行政确认书"`)
				return []string{"units/qingshi/powers/qr-001.md"}
			},
			errors: true,
		},
		{
			name: "fixing the error recovers",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "units/qingshi/powers/qr-001.md", `category = "行政确认书"`, `category = "行政确认"`)
				return []string{"units/qingshi/powers/qr-001.md"}
			},
			rendered: []string{"units/qingshi/powers/990101-001-QR-001-00/index.html"},
		},
		{
			name: "rename a file and change its code",
			apply: func(t *testing.T, c string) []string {
				oldp, newp := filepath.Join(c, "units/qingshi/powers/qr-001.md"), filepath.Join(c, "units/qingshi/powers/qr-002.md")
				if err := os.Rename(oldp, newp); err != nil {
					t.Fatal(err)
				}
				replaceIn(t, c, "units/qingshi/powers/qr-002.md", "QR-001-00", "QR-002-00")
				return []string{"units/qingshi/powers/qr-001.md", "units/qingshi/powers/qr-002.md"}
			},
			rendered: []string{"units/qingshi/powers/990101-001-QR-002-00/index.html", "categories/qr/index.html"},
			removed:  []string{"units/qingshi/powers/990101-001-QR-001-00/index.html"},
		},
		{
			name: "delete an item",
			apply: func(t *testing.T, c string) []string {
				if err := os.Remove(filepath.Join(c, "units/qingshi/powers/xk-001.md")); err != nil {
					t.Fatal(err)
				}
				return []string{"units/qingshi/powers/xk-001.md"}
			},
			rendered: []string{unitPage, "categories/xk/index.html"},
			removed:  []string{xkPage},
		},
		{
			name: "new unit folder",
			apply: func(t *testing.T, c string) []string {
				writeFile(t, c, "units/liuhe/unit.toml", "name = \"示范县柳河镇人民政府\"\nshort = \"柳河镇\"\ntype = \"乡镇人民政府\"\ndivision_code = \"990102\"\npublished = 2024-01-05\nreviewed = 2025-03-01\n")
				writeFile(t, c, "units/liuhe/powers/gg-1.md", "+++\ncode = \"990102-001-GG-001-00\"\nname = \"老年人优待证办理\"\ncategory = \"公共服务\"\noffice = \"社会事务办公室\"\npublished = 2024-01-05\nreviewed = 2025-03-01\n+++\n")
				return []string{"units/liuhe"}
			},
			rendered: []string{"units/liuhe/index.html", "units/liuhe/powers/990102-001-GG-001-00/index.html", "units/index.html"},
		},
		{
			name: "site config touches everything",
			apply: func(t *testing.T, c string) []string {
				replaceIn(t, c, "site.toml", `phone = "0999-5550000"`, `phone = "0999-5550001"`)
				return []string{"site.toml"}
			},
			rendered: []string{cfPage, "pages/about/index.html", "404.html", "units/liuhe/index.html"},
		},
		{
			name: "delete a unit folder",
			apply: func(t *testing.T, c string) []string {
				if err := os.RemoveAll(filepath.Join(c, "units/liuhe")); err != nil {
					t.Fatal(err)
				}
				return []string{"units/liuhe"}
			},
			removed: []string{"units/liuhe/index.html", "units/liuhe/powers/990102-001-GG-001-00/index.html"},
		},
	}
	for _, e := range edits {
		touched := e.apply(t, content)
		rb, diags, err := s.Rebuild(context.Background(), touched, false)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if e.errors {
			if rb != nil || !diags.HasErrors() {
				t.Fatalf("%s: want content errors and no rebuild, got %v / %v", e.name, rb, diags)
			}
			continue
		}
		if rb == nil {
			t.Fatalf("%s: rebuild failed:\n%v", e.name, diags)
		}
		if rb.InPlace != (deferred && e.inPlace) {
			t.Errorf("%s: InPlace = %v, want %v", e.name, rb.InPlace, deferred && e.inPlace)
		}
		if deferred {
			if _, err := s.RefreshSearch(context.Background()); err != nil {
				t.Fatalf("%s: refresh: %v", e.name, err)
			}
		}
		rendered := set(rb.Rendered)
		for _, p := range e.rendered {
			if !rendered[p] {
				t.Errorf("%s: %s was not re-rendered (rendered %d: %v)", e.name, p, len(rb.Rendered), rb.Rendered)
			}
		}
		for _, p := range e.notRendered {
			if rendered[p] {
				t.Errorf("%s: %s was re-rendered but does not depend on the edit", e.name, p)
			}
		}
		for _, p := range e.removed {
			if !set(rb.Removed)[p] {
				t.Errorf("%s: %s not removed (removed %v)", e.name, p, rb.Removed)
			}
		}
		// The incremental output must equal a fresh full build.
		fresh := filepath.Join(t.TempDir(), "fresh")
		build(t, content, fresh, "")
		got, want := readTree(t, out), readTree(t, fresh)
		if !reflect.DeepEqual(keys(got), keys(want)) {
			t.Fatalf("%s: incremental output has files %v, full build %v", e.name, diffKeys(got, want), diffKeys(want, got))
		}
		for p := range want {
			if !bytes.Equal(got[p], want[p]) {
				t.Errorf("%s: %s differs from a full build", e.name, p)
			}
		}
	}
}

func set(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[s] = true
	}
	return m
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func diffKeys(a, b map[string][]byte) []string {
	var out []string
	for k := range a {
		if _, ok := b[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
