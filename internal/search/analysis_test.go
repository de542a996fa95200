package search

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

func terms(ts []Token) string {
	var b []string
	for _, t := range ts {
		b = append(b, fmt.Sprintf("%s@%d", t.Term, t.Position))
	}
	return strings.Join(b, " ")
}

func TestAnalyze(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"食品经营许可", "食品@1 品经@2 经营@3 营许@4 许可@5"},
		{"镇", "镇@1"},
		{"第三十四条", "第三@1 三十@2 十四@3 四条@4"},
		{"第３４条", "第@1 34@2 条@3"},           // full-width digits survive thanks to NFKC
		{"①项", "1@1 项@2"},                  // circled number
		{"罚款比例３０％", "罚款@1 款比@2 比例@3 30@4"}, // per cent sign dropped, digits kept
		{"GB 2763-2021", "gb@1 2763@2 2021@3"},
		{"ＳＪ－ＸＫ－００００１", "sj@1 xk@2 00001@3"},
		{"中。国", "中@1 国@2"},
		{"3.14元", "3.14@1 元@2"},
		{"", ""},
	} {
		if got := terms(Analyze(tc.in)); got != tc.want {
			t.Errorf("Analyze(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want string // parts separated by |, terms by space
	}{
		{"镇", "u镇"},
		{"许可", "m许可"},
		{"经营许可", "t经营许 t营许可"},
		{"食品经营许可证", "t食品经 t营许可 t许可证"},
		{"第34条", "u第 m34 u条"},
		{"食品 许可", "m食品|m许可"},
		{"食品　许可", "m食品|m许可"}, // ideographic space
		{"XK-00012", "mxk m00012"},
		{"。，", ""},
	} {
		var parts []string
		for _, p := range parseQuery(tc.in) {
			parts = append(parts, strings.Join(p.terms, " "))
		}
		if got := strings.Join(parts, "|"); got != tc.want {
			t.Errorf("parseQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPartFind(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		query, text string
		want        bool
	}{
		{"食品经营许可", "对未取得食品经营许可从事", true},
		{"食品经营许可", "食品生产经营许可", false},
		{"食品经营许可", "食品经营。许可", false},
		{"第三十四条", "第三十条、第十四条", false},
		{"第34条", "依据第34条规定", true},
		{"第34条", "依据第３４条规定", true},
		{"中。国", "中国", false},
		{"中。国", "中，国", true},
		{"xk-00012", "SJ-XK-00012", true},
		{"xk-0001", "SJ-XK-00012", false},
	} {
		p := parseQuery(tc.query)[0]
		if got := p.find(units(Normalize(tc.text))) >= 0; got != tc.want {
			t.Errorf("phrase %q in %q = %v, want %v", tc.query, tc.text, got, tc.want)
		}
	}
}

// TestFieldLengths checks that the lengths used for BM25 are those bleve
// indexes.
func TestFieldLengths(t *testing.T) {
	t.Parallel()
	for _, s := range analyzerStrings(2000, 3) {
		nt := Normalize(s)
		m, u, tri := fieldLengths(units(nt))
		toks := tokenizer.Tokenize([]byte(nt))
		toks = lowerFilter.Filter(widthFilter.Filter(toks))
		wantU := len(unigramTokenFilter{}.Filter(toks))
		wantT := len(trigramTokenFilter{}.Filter(toks))
		if wantM := len(Analyze(s)); m != wantM || u != wantU || tri != wantT {
			t.Fatalf("fieldLengths(%q) = %d, %d, %d, want %d, %d, %d", s, m, u, tri, wantM, wantU, wantT)
		}
	}
}

// TestWidthInvariant checks that the tokens widthInvariant accepts are
// those cjk_width leaves as they are (fold relies on it to skip the
// filter).
func TestWidthInvariant(t *testing.T) {
	var samples []string
	for r := rune(0xFE00); r <= 0x10000; r++ {
		samples = append(samples, string(r), "ｶ"+string(r), "a"+string(r)+"中")
	}
	samples = append(samples, "", "abc", "ABC", "中国", "\xff", "中\xe4\xb8", "\xef\xbc", "\xef", "ｶﾞ", "ﾞ", "Ａ１", "ȺȾ")
	for _, s := range samples {
		tok := &analysis.Token{Term: []byte(s)}
		widthFilter.Filter(analysis.TokenStream{tok})
		if unchanged := string(tok.Term) == s; widthInvariant([]byte(s)) && !unchanged {
			t.Errorf("widthInvariant(%q), but cjk_width makes %q", s, tok.Term)
		}
	}
}

// TestAppendNormalized checks that normalising with an iterator gives
// Normalize's bytes.
func TestAppendNormalized(t *testing.T) {
	var it norm.Iter
	var buf []byte
	texts := []string{"", "abc", "ＡＢＣ１２３", "ｶﾞｷﾞ", "e\u0301", "\xff中\xe4\xb8", "①②", "ﬁ", strings.Repeat("a\u0301", 100),
		"a" + strings.Repeat("\u0301", 40) + "b"}
	for _, d := range trickyDocs(300, 3) {
		texts = append(texts, d.Title, d.Body)
	}
	for _, s := range texts {
		if buf = appendNormalized(buf[:0], &it, s); string(buf) != Normalize(s) {
			t.Errorf("appendNormalized(%q) = %q, want %q", s, buf, Normalize(s))
		}
	}
}
