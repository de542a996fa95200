package flowchart

import (
	"fmt"
	"strings"

	"sunlight/internal/diag"
)

// Validate reports every problem in f, in the order of the steps, each at
// the position of the step or edge that causes it (the flow's own position
// for flow-wide problems). Errors stop the flow from being published;
// warnings point at likely mistakes. See the package documentation for the
// list of rules.
func Validate(f Flow) diag.List {
	var l diag.List
	if len(f.Steps) == 0 {
		add(&l, diag.Error, codeEmpty, f.Pos, "至少需要一个开始步骤和一个结束步骤", "流程 %q 没有任何步骤", f.ID)
		return l
	}
	index := make(map[string]int, len(f.Steps))
	structural := false
	firstStart := -1
	for i, s := range f.Steps {
		if s.ID == "" {
			add(&l, diag.Error, codeNoID, s.Pos, `给每个步骤写一个简短的英文 id，例如 "shouli"`, "流程 %q 的第 %d 个步骤缺少 id", f.ID, i+1)
			structural = true
			continue
		}
		if j, dup := index[s.ID]; dup {
			add(&l, diag.Error, codeDupID, s.Pos, "第一次定义在 "+f.Steps[j].Pos.String()+"；每个步骤的 id 在流程内必须唯一",
				"流程步骤 id %q 重复", s.ID)
			structural = true
			continue
		}
		index[s.ID] = i
	}
	for i, s := range f.Steps {
		if s.Name == "" && s.ID != "" {
			add(&l, diag.Error, codeNoName, s.Pos, `填写环节名称，例如 "受理"`, "流程步骤 %q 缺少名称", s.ID)
		}
		if s.Kind > End {
			add(&l, diag.Error, codeKind, s.Pos, "可用的类型: start, process, decision, end", "流程步骤 %q 的类型 %d 无效", s.ID, s.Kind)
		}
		if s.Kind == Start {
			if firstStart >= 0 {
				add(&l, diag.Warning, codeStarts, s.Pos, "只有第一个开始步骤 "+quote(f.Steps[firstStart].ID)+" 作为流程起点",
					"流程有多个开始步骤: %q 和 %q", f.Steps[firstStart].ID, s.ID)
			} else {
				firstStart = i
			}
		}
		seen := map[string]bool{}
		for _, e := range s.Edges {
			pos := e.Pos
			if pos.Line == 0 {
				pos = s.Pos
			}
			if e.To == "" {
				add(&l, diag.Error, codeNoTarget, pos, "可用的步骤: "+idList(f), "流程步骤 %q 有一条连线没有写目标步骤", s.ID)
				structural = true
				continue
			}
			if _, ok := index[e.To]; !ok {
				add(&l, diag.Error, codeUnknown, pos, unknownHint(f, e.To), "流程步骤 %q 指向不存在的步骤 %q", s.ID, e.To)
				structural = true
				continue
			}
			if seen[e.To] {
				add(&l, diag.Warning, codeDupEdge, pos, "删除重复的连线，或合并它们的标签", "流程步骤 %q 重复指向 %q", s.ID, e.To)
			}
			seen[e.To] = true
		}
		for _, r := range s.Risks {
			if _, ok := NormalizeRiskLevel(r.Level); !ok {
				add(&l, diag.Error, codeRisk, s.Pos, "可用的等级: 高、中、低（也可写 一级/二级/三级 或 ★★★/★★/★）",
					"流程步骤 %q 的风险等级 %q 无效", s.ID, r.Level)
			}
		}
		switch {
		case s.Kind == End && len(s.Edges) > 0:
			add(&l, diag.Warning, codeEndEdges, s.Pos, "把 kind 改为 process 或 decision，或删除它的 edges", "结束步骤 %q 不应有后续连线", s.ID)
		case s.Kind != End && len(s.Edges) == 0:
			add(&l, diag.Warning, codeDeadEnd, s.Pos, "添加 edges，或把 kind 设为 end", "流程步骤 %q 没有后续连线，也不是结束步骤", s.ID)
		case s.Kind == Decision && len(s.Edges) == 1:
			add(&l, diag.Warning, codeOneExit, s.Pos, `判断步骤应有两个以上带标签的出口（如 "予以受理"、"不予受理"），否则请把 kind 改为 process`,
				"判断步骤 %q 只有 1 个出口", s.ID)
		}
	}
	hasEnd := false
	for _, s := range f.Steps {
		if s.Kind == End {
			hasEnd = true
		}
	}
	if !hasEnd {
		add(&l, diag.Error, codeNoEnd, f.Pos, `把最后一个环节（如 "办结"）的 kind 设为 end`, "流程 %q 没有结束步骤", f.ID)
	}
	if structural {
		// Reachability would be computed on a graph the author did not
		// mean; report the definite problems only.
		return l
	}

	n := len(f.Steps)
	adj := make([][]int, n)
	for i, s := range f.Steps {
		for _, e := range s.Edges {
			adj[i] = append(adj[i], index[e.To])
		}
	}
	start := 0
	if firstStart >= 0 {
		start = firstStart
	}
	reach := reachable(adj, start)
	for i, s := range f.Steps {
		if !reach[i] {
			add(&l, diag.Error, codeUnreachable, s.Pos, "让前面某个步骤的 edges 指向 "+quote(s.ID)+"，或删除这个步骤",
				"流程步骤 %q 从开始步骤 %q 无法到达", s.ID, f.Steps[start].ID)
		}
	}
	if !hasEnd {
		return l
	}
	// A cycle with no exit: a strongly connected set (or a step looping to
	// itself) from which no end step can be reached.
	canEnd := make([]bool, n)
	rev := make([][]int, n)
	for u, vs := range adj {
		for _, v := range vs {
			rev[v] = append(rev[v], u)
		}
	}
	var stack []int
	for i, s := range f.Steps {
		if s.Kind == End {
			canEnd[i] = true
			stack = append(stack, i)
		}
	}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, u := range rev[v] {
			if !canEnd[u] {
				canEnd[u] = true
				stack = append(stack, u)
			}
		}
	}
	for _, comp := range sccs(adj) {
		first := comp[0]
		cyclic := len(comp) > 1
		if !cyclic {
			for _, v := range adj[first] {
				cyclic = cyclic || v == first
			}
		}
		if !cyclic || !reach[first] || canEnd[first] {
			continue
		}
		names := make([]string, len(comp))
		for i, v := range comp {
			names[i] = quote(f.Steps[v].ID)
		}
		add(&l, diag.Error, codeTrap, f.Steps[first].Pos, "给循环中的某个步骤加一条通往后续或结束步骤的连线",
			"流程步骤 %s 构成循环，且无法到达任何结束步骤", strings.Join(names, "、"))
	}
	return l
}

