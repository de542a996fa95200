// Package jsonstr writes a Go string as a JSON string exactly as
// encoding/json's Marshal does — quoted; control bytes, ", \, <, > and &
// escaped; U+2028 and U+2029 escaped; invalid UTF-8 replaced by \ufffd —
// appending to a byte slice, without reflection or allocation. Search
// result chunks and the open-data JSON files are written with it;
// TestSameAsMarshal compares it with json.Marshal.
package jsonstr

import "unicode/utf8"

// jsonSafe tells the ASCII bytes that json.Marshal writes as they are
// (it escapes control bytes, " and \, and <, > and & for HTML).
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// Append appends s as json.Marshal encodes a string: quoted,
// with control bytes, ", \, <, >, &, U+2028 and U+2029 escaped and
// invalid UTF-8 replaced by \ufffd. A lead byte E1–EC (but E2) or EE–EF
// followed by two continuation bytes is a valid rune that is written as
// it is (U+2028 and U+2029 start with E2), without decoding it.
func Append(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		if (c >= 0xE1 && c <= 0xEC && c != 0xE2 || c >= 0xEE && c <= 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
