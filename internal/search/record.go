package search

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// encodeChunks encodes the result chunks from chunk c on into out, from
// ix.docs, as json.Marshal encodes [][]any{{ID, URL, Title, Body,
// FineMin, FineMax}, ...} (see doc.go), without its reflection and
// allocations: the chunks share one array (each capped at its end), and
// buf is scratch space, returned for reuse. TestRecordJSON compares the
// encodings.
func (ix *Index) encodeChunks(out [][]byte, c int, buf []byte) ([]byte, error) {
	cd := ix.opt.ChunkDocs
	buf = buf[:0]
	ends := make([]int, len(out))
	for j := range out {
		lo := (c + j) * cd
		buf = append(buf, '[')
		for i := lo; i < min(len(ix.docs), lo+cd); i++ {
			if i > lo {
				buf = append(buf, ',')
			}
			var err error
			if buf, err = appendRecord(buf, &ix.docs[i]); err != nil {
				return buf, err
			}
		}
		buf = append(buf, ']')
		ends[j] = len(buf)
	}
	all := make([]byte, len(buf))
	copy(all, buf)
	start := 0
	for j, end := range ends {
		out[j] = all[start:end:end]
		start = end
	}
	return buf, nil
}

// appendRecord appends the result record of d: [id, url ("" when equal to
// id), title, body, fineMin, fineMax (only if HasFine)].
func appendRecord(b []byte, d *Doc) ([]byte, error) {
	url := d.URL
	if url == d.ID {
		url = "" // the common case: the ID is the URL
	}
	b = append(b, '[')
	b = appendJSONString(b, d.ID)
	b = append(b, ',')
	b = appendJSONString(b, url)
	b = append(b, ',')
	b = appendJSONString(b, d.Title)
	b = append(b, ',')
	b = appendJSONString(b, d.Body)
	if d.HasFine {
		var err error
		b = append(b, ',')
		if b, err = appendJSONFloat(b, d.FineMin); err != nil {
			return b, err
		}
		b = append(b, ',')
		if b, err = appendJSONFloat(b, d.FineMax); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// jsonSafe tells the ASCII bytes that json.Marshal writes as they are
// (it escapes control bytes, " and \, and <, > and & for HTML).
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as json.Marshal encodes a string: quoted,
// with control bytes, ", \, <, >, &, U+2028 and U+2029 escaped and
// invalid UTF-8 replaced by \ufffd. A lead byte E1–EC (but E2) or EE–EF
// followed by two continuation bytes is a valid rune that is written as
// it is (U+2028 and U+2029 start with E2), without decoding it.
func appendJSONString(b []byte, s string) []byte {
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

// appendJSONFloat appends f as json.Marshal encodes a float64, or returns
// its error for an infinity or NaN.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		_, err := json.Marshal(f)
		return b, err
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 is written e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}