// Codes of the diagnostics Validate reports (diag.Diagnostic.Code).
const (
	codeEmpty       = "flow-empty"
	codeNoID        = "step-id-missing"
	codeDupID       = "step-id-duplicate"
	codeNoName      = "step-name-missing"
	codeKind        = "step-kind-invalid"
	codeStarts      = "flow-multiple-starts"
	codeNoTarget    = "edge-target-missing"
	codeUnknown     = "edge-target-unknown"
	codeDupEdge     = "edge-duplicate"
	codeRisk        = "risk-level-invalid"
	codeEndEdges    = "end-has-edges"
	codeDeadEnd     = "step-dead-end"
	codeOneExit     = "decision-one-exit"
	codeNoEnd       = "flow-no-end"
	codeUnreachable = "step-unreachable"
	codeTrap        = "cycle-no-exit"
)

// structuralCodes are the problems that make a flow impossible to draw.
var structuralCodes = map[string]bool{codeEmpty: true, codeNoID: true, codeDupID: true, codeNoTarget: true, codeUnknown: true}

func add(l *diag.List, sev diag.Severity, code string, pos diag.Position, hint, format string, args ...any) {
	*l = append(*l, diag.Diagnostic{Pos: pos, Severity: sev, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func quote(s string) string { return `"` + s + `"` }

// idList lists the step ids of f for a hint, in order.
func idList(f Flow) string {
	const max = 16
	var ids []string
	seen := map[string]bool{}
	for _, s := range f.Steps {
		if s.ID == "" || seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		if len(ids) == max {
			ids = append(ids, "…")
			break
		}
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, ", ")
}

// unknownHint lists the ids and suggests the closest one: an id at a small
// edit distance, or the id of a step whose name the author wrote instead.
func unknownHint(f Flow, bad string) string {
	h := "可用的步骤: " + idList(f)
	best, bestD := "", 1<<30
	for _, s := range f.Steps {
		if s.ID == "" {
			continue
		}
		if s.Name == bad {
			return h + "; 是否想写 " + quote(s.ID) + "（步骤 " + quote(s.Name) + " 的 id）?"
		}
		d := editDistance(strings.ToLower(bad), strings.ToLower(s.ID))
		if d < bestD {
			best, bestD = s.ID, d
		}
	}
	n := runeCount(bad)
	if best != "" && bestD < n && bestD <= max(2, n/3) {
		h += "; 是否想写 " + quote(best) + "?"
	}
	return h
}

// editDistance is the optimal-string-alignment distance between a and b:
// insertions, deletions, substitutions and swaps of two neighbours each
// cost 1 ("shencah" is one step from "shencha").
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// reachable marks the vertices reachable from s.
func reachable(adj [][]int, s int) []bool {
	seen := make([]bool, len(adj))
	seen[s] = true
	stack := []int{s}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, v := range adj[u] {
			if !seen[v] {
				seen[v] = true
				stack = append(stack, v)
			}
		}
	}
	return seen
}

// sccs returns the strongly connected components of adj (Tarjan), each
// sorted by vertex number, in order of their smallest vertex.
func sccs(adj [][]int) [][]int {
	n := len(adj)
	index := make([]int, n)
	low := make([]int, n)
	on := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	var comps [][]int
	next := 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		on[v] = true
		for _, w := range adj[v] {
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if on[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var c []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[w] = false
				c = append(c, w)
				if w == v {
					break
				}
			}
			sortInts(c)
			comps = append(comps, c)
		}
	}
	for v := 0; v < n; v++ {
		if index[v] < 0 {
			visit(v)
		}
	}
	// order by smallest member
	for i := 1; i < len(comps); i++ {
		for j := i; j > 0 && comps[j][0] < comps[j-1][0]; j-- {
			comps[j], comps[j-1] = comps[j-1], comps[j]
		}
	}
	return comps
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
