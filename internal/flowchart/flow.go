package flowchart

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"strings"

	"sunlight/internal/diag"
)

// Kind is what a step does in the flow; it decides the step's shape.
// The zero value is [Process].
type Kind uint8

const (
	Process  Kind = iota // an ordinary stage (办理环节): a rectangle
	Start                // where the flow begins (申请, 案件来源): a rounded pill
	Decision             // a stage whose outgoing edges are alternatives (受理?): a pointed box
	End                  // where the flow ends (办结, 不予受理): a rounded pill
)

var kindNames = [...]string{Process: "process", Start: "start", Decision: "decision", End: "end"}

// String returns the English name used in content files: "process", "start",
// "decision" or "end".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + itoa(int(k)) + ")"
}

// ParseKind accepts the English names of [Kind.String] and their Chinese
// equivalents (开始, 办理/环节, 判断/决策, 结束/办结), ignoring case and
// surrounding space.
func ParseKind(s string) (Kind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "process", "step", "办理", "环节", "处理":
		return Process, true
	case "start", "begin", "开始", "起点":
		return Start, true
	case "decision", "判断", "决策", "审核判断":
		return Decision, true
	case "end", "stop", "结束", "办结", "终点":
		return End, true
	}
	return Process, false
}

// Flow is one 权力运行流程图: an ordered list of steps joined by edges. The
// first step of kind [Start] (or, if there is none, the first step) is where
// reading begins.
type Flow struct {
	ID    string
	Title string // shown as the SVG's <title>, e.g. "行政许可"
	Steps []Step
	Pos   diag.Position // where the flow is defined; used for flow-wide problems
}

// Step is one stage of a flow.
type Step struct {
	ID        string // short ASCII id, unique in the flow, e.g. "shouli"
	Name      string // 环节名称, e.g. "受理"
	Kind      Kind
	Post      string // 责任岗位, e.g. "窗口受理人员" (a role, never a person)
	TimeLimit string // display text, e.g. "5个工作日"
	Risks     []Risk // 廉政风险点 attached to this stage
	Edges     []Edge // outgoing edges, in the author's order
	Pos       diag.Position
}

// Edge leads from the step that holds it to the step with ID To.
type Edge struct {
	To    string
	Label string // condition, e.g. "材料不全", "不予受理"; may be empty
	Pos   diag.Position
}

// Risk is one 廉政风险点 of a step.
type Risk struct {
	Level    string // 高, 中 or 低 (aliases: see [NormalizeRiskLevel])
	Text     string
	Measures []string // 防控措施
}

// NormalizeRiskLevel maps a risk level as authors write it to 高, 中 or 低:
// it accepts 高/中/低, 高风险/中风险/低风险, 一级/二级/三级 and ★★★/★★/★.
// ok is false for anything else.
func NormalizeRiskLevel(s string) (level string, ok bool) {
	switch strings.TrimSpace(s) {
	case "高", "高风险", "一级", "★★★", "high":
		return "高", true
	case "中", "中风险", "二级", "★★", "medium":
		return "中", true
	case "低", "低风险", "三级", "★", "low":
		return "低", true
	}
	return "", false
}

// riskRank orders normalised levels: 高 > 中 > 低 > none.
func riskRank(level string) int {
	switch level {
	case "高":
		return 3
	case "中":
		return 2
	case "低":
		return 1
	}
	return 0
}

// topRisk returns the highest normalised level among rs, or "".
func topRisk(rs []Risk) string {
	best := ""
	for _, r := range rs {
		if l, ok := NormalizeRiskLevel(r.Level); ok && riskRank(l) > riskRank(best) {
			best = l
		}
	}
	return best
}

// Hash returns a hex digest of everything in f that affects the drawing:
// the title and every step's id, name, kind, post, time limit, risks and
// edges. The flow's ID and all positions are left out, so one flow reused
// by many power items, or defined identically in two units, hashes the same.
func (f Flow) Hash() string {
	h := sha256.New()
	var buf [8]byte
	str := func(s string) {
		binary.LittleEndian.PutUint64(buf[:], uint64(len(s)))
		h.Write(buf[:])
		h.Write([]byte(s))
	}
	num := func(n int) {
		binary.LittleEndian.PutUint64(buf[:], uint64(n))
		h.Write(buf[:])
	}
	hashFlow(f, str, num)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func hashFlow(f Flow, str func(string), num func(int)) {
	str("sunlight-flowchart-v1")
	str(f.Title)
	num(len(f.Steps))
	for _, s := range f.Steps {
		str(s.ID)
		str(s.Name)
		num(int(s.Kind))
		str(s.Post)
		str(s.TimeLimit)
		num(len(s.Risks))
		for _, r := range s.Risks {
			str(r.Level)
			str(r.Text)
			num(len(r.Measures))
			for _, m := range r.Measures {
				str(m)
			}
		}
		num(len(s.Edges))
		for _, e := range s.Edges {
			str(e.To)
			str(e.Label)
		}
	}
}

// clone returns a deep copy of f, so callers can change it freely.
func (f Flow) clone() Flow {
	g := f
	g.Steps = make([]Step, len(f.Steps))
	for i, s := range f.Steps {
		g.Steps[i] = s.clone()
	}
	return g
}

func (s Step) clone() Step {
	t := s
	t.Edges = append([]Edge(nil), s.Edges...)
	if s.Risks != nil {
		t.Risks = make([]Risk, len(s.Risks))
		for i, r := range s.Risks {
			r.Measures = append([]string(nil), r.Measures...)
			t.Risks[i] = r
		}
	}
	return t
}

func itoa(n int) string { return strconv.Itoa(n) }
