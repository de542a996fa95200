package gen

import (
	"bytes"
	"strconv"
	"strings"
)

// tomlBuf writes TOML: one key per line, tables and arrays of tables.
type tomlBuf struct{ bytes.Buffer }

// quote returns s as a TOML basic string.
func quote(s string) string {
	var b bytes.Buffer
	writeQuoted(&b, s)
	return b.String()
}

// writeQuoted writes s as a TOML basic string: quotes, backslashes and
// control characters escaped, everything else (CJK included) as is.
func writeQuoted(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			continue
		}
		b.WriteString(s[start:i])
		start = i + 1
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[c>>4])
			b.WriteByte("0123456789abcdef"[c&15])
		}
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// str writes key = "value" unless value is empty.
func (t *tomlBuf) str(k, v string) {
	if v == "" {
		return
	}
	t.WriteString(k)
	t.WriteString(" = ")
	writeQuoted(&t.Buffer, v)
	t.WriteByte('\n')
}

func (t *tomlBuf) num(k string, v int) { t.WriteString(k + " = " + itoa(v) + "\n") }

func (t *tomlBuf) float(k string, v float64) {
	t.WriteString(k + " = " + strconv.FormatFloat(v, 'f', -1, 64) + "\n")
}

func (t *tomlBuf) boolean(k string, v bool) { t.WriteString(k + " = " + strconv.FormatBool(v) + "\n") }

// date writes a TOML local date, unless it is zero.
func (t *tomlBuf) date(k string, d date) {
	if d.IsZero() {
		return
	}
	t.WriteString(k + " = " + d.String() + "\n")
}

// strs writes key = ["a", "b"] unless the list is empty.
func (t *tomlBuf) strs(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	t.WriteString(k + " = " + strList(vs) + "\n")
}

func strList(vs []string) string {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		writeQuoted(&b, v)
	}
	b.WriteByte(']')
	return b.String()
}

func (t *tomlBuf) table(name string) { t.WriteString("\n[" + name + "]\n") }
func (t *tomlBuf) array(name string) { t.WriteString("\n[[" + name + "]]\n") }

// edges writes next = ["a"] or next = [{to = "a", label = "…"}, …].
func (t *tomlBuf) edges(k string, es []edge, alwaysTables bool) {
	if len(es) == 0 {
		return
	}
	labelled := alwaysTables
	for _, e := range es {
		if e.Label != "" {
			labelled = true
		}
	}
	var b strings.Builder
	b.WriteByte('[')
	for i, e := range es {
		if i > 0 {
			b.WriteString(", ")
		}
		if !labelled {
			b.WriteString(quote(e.To))
			continue
		}
		b.WriteString("{to = " + quote(e.To))
		if e.Label != "" {
			b.WriteString(", label = " + quote(e.Label))
		}
		b.WriteString("}")
	}
	b.WriteByte(']')
	t.WriteString(k + " = " + b.String() + "\n")
}
