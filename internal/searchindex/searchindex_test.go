package searchindex

import (
	"strconv"
	"strings"
	"testing"
)

// join is how bodies were built before text: each part trimmed, the
// non-empty ones joined with newlines.
func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

func TestText(t *testing.T) {
	parts := []string{"", " ", "\u3000", "a", " 中 国 ", "\n许可\t", "x\u00a0", "\xff ", " \u2028"}
	lists := [][]string{nil, {""}, {" ", " "}, {"a", ""}, {" 条件一", "条件二 "}, {"", "中"}}
	var tx text
	for _, a := range parts {
		for _, b := range parts {
			for _, l := range lists {
				tx.reset()
				tx.add(a)
				tx.addJoined(l, " ")
				tx.add(b)
				if got, want := tx.String(), join(a, strings.Join(l, " "), b); got != want {
					t.Errorf("text(%q, %q, %q) = %q, want %q", a, l, b, got, want)
				}
			}
		}
	}
}

// TestTextBlocks checks that the bodies text.String returns, which share
// blocks, keep their bytes as more are built.
func TestTextBlocks(t *testing.T) {
	var tx text
	var got, want []string
	for i := range 3000 {
		tx.reset()
		part := strings.Repeat(string(rune('a'+i%26)), i*i%(3*blockBytes/2))
		tx.add(part)
		tx.add(strconv.Itoa(i))
		got, want = append(got, tx.String()), append(want, join(part, strconv.Itoa(i)))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("body %d changed: %d bytes, want %d", i, len(got[i]), len(want[i]))
		}
	}
}
