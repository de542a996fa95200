package load

import (
	"reflect"
	"strings"
	"sync"
)

// interner makes the equal strings of a load share one copy. Content
// repeats itself across files: offices, law ids, step names, whole
// responsibility and accountability texts recur in thousands of items.
// Each decoded file is walked and every string is replaced by its
// canonical copy, a clone, so the model keeps neither duplicates nor the
// files' text alive (a decoded string may be a slice of its file). On the
// 10,000-item generated portal the live model drops from 72 to 30 MB, and
// the garbage collector has that much less to scan for the whole build.
//
// The walk also trims every slice to its length: decoders grow them by
// appending, which can leave half of an array unused in the model (a
// third of the live heap of a 100,000-item portal was such arrays).
//
// The files are read by many goroutines at once, so the strings are kept
// in shards, each with its own lock, chosen by the string's length and
// last byte (equal strings share a shard). The walk goes through a plan
// made once per Go type: the exported fields that can hold a string.
//
// An interner lives for one load: its maps are dropped with it, and the
// strings stay in the model.
type interner struct {
	shards [internShards]internShard
	plans  sync.Map // reflect.Type → *internPlan
}

const internShards = 64

type internShard struct {
	mu sync.Mutex
	m  map[string]string
}

func newInterner() *interner {
	in := &interner{}
	for i := range in.shards {
		in.shards[i].m = map[string]string{}
	}
	return in
}

// str returns the canonical copy of s.
func (in *interner) str(s string) string {
	if s == "" {
		return ""
	}
	sh := &in.shards[(len(s)*31+int(s[len(s)-1]))%internShards]
	sh.mu.Lock()
	c, ok := sh.m[s]
	if !ok {
		c = strings.Clone(s)
		sh.m[c] = c
	}
	sh.mu.Unlock()
	return c
}

// internPlan is what a walk of one Go type visits: for a struct, the
// exported fields that can hold a string; for a pointer, slice or array,
// whether its elements can.
type internPlan struct {
	has    bool  // a value of this type can hold a string
	fields []int // struct: the fields to walk
}

// plan returns the plan of t, making it on first use.
func (in *interner) plan(t reflect.Type) *internPlan {
	if p, ok := in.plans.Load(t); ok {
		return p.(*internPlan)
	}
	p := in.makePlan(t, map[reflect.Type]*internPlan{})
	in.plans.Store(t, p)
	return p
}

// makePlan works out the plan of t; seen breaks cycles among types (a
// recursive type is walked as if it could hold a string).
func (in *interner) makePlan(t reflect.Type, seen map[reflect.Type]*internPlan) *internPlan {
	if p, ok := seen[t]; ok {
		return p
	}
	p := &internPlan{has: true} // until known otherwise, for cycles
	seen[t] = p
	switch t.Kind() {
	case reflect.String:
	case reflect.Pointer, reflect.Array:
		p.has = in.makePlan(t.Elem(), seen).has
	case reflect.Slice:
		p.has = t.Elem().Kind() != reflect.Uint8 && in.makePlan(t.Elem(), seen).has
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.IsExported() && in.makePlan(f.Type, seen).has {
				p.fields = append(p.fields, i)
			}
		}
		p.has = len(p.fields) > 0
	default:
		p.has = false
	}
	return p
}

// value interns every settable string reachable from v through pointers,
// structs (exported fields), slices and arrays. v must be a tree, as a
// decoder makes it: the walk does not look for cycles. Maps and
// interfaces are left as they are.
func (in *interner) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(in.str(v.String()))
		}
	case reflect.Pointer:
		if !v.IsNil() && in.plan(v.Type()).has {
			in.value(v.Elem())
		}
	case reflect.Struct:
		for _, i := range in.plan(v.Type()).fields {
			in.value(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 || !in.plan(v.Type()).has {
			return
		}
		if v.Kind() == reflect.Slice && v.Cap() > v.Len() && v.CanSet() {
			// Decoders grow slices by appending: up to half of the
			// array would stay in the model unused.
			exact := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(exact, v)
			v.Set(exact)
		}
		for i := 0; i < v.Len(); i++ {
			in.value(v.Index(i))
		}
	}
}
