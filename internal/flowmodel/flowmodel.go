// Package flowmodel converts between the content model's flows
// (model.Flow, as authors write them) and the flowchart package's graphs,
// and resolves standard templates.
//
// Step kinds default as the content format documents: a step without a
// kind is the start when it is the first step, an end when it has no
// outgoing edge, and a process step otherwise.
package flowmodel

import (
	"strconv"
	"strings"

	"sunlight/internal/flowchart"
	"sunlight/internal/model"
)

// TemplatePrefix marks a power item's flow reference to a standard
// template: flow = "template:行政许可".
const TemplatePrefix = "template:"

// ToChart converts a flow's steps into a flowchart graph.
func ToChart(id, title string, steps []model.Step) flowchart.Flow {
	f := flowchart.Flow{ID: id, Title: title}
	for i, s := range steps {
		cs := flowchart.Step{ID: s.ID, Name: s.Name, Post: s.Post, TimeLimit: s.TimeText()}
		switch k, ok := flowchart.ParseKind(s.Kind); {
		case ok && s.Kind != "":
			cs.Kind = k
		case i == 0:
			cs.Kind = flowchart.Start
		case len(s.Next) == 0:
			cs.Kind = flowchart.End
		default:
			cs.Kind = flowchart.Process
		}
		for _, e := range s.Next {
			cs.Edges = append(cs.Edges, flowchart.Edge{To: e.To, Label: e.Label})
		}
		for _, r := range s.Risks {
			cs.Risks = append(cs.Risks, flowchart.Risk{Level: r.Level, Text: r.Description, Measures: r.Measures})
		}
		f.Steps = append(f.Steps, cs)
	}
	return f
}

// FromChart converts flowchart steps back into content steps (for a
// template's steps, shown in the text alternative and the risk table).
func FromChart(f flowchart.Flow) []model.Step {
	var out []model.Step
	for _, s := range f.Steps {
		ms := model.Step{ID: s.ID, Name: s.Name, Kind: kindName(s.Kind), Post: s.Post, TimeNote: s.TimeLimit}
		for _, e := range s.Edges {
			ms.Next = append(ms.Next, model.Edge{To: e.To, Label: e.Label})
		}
		for _, r := range s.Risks {
			ms.Risks = append(ms.Risks, model.RiskPoint{Step: s.Name, Description: r.Text, Level: r.Level, Measures: r.Measures})
		}
		out = append(out, ms)
	}
	return out
}

func kindName(k flowchart.Kind) string {
	switch k {
	case flowchart.Start:
		return "start"
	case flowchart.End:
		return "end"
	case flowchart.Decision:
		return "decision"
	}
	return "step"
}

// Resolve returns a flow's effective steps: its own, or its template's
// with its own steps overriding by id. ok is false for an unknown template.
func Resolve(f *model.Flow) (steps []model.Step, ok bool) {
	if f.Template == "" {
		return f.Steps, true
	}
	base, ok := flowchart.Template(f.Template)
	if !ok {
		return f.Steps, false
	}
	own := ToChart(f.ID, f.Name, f.Steps).Steps
	// Authored steps carry only what they override: keep the template's
	// kind unless one is written.
	for i := range own {
		if f.Steps[i].Kind == "" {
			own[i].Kind = 0
			for _, b := range base.Steps {
				if b.ID == own[i].ID {
					own[i].Kind = b.Kind
				}
			}
		}
	}
	return FromChart(flowchart.Override(base, own)), true
}

// TemplateFlow makes the flow a power item gets from flow = "template:X".
func TemplateFlow(u *model.Unit, name string) (*model.Flow, bool) {
	t, ok := flowchart.Template(name)
	if !ok {
		return nil, false
	}
	return &model.Flow{ID: TemplateID(name), Name: t.Title + "标准流程", Template: name, Unit: u, Src: u.Src,
		Resolved: FromChart(t), Synthetic: true}, true
}

// TemplateID is the stable id (and URL segment) of a template flow.
func TemplateID(name string) string {
	for i, n := range flowchart.TemplateNames() {
		if n == name {
			return "template-" + strconv.Itoa(i+1)
		}
	}
	return "template-" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, name)
}
