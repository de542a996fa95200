package tomlfast

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

type scalarType uint8

const (
	stringScalar scalarType = iota
	intScalar
	floatScalar
	boolScalar
	dateScalar
)

// scalar is a string, number, boolean or date read from the text.
type scalar struct {
	typ scalarType
	s   string
	i   int64
	f   float64
	b   bool
	t   time.Time
}

// store puts sc into v (of plan p's scalar kind), with BurntSushi's
// conversions and range checks.
func (sc scalar) store(p *plan, v reflect.Value) bool {
	switch p.kind {
	case stringKind:
		if sc.typ == stringScalar {
			v.SetString(sc.s)
			return true
		}
	case boolKind:
		if sc.typ == boolScalar {
			v.SetBool(sc.b)
			return true
		}
	case intKind:
		if sc.typ != intScalar {
			return false
		}
		switch k, n := v.Kind(), sc.i; {
		case k == reflect.Int8 && (n < math.MinInt8 || n > math.MaxInt8),
			k == reflect.Int16 && (n < math.MinInt16 || n > math.MaxInt16),
			k == reflect.Int32 && (n < math.MinInt32 || n > math.MaxInt32):
			return false
		}
		v.SetInt(sc.i)
		return true
	case uintKind:
		if sc.typ != intScalar {
			return false
		}
		switch k, n, u := v.Kind(), sc.i, uint64(sc.i); {
		case k == reflect.Uint8 && (n < 0 || u > math.MaxUint8),
			k == reflect.Uint16 && (n < 0 || u > math.MaxUint16),
			k == reflect.Uint32 && (n < 0 || u > math.MaxUint32):
			return false
		}
		v.SetUint(uint64(sc.i)) // BurntSushi wraps negative numbers into uint and uint64
		return true
	case floatKind:
		const maxSafe32, maxSafe64 = 1<<24 - 1, 1<<53 - 1
		f32 := v.Kind() == reflect.Float32
		switch sc.typ {
		case floatScalar:
			if f32 && (sc.f < -math.MaxFloat32 || sc.f > math.MaxFloat32) {
				return false
			}
			v.SetFloat(sc.f)
			return true
		case intScalar:
			if f32 && (sc.i < -maxSafe32 || sc.i > maxSafe32) || sc.i < -maxSafe64 || sc.i > maxSafe64 {
				return false
			}
			v.SetFloat(float64(sc.i))
			return true
		}
	}
	return false
}

// scalar reads a string, number, boolean or local date.
func (s *state) scalar() (scalar, bool) {
	if s.pos >= len(s.src) {
		return scalar{}, false
	}
	switch c := s.src[s.pos]; {
	case c == '"':
		str, ok := s.basicString()
		return scalar{typ: stringScalar, s: str}, ok
	case c == '\'':
		str, ok := s.literalString()
		return scalar{typ: stringScalar, s: str}, ok
	case c == 't' && strings.HasPrefix(s.src[s.pos:], "true"):
		s.pos += 4
		return scalar{typ: boolScalar, b: true}, true
	case c == 'f' && strings.HasPrefix(s.src[s.pos:], "false"):
		s.pos += 5
		return scalar{typ: boolScalar}, true
	case c >= '0' && c <= '9' || c == '+' || c == '-':
		return s.number()
	}
	return scalar{}, false
}

// number reads a decimal integer or float, or a local date.
func (s *state) number() (scalar, bool) {
	start := s.pos
	for s.pos < len(s.src) && isNumberByte(s.src[s.pos]) {
		s.pos++
	}
	tok := s.src[start:s.pos]
	if len(tok) == 10 && tok[4] == '-' && tok[7] == '-' {
		return s.date(tok)
	}
	if isInteger(tok) {
		i, err := strconv.ParseInt(withoutUnderscores(tok), 10, 64)
		return scalar{typ: intScalar, i: i}, err == nil
	}
	if isFloat(tok) {
		f, err := strconv.ParseFloat(withoutUnderscores(tok), 64)
		return scalar{typ: floatScalar, f: f}, err == nil
	}
	return scalar{}, false
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.' || c == '+' || c == '-' || c == ':'
}

