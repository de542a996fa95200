package tmplexec

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveFirst is htmlFirst byte by byte.
func naiveFirst(s string, norm bool) int {
	for i := 0; i < len(s); i++ {
		if htmlSpecial[s[i]] && !(norm && s[i] == '&') {
			return i
		}
	}
	return len(s)
}

// TestHTMLFirst compares the word-at-a-time scan with a byte loop on
// random strings made of the bytes around its threshold (0x3f, 0x40), the
// bytes it looks for, ASCII and Chinese text, at every alignment.
func TestHTMLFirst(t *testing.T) {
	pieces := []string{"\x00", "\x01", "\"", "&", "'", "+", "<", ">", "?", "@", "=", "\x3f", "\x40", "\x7f", "\x80", "\xbf", "\xc0", "\xff",
		"0", "9", "a", " ", "中", "罚款", "（", "；", strings.Repeat("行政", 5)}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			p := pieces[r.IntN(len(pieces))]
			if r.IntN(3) > 0 {
				p = pieces[len(pieces)-1-r.IntN(4)] // mostly Chinese, so that whole words pass
			}
			b.WriteString(p)
		}
		s := b.String()
		for _, norm := range []bool{false, true} {
			if got, want := htmlFirst(s, norm), naiveFirst(s, norm); got != want {
				t.Fatalf("htmlFirst(%q, %v) = %d, want %d", s, norm, got, want)
			}
		}
	}
}

// BenchmarkHTMLEscapeShort escapes values as a power page has them.
func BenchmarkHTMLEscapeShort(b *testing.B) {
	values := []string{"小安县平洲乡人民政府", "便民服务中心窗口受理人员", "990106-015-GG-003-00", "2023-11-16",
		"对群众诉求推诿扯皮、敷衍塞责", "首问负责制;服务评价和回访", "被征地的农村集体经济组织成员", "法定", "工作日"}
	for b.Loop() {
		for _, v := range values {
			htmlEscape(v)
		}
	}
}
