package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// bigBenchmarkSheet is a 1,000-row benchmark sheet: 250 violations of four
// tiers each, 序号, 违法行为 and 处罚依据 merged over their tier rows.
func bigBenchmarkSheet() xsheet {
	rows := [][]string{{"序号", "违法行为", "处罚依据", "类别", "裁量情节", "裁量标准", "备注"}}
	var merges []string
	articles := []string{"第一百一十九条第一款", "第一百一十九条第二款", "第一百一十七条", "第一百零八条"}
	for v := 0; v < 250; v++ {
		first := len(rows) + 1
		for k := 1; k <= 4; k++ {
			row := []string{"", "", "", fmt.Sprint(k), fmt.Sprintf("情形%d：违法行为%d的第%d种情节，影响范围较%s", k, v+1, k, []string{"小", "大", "广", "严重"}[k-1]),
				fmt.Sprintf("处%d万元以上%d万元以下的罚款", k, k+1), ""}
			if k == 1 {
				row[0] = fmt.Sprintf("%d-%d", v/10+1, v%10+1)
				row[1] = fmt.Sprintf("第%d项违法行为：未按规定采取防燃、防尘措施的情形之%d", v+1, v+1)
				row[2] = "《中华人民共和国大气污染防治法》" + articles[v%len(articles)]
			}
			rows = append(rows, row)
		}
		merges = append(merges, fmt.Sprintf("A%d:A%d", first, first+3), fmt.Sprintf("B%d:B%d", first, first+3), fmt.Sprintf("C%d:C%d", first, first+3))
	}
	return xsheet{name: "裁量基准", rows: rows, merges: merges}
}

// BenchmarkImport1000Rows imports a 1,000-row benchmark sheet into a site
// (reading the .xlsx, mapping, parsing citations, rendering, checking and
// writing the file).
func BenchmarkImport1000Rows(b *testing.B) {
	content := newContent(b)
	file := buildXLSX(b, b.TempDir(), "big.xlsx", bigBenchmarkSheet())
	out := filepath.Join(content, "units/qingshi/benchmarks/big.toml")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		os.Remove(out)
		b.StartTimer()
		res, err := Import(Options{Content: content, Unit: "qingshi", Kind: KindBenchmarks, File: file, Date: testDate})
		if err != nil {
			b.Fatal(err)
		}
		if res.Rows != 1000 || len(res.Problems) != 0 {
			b.Fatalf("rows = %d, problems = %v", res.Rows, res.Problems)
		}
	}
}
