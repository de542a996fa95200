package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestImportThenBuildShowsEveryRow imports a benchmark table saved as GBK
// CSV (merged violation cells written out on the first row only, as Excel
// exports them), builds the site, and finds every imported tier on the
// benchmark's page; a second import changes nothing.
func TestImportThenBuildShowsEveryRow(t *testing.T) {
	content := t.TempDir()
	files := map[string]string{
		"site.toml":           "title = \"示范县廉政风险防控公开平台\"\nregion = \"示范县\"\norganiser = \"县纪委\"\nsite_code = \"9999000001\"\nbase_url = \"https://lzfk.example.gov.cn/\"\nyear = 2025\n",
		"laws/cunzhuang.toml": "title = \"村庄和集镇规划建设管理条例\"\nlevel = \"行政法规\"\neffective = 1993-11-01\n[[articles]]\nnumber = \"第四十条\"\ntext = \"擅自在村庄、集镇规划区内的街道、广场、市场和车站等场所修建临时建筑物、构筑物和其他设施的,由乡级人民政府责令限期拆除,并可处以罚款。\"\n",
		"units/qs/unit.toml":  "name = \"示范县青石镇人民政府\"\ntype = \"乡镇人民政府\"\ndivision_code = \"990101\"\npublished = 2024-01-05\nreviewed = 2025-03-01\n",
	}
	for p, c := range files {
		full := filepath.Join(content, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(c), 0o644)
	}
	table := "青石镇行政处罚裁量基准\n" +
		"序号,违法行为,处罚依据,裁量阶次,适用条件,裁量标准\n" +
		"1,擅自在集镇规划区内的街道修建临时建筑物,《村庄和集镇规划建设管理条例》第四十条,情节轻微,面积10平方米以下且按期拆除,责令限期拆除，可处五百元以下的罚款\n" +
		",,,情节一般,面积10至50平方米,责令限期拆除，并处五百元以上二千元以下的罚款\n" +
		",,,情节严重,面积50平方米以上或逾期不拆除,责令限期拆除，并处二千元以上五千元以下的罚款\n"
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(table)
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(t.TempDir(), "裁量基准.csv")
	os.WriteFile(csv, []byte(gbk), 0o644)

	args := []string{"import", "-content", content, "-unit", "qs", "-kind", "benchmarks", "-id", "linshi", csv}
	if code, stdout, stderr := run(args...); code != 0 || !strings.Contains(stdout, "create units/qs/benchmarks/linshi.toml") {
		t.Fatalf("import = %d\n%s\n%s", code, stdout, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(content, "units/qs/benchmarks/linshi.toml"))
	if code, _, stderr := run(args...); code != 0 || !strings.Contains(stderr, "wrote 0 of 1 files") {
		t.Errorf("second import changed files: %s", stderr)
	}
	after, _ := os.ReadFile(filepath.Join(content, "units/qs/benchmarks/linshi.toml"))
	if string(before) != string(after) {
		t.Error("second import rewrote the file")
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "-content", content, "-out", out, "-no-history"); code != 0 {
		t.Fatalf("build = %d: %s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "units/qs/benchmarks/linshi/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"情节轻微", "面积10平方米以下且按期拆除", "并处五百元以上二千元以下的罚款", "情节严重", "并处二千元以上五千元以下的罚款", "擅自在集镇规划区内的街道修建临时建筑物"} {
		if !strings.Contains(string(page), row) {
			t.Errorf("benchmark page lacks %q", row)
		}
	}
}
