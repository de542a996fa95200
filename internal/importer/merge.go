package importer

import (
	"reflect"
	"strconv"
	"strings"
)

// spec says which keys of a table (a model struct) an import owns.
//
//   - own: replaced by the sheet's value; an empty value removes the key.
//   - set: replaced only when the sheet has a value (a quote, a note).
//   - lists: lists of records merged element by element (see listSpec).
//   - subs: tables merged key by key.
//
// Every other key is the author's and is kept as it is.
type spec struct {
	own   map[string]bool
	set   map[string]bool
	lists map[string]*listSpec
	subs  map[string]*spec
}

func newSpec(own ...string) *spec {
	s := &spec{own: map[string]bool{}, set: map[string]bool{}, lists: map[string]*listSpec{}, subs: map[string]*spec{}}
	for _, k := range own {
		s.own[k] = true
	}
	return s
}

// listSpec merges a list of records. Records are matched by key (the nth
// record with a key matches the nth old one with it); a matched record
// keeps the author's keys. Old records that the sheet does not own (owns
// returns false: a basis with a role the sheet has no column for) stay
// silently. Old records the sheet owns but no longer has are kept and
// reported when keep is set (violations, risk items: whole entities an
// author may have added), and otherwise removed, reported only when they
// carried keys the author had added (a tier's penalties).
type listSpec struct {
	elem *spec
	key  func(v any) string
	owns func(v any) bool
	keep bool
	name func(v any) string // "违法行为 “…”", for reports
}

// report collects what a merge kept or dropped of the author's content.
type report struct {
	kept, dropped []string
}

// merge applies the owned keys of src onto dst (both pointers to the same
// struct type). where prefixes report lines.
func merge(dst, src any, sp *spec, where string, rep *report) {
	mergeStruct(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem(), sp, where, rep)
}

func mergeStruct(dst, src reflect.Value, sp *spec, where string, rep *report) {
	t := dst.Type()
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("toml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		d, s := dst.Field(i), src.Field(i)
		switch {
		case sp.lists[tag] != nil:
			d.Set(mergeList(d, s, sp.lists[tag], where, rep))
		case sp.subs[tag] != nil:
			mergeSub(d, s, sp.subs[tag], where, rep)
		case sp.own[tag]:
			d.Set(s)
		case sp.set[tag] && !s.IsZero():
			d.Set(s)
		}
	}
}

// mergeSub merges a table held by value or by pointer; a pointer table
// left empty is removed.
func mergeSub(d, s reflect.Value, sp *spec, where string, rep *report) {
	if d.Kind() != reflect.Pointer {
		mergeStruct(d, s, sp, where, rep)
		return
	}
	if s.IsNil() {
		s = reflect.New(d.Type().Elem())
	}
	if d.IsNil() {
		d.Set(reflect.New(d.Type().Elem()))
	}
	mergeStruct(d.Elem(), s.Elem(), sp, where, rep)
	if d.Elem().IsZero() {
		d.Set(reflect.Zero(d.Type()))
	}
}

func mergeList(old, news reflect.Value, ls *listSpec, where string, rep *report) reflect.Value {
	type slot struct {
		i    int
		used bool
	}
	byKey := map[string][]*slot{}
	for i := 0; i < old.Len(); i++ {
		k := ls.key(old.Index(i).Interface())
		byKey[k] = append(byKey[k], &slot{i: i})
	}
	out := reflect.MakeSlice(old.Type(), 0, news.Len()+old.Len())
	for i := 0; i < news.Len(); i++ {
		n := news.Index(i)
		k := ls.key(n.Interface())
		var match *slot
		for _, s := range byKey[k] {
			if !s.used {
				match = s
				break
			}
		}
		elem := reflect.New(n.Type()).Elem()
		if match != nil {
			match.used = true
			elem.Set(old.Index(match.i))
			elem = cloneValue(elem)
		}
		mergeStruct(elem, n, ls.elem, where+describe(ls, n), rep)
		out = reflect.Append(out, elem)
	}
	for i := 0; i < old.Len(); i++ {
		o := old.Index(i)
		used := false
		for _, s := range byKey[ls.key(o.Interface())] {
			if s.i == i {
				used = s.used
			}
		}
		if used {
			continue
		}
		owned := ls.owns == nil || ls.owns(o.Interface())
		switch {
		case !owned:
			out = reflect.Append(out, o)
		case ls.keep:
			out = reflect.Append(out, o)
			rep.kept = append(rep.kept, where+strings.TrimSuffix(describe(ls, o), "的")+" 不在表中,已保留;如已废止请手工删除")
		default:
			if extra := authorKeys(o, ls.elem); len(extra) > 0 {
				rep.dropped = append(rep.dropped, where+strings.TrimSuffix(describe(ls, o), "的")+" 已不在表中,随之删除了手工填写的 "+strings.Join(extra, "、"))
			}
		}
	}
	if out.Len() == 0 {
		return reflect.Zero(old.Type())
	}
	return out
}

func describe(ls *listSpec, v reflect.Value) string {
	if ls.name == nil {
		return ""
	}
	return ls.name(v.Interface()) + "的"
}

// authorKeys lists the non-empty keys of a record that no import owns.
func authorKeys(v reflect.Value, sp *spec) []string {
	var out []string
	for _, f := range tomlFields(v) {
		if sp.own[f.key] || sp.set[f.key] || sp.lists[f.key] != nil || sp.subs[f.key] != nil || empty(f.v) {
			continue
		}
		if f.v.Kind() == reflect.Bool && !f.v.Bool() {
			continue
		}
		out = append(out, f.key)
	}
	return out
}

// cloneValue deep-copies slices and pointers so a merge never writes into
// the parsed old entity.
func cloneValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(cloneValue(v.Index(i)))
		}
		return c
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(cloneValue(v.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if c.Field(i).CanSet() {
				c.Field(i).Set(cloneValue(v.Field(i)))
			}
		}
		return c
	}
	return v
}

func reflectOf(v any) reflect.Value { return reflect.ValueOf(v) }

func quoted(s string) string { return "“" + s + "”" }

func itoa(n int) string { return strconv.Itoa(n) }
