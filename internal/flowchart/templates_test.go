package flowchart

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestTemplateNames(t *testing.T) {
	want := []string{"行政许可", "行政处罚", "行政处罚-简易程序", "行政强制", "行政检查", "行政给付", "通用"}
	if got := TemplateNames(); !reflect.DeepEqual(got, want) {
		t.Errorf("TemplateNames() = %q, want %q", got, want)
	}
}

func TestTemplatesAreValid(t *testing.T) {
	for _, n := range TemplateNames() {
		f, ok := Template(n)
		if !ok {
			t.Fatalf("Template(%q) not found", n)
		}
		if ds := Validate(f); len(ds) > 0 {
			t.Errorf("template %s: %s", n, ds.Error())
		}
		for _, s := range f.Steps {
			for _, r := range s.ID {
				if r > 0x7f {
					t.Errorf("template %s: step id %q is not ASCII", n, s.ID)
				}
			}
		}
	}
}

// Statutory time limits (行政许可法 第三十二、四十二、四十四条; 行政处罚法
// 第六十、六十一、六十七条; 行政强制法 第二十五条).
func TestTemplateTimeLimits(t *testing.T) {
	for _, c := range []struct {
		tmpl, step string
		want       []string
	}{
		{"行政许可", "shouli", []string{"5个工作日"}},
		{"行政许可", "buzheng", []string{"5个工作日"}},
		{"行政许可", "jueding", []string{"20个工作日", "延长10个工作日"}},
		{"行政许可", "songda", []string{"10个工作日"}},
		{"行政处罚", "jueding", []string{"90日"}},
		{"行政处罚", "songda", []string{"7日"}},
		{"行政处罚", "zhixing", []string{"15日"}},
		{"行政处罚", "tingzheng", []string{"5日", "7日"}},
		{"行政处罚-简易程序", "zhixing", []string{"2日"}},
		{"行政强制", "chafeng", []string{"30日", "延长30日"}},
		{"行政强制", "baopi", []string{"24小时"}},
	} {
		f, _ := Template(c.tmpl)
		found := false
		for _, s := range f.Steps {
			if s.ID != c.step {
				continue
			}
			found = true
			for _, w := range c.want {
				if !strings.Contains(s.TimeLimit, w) {
					t.Errorf("%s/%s time limit %q, want it to say %q", c.tmpl, c.step, s.TimeLimit, w)
				}
			}
		}
		if !found {
			t.Errorf("%s has no step %q", c.tmpl, c.step)
		}
	}
}

func TestTemplateSteps(t *testing.T) {
	order := func(name string) string {
		f, _ := Template(name)
		var ids []string
		for _, s := range Order(f) {
			ids = append(ids, s.ID)
		}
		return strings.Join(ids, " ")
	}
	for _, c := range []struct{ name, want string }{
		{"行政许可", "shenqing shouli buzheng buyushouli shencha jueding buyuxuke songda banjie"},
		{"行政给付", "shenqing shouli buzheng buyushouli shencha niding gongshi hecha buyugeifu jueding gonggao geifu"},
		{"行政检查", "fangan tongzhi shishi baogao chuli luoshi banjie"},
	} {
		if got := order(c.name); got != c.want {
			t.Errorf("Order(%s) = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestTemplateAliasesAndCopies(t *testing.T) {
	a, _ := Template("行政确认")
	b, _ := Template("通用")
	if !reflect.DeepEqual(a, b) {
		t.Error("Template(行政确认) differs from Template(通用)")
	}
	a.Steps[0].Name = "changed"
	a.Steps[1].Edges[0].To = "changed"
	c, _ := Template("通用")
	if c.Steps[0].Name == "changed" || c.Steps[1].Edges[0].To == "changed" {
		t.Error("changing a template copy changed the template")
	}
	if _, ok := Template("行政许可证"); ok {
		t.Error("Template(行政许可证) found, want not found")
	}
}

func TestOverride(t *testing.T) {
	base, _ := Template("行政许可")
	risk := []Risk{{Level: "高", Text: "擅自增加审查条件", Measures: []string{"量化审查标准"}}}
	got := Override(base, []Step{
		{ID: "shencha", Post: "审批科", Risks: risk, Pos: p(3, 1)},
		{ID: "jueding", TimeLimit: "承诺10个工作日"},
		{ID: "songda", Name: "邮寄送达", Kind: Decision, Edges: []Edge{e("banjie", "签收"), e("gongshi", "无法送达")}},
		{ID: "gongshi", Name: "公告送达", Kind: Process, Edges: []Edge{e("banjie", "")}},
	})
	step := map[string]Step{}
	for _, s := range got.Steps {
		step[s.ID] = s
	}
	if s := step["shencha"]; s.Name != "审查" || s.Post != "审批科" || !reflect.DeepEqual(s.Risks, risk) || s.Pos != p(3, 1) || len(s.Edges) != 1 {
		t.Errorf("shencha = %+v: want name kept, post, risks and position replaced, edges kept", s)
	}
	if s := step["jueding"]; s.TimeLimit != "承诺10个工作日" || s.Post != "分管领导" || s.Kind != Decision {
		t.Errorf("jueding = %+v: want only the time limit replaced", s)
	}
	if s := step["songda"]; s.Name != "邮寄送达" || s.Kind != Decision || len(s.Edges) != 2 {
		t.Errorf("songda = %+v: want name, kind and edges replaced", s)
	}
	if got.Steps[len(got.Steps)-1].ID != "gongshi" {
		t.Errorf("new step not appended: last is %q", got.Steps[len(got.Steps)-1].ID)
	}
	if ds := Validate(got); ds.HasErrors() {
		t.Errorf("overridden flow: %v", ds)
	}
	// The base is untouched.
	again, _ := Template("行政许可")
	if !reflect.DeepEqual(base, again) {
		t.Error("Override changed its base")
	}
}

// The package documentation is the spec: it must list every template step.
func TestDocListsEveryTemplateStep(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range TemplateNames() {
		if !strings.Contains(string(doc), "# "+n) && !strings.Contains(string(doc), n+" (") {
			t.Errorf("doc.go has no section for template %s", n)
		}
		f, _ := Template(n)
		for _, s := range f.Steps {
			if !strings.Contains(string(doc), s.ID) {
				t.Errorf("doc.go does not mention step %s of %s", s.ID, n)
			}
			if s.TimeLimit != "" && !strings.Contains(string(doc), s.TimeLimit) {
				t.Errorf("doc.go does not give the time limit %q of %s/%s", s.TimeLimit, n, s.ID)
			}
		}
	}
}
