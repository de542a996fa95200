package pii

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestFoldIsNFKC: fold's arithmetic for full-width forms and the
// ideographic space gives what NFKC gives, for every rune fold may change.
func TestFoldIsNFKC(t *testing.T) {
	nfkc := func(r rune) rune {
		if s := norm.NFKC.String(string(r)); len(s) == 1 {
			return rune(s[0])
		}
		return r
	}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !(r >= 0xFF01 && r <= 0xFF5E) && !unicode.IsSpace(r) {
			if got := fold(r); got != r {
				t.Fatalf("fold(%U) = %U; runes outside the full-width forms and spaces stay", r, got)
			}
			continue
		}
		if got, want := fold(r), nfkc(r); got != want {
			t.Errorf("fold(%U) = %U, NFKC gives %U", r, got, want)
		}
	}
}