// date reads 2006-01-02. BurntSushi reads a run of date and time
// characters, spaces included, as one date-time: whatever follows the date
// here must end the value, which the caller checks (2025-03-01 10:00 and
// 2025-03-01T10:00 are handed back).
func (s *state) date(tok string) (scalar, bool) {
	if s.d.localDate == nil {
		return scalar{}, false
	}
	y, ok1 := digits(tok[0:4])
	m, ok2 := digits(tok[5:7])
	d, ok3 := digits(tok[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1000 || m < 1 || m > 12 || d < 1 {
		return scalar{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, s.d.localDate)
	if t.Day() != d { // 2025-02-30
		return scalar{}, false
	}
	return scalar{typ: dateScalar, t: t}, true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// isInteger reports whether tok is a TOML decimal integer: an optional sign,
// then 0 or digits not starting with 0, with single underscores between
// digits.
func isInteger(tok string) bool {
	if tok != "" && (tok[0] == '+' || tok[0] == '-') {
		tok = tok[1:]
	}
	if tok == "0" {
		return true
	}
	return tok != "" && tok[0] != '0' && isDigits(tok)
}

// isFloat reports whether tok is a TOML decimal float (not inf or nan): an
// integer part, then a fraction, an exponent or both.
func isFloat(tok string) bool {
	if tok != "" && (tok[0] == '+' || tok[0] == '-') {
		tok = tok[1:]
	}
	intPart, rest := tok, ""
	if i := strings.IndexAny(tok, ".eE"); i >= 0 {
		intPart, rest = tok[:i], tok[i:]
	}
	if rest == "" || !(intPart == "0" || intPart != "" && intPart[0] != '0' && isDigits(intPart)) {
		return false
	}
	if rest[0] == '.' {
		frac := rest[1:]
		rest = ""
		if i := strings.IndexAny(frac, "eE"); i >= 0 {
			frac, rest = frac[:i], frac[i:]
		}
		if !isDigits(frac) {
			return false
		}
		if rest == "" {
			return true
		}
	}
	exp := rest[1:] // rest starts with e or E
	if exp != "" && (exp[0] == '+' || exp[0] == '-') {
		exp = exp[1:]
	}
	return isDigits(exp)
}

// isDigits reports whether s is digits with single underscores between
// them.
func isDigits(s string) bool {
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_':
			if s[i+1] == '_' {
				return false
			}
		case c < '0' || c > '9':
			return false
		}
	}
	return true
}

func withoutUnderscores(s string) string {
	if strings.IndexByte(s, '_') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "_", "")
}

// basicString reads "…" or """…""".
func (s *state) basicString() (string, bool) {
	if strings.HasPrefix(s.src[s.pos:], `"""`) {
		return s.multilineBasic()
	}
	start := s.pos + 1
	for i := start; i < len(s.src); i++ {
		switch c := s.src[i]; {
		case c == '"':
			s.pos = i + 1
			return s.src[start:i], true
		case c == '\\':
			return s.escapedString(start)
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", false
		}
	}
	return "", false
}

// escapedString reads the rest of a one-line basic string that has an
// escape, from its first character at start.
func (s *state) escapedString(start int) (string, bool) {
	b := s.buf[:0]
	for i := start; i < len(s.src); i++ {
		switch c := s.src[i]; {
		case c == '"':
			s.pos = i + 1
			s.buf = b
			return string(b), true
		case c == '\\':
			if i+1 >= len(s.src) {
				return "", false
			}
			e, ok := unescape(s.src[i+1])
			if !ok {
				return "", false
			}
			b = append(b, e)
			i++
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", false
		default:
			b = append(b, c)
		}
	}
	return "", false
}

// unescape returns the byte an escape \c stands for; \u, \U, \x and \e are
// left to BurntSushi.
func unescape(c byte) (byte, bool) {
	switch c {
	case '"', '\\':
		return c, true
	case 'n':
		return '\n', true
	case 't':
		return '\t', true
	case 'r':
		return '\r', true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	}
	return 0, false
}

// multilineBasic reads """…""": a newline right after the opening quotes
// is dropped, a backslash at the end of a line drops the line break and
// the blank space after it. Closing quotes with more quotes after them
// ("""" or """"") are left to BurntSushi.
func (s *state) multilineBasic() (string, bool) {
	start := s.pos + 3
	if start < len(s.src) && s.src[start] == '\n' {
		start++
	}
	b := s.buf[:0]
	escaped := false
	for i := start; i < len(s.src); i++ {
		switch c := s.src[i]; {
		case c == '"':
			if !strings.HasPrefix(s.src[i:], `"""`) {
				b = append(b, c)
				continue
			}
			if strings.HasPrefix(s.src[i:], `""""`) {
				return "", false
			}
			s.pos = i + 3
			if !escaped {
				return s.src[start:i], true
			}
			s.buf = b
			return string(b), true
		case c == '\\':
			if i+1 >= len(s.src) {
				return "", false
			}
			escaped = true
			if s.src[i+1] == '\n' {
				i++
				for i+1 < len(s.src) && (s.src[i+1] == ' ' || s.src[i+1] == '\t' || s.src[i+1] == '\n') {
					i++
				}
				continue
			}
			e, ok := unescape(s.src[i+1])
			if !ok {
				return "", false
			}
			b = append(b, e)
			i++
		case c < 0x20 && c != '\t' && c != '\n' || c == 0x7f:
			return "", false
		default:
			b = append(b, c)
		}
	}
	return "", false
}

// literalString reads a literal string, on one line or between triple
// apostrophes over several.
func (s *state) literalString() (string, bool) {
	multi := strings.HasPrefix(s.src[s.pos:], "'''")
	start := s.pos + 1
	if multi {
		start = s.pos + 3
		if start < len(s.src) && s.src[start] == '\n' {
			start++
		}
	}
	for i := start; i < len(s.src); i++ {
		switch c := s.src[i]; {
		case c == '\'':
			if !multi {
				s.pos = i + 1
				return s.src[start:i], true
			}
			if !strings.HasPrefix(s.src[i:], "'''") {
				continue
			}
			if strings.HasPrefix(s.src[i:], "''''") {
				return "", false
			}
			s.pos = i + 3
			return s.src[start:i], true
		case c == '\n':
			if !multi {
				return "", false
			}
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", false
		}
	}
	return "", false
}
