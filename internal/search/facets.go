package search

import (
	"cmp"
	"slices"
)

// Facet dimensions, in the order of the facet value index space.
const (
	dimUnit = iota
	dimType
	dimCategory
	dimLevel
	dimYear
	numDims
)

var dimNames = [numDims]string{"unit", "type", "category", "level", "year"}

// Canonical orders of the known values; unknown values follow, sorted.
var (
	typeOrder  = []string{"权力事项", "裁量基准", "风险点", "流程步骤", "单位", "页面", "法规"}
	levelOrder = []string{"高", "中", "低"}
)

// combo is the tuple of filterable attributes other than the unit; each
// posting carries the index of its document's combo.
type combo struct {
	typ, cat, level, year int // value indexes, -1 when empty
	hasFine               bool
}

type unitInfo struct {
	ID, Name   string
	Start, End int // document numbers [Start, End)
}

type facetTables struct {
	units      []unitInfo
	unitRank   map[string]int
	types      []string
	typeIdx    map[string]int
	cats       []string
	catIdx     map[string]int
	levels     []string
	levelIdx   map[string]int
	years      []int
	yearIdx    map[int]int
	combos     []combo
	docCombo   []int
	docUnit    []int
	globalFreq [numDims][]int
}

func ordered(vals map[string]bool, canon []string) []string {
	var out, rest []string
	for _, v := range canon {
		if vals[v] {
			out = append(out, v)
		}
	}
	for v := range vals {
		if v != "" && !slices.Contains(canon, v) {
			rest = append(rest, v)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

func indexOf[T comparable](vals []T) map[T]int {
	m := make(map[T]int, len(vals))
	for i, v := range vals {
		m[v] = i
	}
	return m
}

func newFacetTables(docs []Doc) facetTables {
	units := map[string]string{}
	types, cats, levels := map[string]bool{}, map[string]bool{}, map[string]bool{}
	years := map[int]bool{}
	for _, d := range docs {
		if _, ok := units[d.Unit]; !ok || units[d.Unit] == "" {
			units[d.Unit] = d.UnitName
		}
		types[d.Type], cats[d.Category], levels[d.RiskLevel] = true, true, true
		if d.Year != 0 {
			years[d.Year] = true
		}
	}
	var ft facetTables
	ids := make([]string, 0, len(units))
	for id := range units {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	ft.unitRank = indexOf(ids)
	for _, id := range ids {
		ft.units = append(ft.units, unitInfo{ID: id, Name: units[id]})
	}
	ft.types = ordered(types, typeOrder)
	ft.cats = ordered(cats, nil)
	ft.levels = ordered(levels, levelOrder)
	for y := range years {
		ft.years = append(ft.years, y)
	}
	slices.SortFunc(ft.years, func(a, b int) int { return cmp.Compare(b, a) })
	ft.typeIdx, ft.catIdx, ft.levelIdx, ft.yearIdx = indexOf(ft.types), indexOf(ft.cats), indexOf(ft.levels), indexOf(ft.years)
	ft.typeIdx[""], ft.catIdx[""], ft.levelIdx[""], ft.yearIdx[0] = -1, -1, -1, -1
	return ft
}

// finish assigns combos and unit ranges once docs are in final order.
func (ft *facetTables) finish(docs []Doc) {
	comboIdx := map[combo]int{}
	ft.docCombo = make([]int, len(docs))
	ft.docUnit = make([]int, len(docs))
	for i := range ft.globalFreq {
		ft.globalFreq[i] = make([]int, ft.dimSize(i))
	}
	for i, d := range docs {
		c := combo{ft.typeIdx[d.Type], ft.catIdx[d.Category], ft.levelIdx[d.RiskLevel], ft.yearIdx[d.Year], d.HasFine}
		k, ok := comboIdx[c]
		if !ok {
			k = len(ft.combos)
			comboIdx[c] = k
			ft.combos = append(ft.combos, c)
		}
		ft.docCombo[i] = k
		u := ft.unitRank[d.Unit]
		ft.docUnit[i] = u
		if ft.units[u].End == 0 {
			ft.units[u].Start = i
		}
		ft.units[u].End = i + 1
		for dim, v := range ft.values(i) {
			if v >= 0 {
				ft.globalFreq[dim][v]++
			}
		}
	}
}

func (ft *facetTables) dimSize(dim int) int {
	return [numDims]int{len(ft.units), len(ft.types), len(ft.cats), len(ft.levels), len(ft.years)}[dim]
}

// valueSpace is the size of the concatenated value index space of all
// dimensions.
func (ft *facetTables) valueSpace() int {
	n := 0
	for dim := range numDims {
		n += ft.dimSize(dim)
	}
	return n
}

// values returns the value index of each dimension for a document, -1 when
// it has none.
func (ft *facetTables) values(doc int) [numDims]int {
	c := ft.combos[ft.docCombo[doc]]
	return [numDims]int{ft.docUnit[doc], c.typ, c.cat, c.level, c.year}
}
