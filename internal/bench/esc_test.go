package bench

import (
	"encoding/xml"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestEscMatchesXMLEscapeText: esc writes what xml.EscapeText writes, for
// strings built from the characters it treats specially (quotes, & < >,
// tab and line ends, other control characters, surrogate halves and
// U+FFFE/U+FFFF encoded anyway, invalid bytes, a real U+FFFD) and plain
// Chinese text.
func TestEscMatchesXMLEscapeText(t *testing.T) {
	pieces := []string{`"`, "'", "&", "<", ">", "\t", "\n", "\r", "\x01", "\x1f", " ", "\x7f", "\ufffd", "\xef\xbf\xbe", "\xef\xbf\xbf",
		"\xed\xa0\x80", "\xff", "\xe4\xb8", "罚款", "情节较轻", "a", "0", "·", "（", "—"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var b strings.Builder
		for n := r.IntN(8); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		var want strings.Builder
		xml.EscapeText(&want, []byte(s))
		if got := esc(s); got != want.String() {
			t.Fatalf("esc(%q) = %q, want %q", s, got, want.String())
		}
	}
}
