package importer

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// siteFiles is a minimal valid content tree: site.toml, a few laws of the
// registry and one unit.
var siteFiles = map[string]string{
	"site.toml": `title = "示范县廉政风险防控公开平台"
region = "示范县"
organiser = "中共示范县纪律检查委员会"
site_code = "9999000001"
base_url = "https://lzfk.example.gov.cn/"
year = 2025
`,
	"laws/xingzheng-chufa-fa.toml": `title = "中华人民共和国行政处罚法"
short = "行政处罚法"
level = "法律"
effective = 2021-07-15
`,
	"laws/xingzheng-xuke-fa.toml": `title = "中华人民共和国行政许可法"
short = "行政许可法"
level = "法律"
effective = 2019-04-23
`,
	"laws/daqi-wuran-fangzhi-fa.toml": `title = "中华人民共和国大气污染防治法"
short = "大气污染防治法"
level = "法律"
effective = 2018-10-26
`,
	"laws/cunzhuang-jizhen-guihua-tiaoli.toml": `title = "村庄和集镇规划建设管理条例"
level = "行政法规"
effective = 1993-11-01
`,
	"laws/tudi-guanli-fa.toml": `title = "中华人民共和国土地管理法"
short = "土地管理法"
level = "法律"
effective = 2020-01-01
`,
	"units/qingshi/unit.toml": `name = "示范县青石镇人民政府"
short = "青石镇"
type = "乡镇人民政府"
division_code = "990101"
published = 2024-01-05
reviewed = 2025-03-01
`,
}

// newContent writes the minimal site into a temporary folder.
func newContent(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range siteFiles {
		writeFile(t, filepath.Join(dir, p), []byte(s))
	}
	return dir
}

func writeFile(t testing.TB, p string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

var testDate = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
