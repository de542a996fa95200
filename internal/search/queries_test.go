package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// testQueries returns queries that exercise every path of the algorithm
// on a SampleDocs corpus: phrases, codes, legal citations, one-character
// queries, filters, later pages, fallbacks and browsing.
func testQueries(docs []Doc, n int, seed uint64) []Query {
	rng := rand.New(rand.NewPCG(seed, 11))
	qs := []Query{
		{Text: "食品经营许可"}, {Text: "行政处罚"}, {Text: "镇"}, {Text: "罚"}, {Text: "第三十四条"},
		{Text: "县民政局"}, {Text: "民政局"}, {Text: "裁量基准"}, {Text: "廉政风险"}, {Text: "不予受理"},
		{Text: "一次性告知"}, {Text: "行政许可法"}, {Text: "《中华人民共和国食品安全法》第三十五条"},
		{Text: "GB"}, {Text: "ZZ-XK-99999"}, {Text: "99999"}, {Text: "食品经营许可罚款"}, {Text: "罚没许可证"},
		{Text: "ｘｋ"}, {Text: "第34条"}, {Text: "30%"}, {Text: "处罚 许可"}, {Text: "镇 罚"},
		{Text: "行政处罚", Page: 2}, {Text: "许可", Page: 3}, {Text: "罚", Unit: "mz"}, {Text: "许可", Type: "权力事项", Category: "行政许可"},
		{Text: "风险", Level: "高"}, {Text: "风险", Level: "高", Year: 2023}, {Text: "罚款", FineMin: 1000, FineMax: 5000},
		{Unit: "hsz"}, {Type: "裁量基准", FineMin: 20000}, {Unit: "scjg", Type: "风险点", Page: 2}, {Text: "处罚", Unit: "nosuchunit"},
		{Text: "流程"}, {Text: "受理"}, {Text: "监督电话"}, {Text: "example"}, {Text: "jb1"}, {Text: "0571"},
	}
	for len(qs) < n {
		d := docs[rng.IntN(len(docs))]
		switch rng.IntN(7) {
		case 0:
			qs = append(qs, Query{Text: d.Title})
		case 1: // a substring of the body
			rs := []rune(d.Body)
			i := rng.IntN(max(1, len(rs)-8))
			qs = append(qs, Query{Text: string(rs[i : i+2+rng.IntN(6)])})
		case 2: // its code
			if i := strings.Index(d.Body, "事项编码："); i >= 0 {
				code := d.Body[i+len("事项编码："):]
				code = code[:strings.Index(code, "。")]
				qs = append(qs, Query{Text: code})
			}
		case 3:
			qs = append(qs, Query{Text: fmt.Sprintf("第%s条", chineseNumber(1+rng.IntN(120)))})
		case 4:
			qs = append(qs, Query{Text: string([]rune(d.Title)[:1]), Unit: d.Unit})
		case 5:
			qs = append(qs, Query{Text: string([]rune(d.Title)[:min(4, len([]rune(d.Title)))]), Type: d.Type, Page: 1 + rng.IntN(2)})
		case 6:
			qs = append(qs, Query{Text: d.Category, Year: d.Year})
		}
	}
	return qs
}
