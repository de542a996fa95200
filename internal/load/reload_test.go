package load_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"sunlight/internal/load"
	"sunlight/internal/model"
)

func TestReloadFile(t *testing.T) {
	fsys := base()
	l := load.New(fsys)
	if _, diags := l.Load(); diags.HasErrors() {
		t.Fatal(diags)
	}
	const item = "units/qingshi/powers/cf-001.md"

	fsys[item] = &fstest.MapFile{Data: []byte(power("subject = \"示范县青石镇综合行政执法队\"\n"))}
	v, diags, ok := l.ReloadFile(item)
	p, isPower := v.(*model.Power)
	if !ok || !isPower || len(diags) != 0 || p.Subject != "示范县青石镇综合行政执法队" {
		t.Fatalf("edited item: ok=%v value=%T diags=%v", ok, v, diags)
	}
	// The loader keeps the new result: a later Reload of another file
	// assembles the site with it.
	s, _ := l.Reload([]string{"units/qingshi/unit.toml"})
	if got := s.Units[0].Powers[0].Subject; got != "示范县青石镇综合行政执法队" {
		t.Fatalf("after Reload, subject = %q", got)
	}

	fsys[item] = &fstest.MapFile{Data: []byte(power("service_object = \"联系13812345678\"\nwhat = 1\n"))}
	if _, diags, ok := l.ReloadFile(item); !ok || len(diags) != 2 || diags[0].Code != "personal-data" || !strings.Contains(diags[1].Msg, "未知的键") {
		t.Fatalf("item with an unknown key and a mobile number: ok=%v diags=%v", ok, diags)
	}

	if _, _, ok := l.ReloadFile("units/qingshi/powers/none.md"); ok {
		t.Error("a file never loaded: ReloadFile reported ok")
	}
	delete(fsys, item)
	if _, _, ok := l.ReloadFile(item); ok {
		t.Error("a deleted file: ReloadFile reported ok")
	}
}
