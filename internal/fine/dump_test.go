package fine

import (
	"strconv"
	"strings"
)

// dump writes r one line per item, for table tests:
//
//	罚款/单位 10000~30000元 opt if:情节严重的 "一万元以上三万元以下"
//	M "责令改正"      a measure
//	U "…"            an unparsed clause
//	N "…"            a note
//
// An unset bound prints as _.
func dump(r Result) []string {
	var out []string
	for _, p := range r.Penalties {
		out = append(out, dumpPenalty(p))
	}
	for _, m := range r.Measures {
		out = append(out, `M "`+m.Text+`"`)
	}
	for _, u := range r.Unparsed {
		out = append(out, `U "`+u.Text+`"`)
	}
	for _, n := range r.Notes {
		out = append(out, `N "`+n+`"`)
	}
	return out
}

func dumpPenalty(p Penalty) string {
	var b strings.Builder
	b.WriteString(p.Type)
	if p.Target != "" {
		b.WriteString("/" + p.Target)
	}
	if p.HasRange() {
		b.WriteString(" " + bound(p.Min) + "~" + bound(p.Max) + p.Unit)
		if p.Base != "" {
			b.WriteString("@" + p.Base)
		}
	} else if p.Unit != "" || p.Base != "" {
		b.WriteString(" ?" + p.Unit + "@" + p.Base)
	}
	if p.Optional {
		b.WriteString(" opt")
	}
	if p.Condition != "" {
		b.WriteString(" if:" + p.Condition)
	}
	b.WriteString(` "` + p.Text + `"`)
	return b.String()
}

func bound(v *float64) string {
	if v == nil {
		return "_"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
