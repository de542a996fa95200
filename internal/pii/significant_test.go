package pii_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"sunlight/internal/pii"
)

// The scan copies only the parts of a text that can matter (the stretches
// of significant characters that hold a digit or an '@', each followed by
// the blank after it); these tests hold it to the scan of every character.

// trickyTexts put what the scan looks at next to what it skips: full-width
// forms, currency signs and units, prefixes and connectors right after a
// blank or at an edge, invalid bytes.
var trickyTexts = []string{
	"的$13812345678", "价格：¥13812345678", "价格为￥13812345678", "￥￥13812345678",
	"13812345678元", "13812345678万的", "13812345678亿", "13812345678‰", "13812345678%", "13812345678％",
	"（＋８６）１３８１２３４５６７８", "（86）　13812345678", "(86)\u00a013812345678", "(86)\u1680 13812345678",
	"电话(+86)\u200313812345678", "的+86 138 1234 5678", "电话＋８６　１３８　１２３４　５６７８", "的 +8613812345678",
	"手机：　13812345678", "138　1234　5678", "138\u30001234\u30005678\u3000", "０８６－１３８１２３４５６７８",
	"ＡＢ13812345678", "ａ－13812345678", "a/13812345678", "。-13812345678", "的.13812345678", "13812345678.的",
	"13812345678－ｘ", "１３８１２３４５６７８ｘ", "13812345678_", "_13812345678", "13812345678/的",
	"13812345678的13912345678", "13812345678\n13912345678", "13812345678，13912345678。", "13812345678",
	"1381234567８", "１3812345678", "138-1234-567８", "手机138１2345678", "身份证11010519491231002Ｘ", "11010519491231002ｘ",
	"6222－0212－3456－7890", "6222　0212　3456　7890", "卡号６２２２０２１２３４５６７８９０", "身份证11010519491231002X。",
	"张三ｚｓ＠ｅｘａｍｐｌｅ．ｃｎ", "邮箱：a@b.cn、c@d.cn", "的@example.cn", "a@的.cn", "a＠b．cn。", "@", "x@y", "@@", "a@b.cn@",
	"联系 zhang.san@mail.example.com；李四 li_si@example.org", "邮箱a@b.cn13812345678", "13812345678@qq.com的",
	"\xe4\xb813812345678", "13812345678\xe4\xb8", "\xef\xbc", "\xef\xbc\x90", "\xef\xbc\x9013812345678\xef",
	"\xff@a.cn", "a\x80@b.cn", "\xed\xa0\x80138 1234 5678", "\xf0\x9f\x98\x80138-1234-5678\xf0\x9f",
	"\ufffd13812345678\ufffd", "①13812345678", "¹13812345678", "13812345678\u2028",
	"Call +86 138 1234 5678 or 0551-12345678, mail ops@example.cn, card 6222 0212 3456 7890 (ref 341621-001-CF-003-00).",
	"code = \"990100-018-CF-003-00\"\npublished = 2024-12-26\narticle = \"第116条\"\n",
}

// samples returns texts to compare the two scans on: the scan cases, the
// tricky texts, if edges each with blanks and significant characters
// around it, and the content files in testdata.
func samples(t testing.TB, edges bool) []string {
	var texts []string
	for _, tc := range scanCases {
		texts = append(texts, tc.text)
	}
	texts = append(texts, trickyTexts...)
	if edges {
		around := []string{"", "的", "的的", "\n", "。", "，", "\xff", "\ufffd", "a", "-", " ", "　", "$", "¥", "元", "(", "+", "@", ".", "x", "1", "８"}
		for _, text := range texts[:len(texts):len(texts)] {
			for _, l := range around {
				for _, r := range around {
					texts = append(texts, l+text+r)
				}
			}
		}
	}
	_, files := contentFiles(t)
	return append(texts, files...)
}

// contentFiles returns the names and texts of the content files in
// testdata, copies of files under content/units.
func contentFiles(t testing.TB) (names, texts []string) {
	names, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no content files in testdata: %v", err)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return names, texts
}

// compareScans scans text both ways and returns the number of findings.
func compareScans(t *testing.T, text string) int {
	t.Helper()
	want := pii.ScanMatches(text, true)
	got := pii.ScanMatches(text, false)
	if !slices.Equal(want, got) {
		t.Errorf("scan of the significant units of %q differs from the scan of all (-all +significant):\n%s", text, cmp.Diff(want, got))
	}
	return len(want)
}

func TestFastPathMatchesFullScan(t *testing.T) {
	t.Parallel()
	texts := samples(t, true)
	found := 0
	for _, text := range texts {
		found += compareScans(t, text)
	}
	if found < len(texts)/4 {
		t.Errorf("only %d findings in %d texts: the comparison proves little", found, len(texts))
	}
	// The content files again, with their digits and at-signs made full-width.
	_, files := contentFiles(t)
	for _, text := range files {
		compareScans(t, strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' || r == '@' || r == '-' {
				return r + 0xFEE0
			}
			return r
		}, text))
	}
}

func FuzzFastPathMatchesFullScan(f *testing.F) {
	for _, text := range samples(f, false) {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) { compareScans(t, text) })
}
