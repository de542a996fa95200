package importer

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"sunlight/internal/model"
)

// encodeTOML writes a content entity (a model struct) as TOML in the
// canonical layout: keys in the order of the model's fields, empty values
// left out, plain keys before tables, [[arrays]] of tables for lists of
// records at the top and inside them (tiers of a violation), and inline
// tables for records made only of plain values inside a record
// (penalty_basis of a violation, basis of an accountability, penalties of
// a tier). comments are written first, one per line.
func encodeTOML(v any, comments []string) []byte {
	var b bytes.Buffer
	for _, c := range comments {
		b.WriteString(c + "\n")
	}
	writeTable(&b, nil, reflect.Indirect(reflect.ValueOf(v)), false)
	return b.Bytes()
}

var dateType = reflect.TypeOf(model.Date{})

type tomlField struct {
	key string
	v   reflect.Value
}

func tomlFields(v reflect.Value) []tomlField {
	var out []tomlField
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("toml"), ",")[0]
		if tag == "" || tag == "-" || !t.Field(i).IsExported() {
			continue
		}
		out = append(out, tomlField{tag, v.Field(i)})
	}
	return out
}

// isStruct reports whether v is written as a table (a struct other than a
// date, or a pointer to one).
func isStruct(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && t != dateType
}

func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Bool:
		return false // written whenever its table is
	}
	return v.IsZero()
}

// leaf reports whether every element of a slice of structs has only plain
// one-line values, so the list can be written inline.
func leaf(list reflect.Value) bool {
	for i := 0; i < list.Len(); i++ {
		for _, f := range tomlFields(reflect.Indirect(list.Index(i))) {
			if f.v.Kind() == reflect.Slice || isStruct(f.v.Type()) {
				return false
			}
			if f.v.Kind() == reflect.String && strings.ContainsAny(f.v.String(), "\n\r") {
				return false
			}
		}
	}
	return true
}

func writeTable(b *bytes.Buffer, path []string, v reflect.Value, inArray bool) {
	fields := tomlFields(v)
	var later []tomlField
	for _, f := range fields {
		if empty(f.v) {
			continue
		}
		switch {
		case isStruct(f.v.Type()):
			later = append(later, f)
		case f.v.Kind() == reflect.Slice && isStruct(f.v.Type().Elem()):
			if inArray && leaf(f.v) {
				b.WriteString(quoteKey(f.key) + " = " + inlineTables(f.v) + "\n")
			} else {
				later = append(later, f)
			}
		default:
			b.WriteString(quoteKey(f.key) + " = " + value(f.key, f.v) + "\n")
		}
	}
	for _, f := range later {
		p := append(append([]string(nil), path...), f.key)
		if f.v.Kind() == reflect.Slice {
			for i := 0; i < f.v.Len(); i++ {
				b.WriteString("\n[[" + joinKeys(p) + "]]\n")
				writeTable(b, p, reflect.Indirect(f.v.Index(i)), true)
			}
			continue
		}
		b.WriteString("\n[" + joinKeys(p) + "]\n")
		writeTable(b, p, reflect.Indirect(f.v), inArray)
	}
}

func inlineTables(list reflect.Value) string {
	items := make([]string, list.Len())
	for i := range items {
		var parts []string
		for _, f := range tomlFields(reflect.Indirect(list.Index(i))) {
			if !empty(f.v) {
				parts = append(parts, quoteKey(f.key)+" = "+scalar(f.v))
			}
		}
		items[i] = "{" + strings.Join(parts, ", ") + "}"
	}
	if len(items) == 1 {
		return "[" + items[0] + "]"
	}
	return "[\n  " + strings.Join(items, ",\n  ") + ",\n]"
}

// value writes a plain value or a list of plain values. Lists go on one
// line when that line stays within 100 characters.
func value(key string, v reflect.Value) string {
	if v.Kind() != reflect.Slice {
		if v.Kind() == reflect.String && strings.Contains(v.String(), "\n") {
			return multiline(v.String())
		}
		return scalar(v)
	}
	items := make([]string, v.Len())
	for i := range items {
		items[i] = scalar(v.Index(i))
	}
	one := "[" + strings.Join(items, ", ") + "]"
	if utf8.RuneCountInString(key)+3+utf8.RuneCountInString(one) <= 100 || len(items) == 1 {
		return one
	}
	return "[\n  " + strings.Join(items, ",\n  ") + ",\n]"
}

func scalar(v reflect.Value) string {
	if v.Type() == dateType {
		d := v.Interface().(model.Date)
		if d.Valid() {
			return d.String()
		}
		return quote(d.Raw)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return scalar(v.Elem())
	case reflect.String:
		return quote(v.String())
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		s := strconv.FormatFloat(v.Float(), 'f', -1, 64)
		if !strings.ContainsAny(s, ".eEnN") {
			s += ".0"
		}
		return s
	}
	return quote(fmt.Sprint(v.Interface()))
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteByte('\t')
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// multiline writes a TOML multi-line basic string; the newline after the
// opening quotes is not part of the value.
func multiline(s string) string {
	var b strings.Builder
	b.WriteString("\"\"\"\n")
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n', '\t':
			b.WriteRune(r)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteString(`"""`)
	return b.String()
}

func quoteKey(k string) string {
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return quote(k)
		}
	}
	if k == "" {
		return `""`
	}
	return k
}

func joinKeys(p []string) string {
	q := make([]string, len(p))
	for i, k := range p {
		q[i] = quoteKey(k)
	}
	return strings.Join(q, ".")
}
