package load

import (
	"strings"
	"testing"

	"sunlight/internal/diag"
	"sunlight/internal/tomlfast"
)

// The fuzz targets check that no input, however broken, panics the loader,
// and that every diagnostic it reports has a position inside the file.
// Their seed corpora run in every `go test`; run them for longer with e.g.
// go test -fuzz=FuzzLoadPower -fuzztime=5m ./internal/load

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"+++\na = 1\n+++\nbody", "+++\r\na=1\r\n+++\r\n", "+++\n", "", "+++\n+++", "x\n+++\n+++", "+++ \na\n+++\t\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var diags diag.List
		front, body, ok := splitFrontMatter("p.md", src, &diags)
		if ok {
			if !strings.Contains(src, front) {
				t.Fatalf("front matter %q not in source", front)
			}
			// The body keeps the file's line numbers.
			if strings.Count(body, "\n") != strings.Count(src, "\n") && strings.HasSuffix(src, "\n") {
				t.Fatalf("body has %d lines, source %d", strings.Count(body, "\n"), strings.Count(src, "\n"))
			}
		} else if len(diags) == 0 {
			t.Fatal("rejected without a diagnostic")
		}
	})
}

func fuzzKind(f *testing.F, k kind, path string, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	tf := tomlfast.New()
	f.Fuzz(func(t *testing.T, src string) {
		var diags diag.List
		fl := file{path: path, kind: k, id: "x"}
		switch k {
		case kindPower:
			loadPower(fl, src, tf, &diags)
		case kindFlow:
			loadFlow(fl, src, tf, &diags)
		case kindBenchmark:
			loadBenchmark(fl, src, tf, &diags)
		case kindUnit:
			loadUnit(fl, src, tf, &diags)
		case kindRisks:
			loadRisks(fl, src, tf, &diags)
		case kindLaw:
			loadLaw(fl, src, tf, &diags)
		case kindSite:
			loadConfig(fl, src, tf, &diags)
		}
		lines := strings.Count(src, "\n") + 1
		for _, d := range diags {
			if d.Pos.File != path || d.Pos.Line < 1 || d.Pos.Line > lines+1 || d.Pos.Col < 1 {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
	})
}

func FuzzLoadPower(f *testing.F) {
	fuzzKind(f, kindPower, "units/u/powers/p.md",
		"+++\ncode = \"A\"\nname = \"n\"\ncategory = \"行政许可\"\noffice = \"o\"\npublished = 2024-01-01\nreviewed = 2025-01-01\n[[basis]]\nlaw = \"l\"\narticle = \"第一条\"\n[[risks]]\ndescription = \"d\"\nlevel = \"★★\"\nmeasures = [\"m\"]\n+++\n正文",
		"+++\n[time_limit]\nstatutory_days = \"x\"\n+++\n", "+++\nfee = {charged = 1}\n+++\n", "+++\n[[risks]]\n[[risks]]\nlevel = 3\n+++")
}

func FuzzLoadFlow(f *testing.F) {
	fuzzKind(f, kindFlow, "units/u/flows/x.toml",
		"name = \"f\"\n[[steps]]\nid = \"a\"\nname = \"受理\"\nnext = [\"b\", {to = \"c\", label = \"材料不全\"}]\n[[steps.risks]]\ndescription = \"d\"\nlevel = \"高\"\n",
		"[[steps]]\nnext = [{}]\n", "[[steps]]\nnext = [1, [2]]\n", "steps = 3\n")
}

func FuzzLoadBenchmark(f *testing.F) {
	fuzzKind(f, kindBenchmark, "units/u/benchmarks/x.toml",
		"title = \"t\"\nissuer = \"i\"\neffective = 2024-01-01\n[[violations]]\nname = \"v\"\npenalty_basis = [{law = \"l\", article = \"第一条\"}]\n[[violations.tiers]]\nlabel = \"轻\"\nconditions = [\"c\"]\nstandard = \"处五百元以下罚款\"\n",
		"[[violations]]\n[[violations.tiers]]\n[[violations.tiers]]\n", "violations = [{tiers = [{}]}]\n")
}

func FuzzLoadUnit(f *testing.F) {
	fuzzKind(f, kindUnit, "units/x/unit.toml",
		"name = \"n\"\ntype = \"乡镇人民政府\"\ndivision_code = \"990101\"\npublished = 2024-01-01\nreviewed = 2025-01-01\n[[leaders]]\ntitle = \"镇长\"\n",
		"complaint_url = \"javascript:x\"\n", "leaders = [1]\n")
}

func FuzzLoadRisks(f *testing.F) {
	fuzzKind(f, kindRisks, "units/x/risks/2025.toml",
		"year = 2025\npublished = 2025-01-01\nreviewed = 2025-01-01\n[[items]]\nobject_type = \"关键岗位\"\nobject = \"o\"\nrisk = \"r\"\nlevel = \"一级\"\nmeasures = [\"m\"]\n",
		"items = [{level = \"?\"}]\n")
}

func FuzzLoadLaw(f *testing.F) {
	fuzzKind(f, kindLaw, "laws/x.toml",
		"title = \"t\"\nlevel = \"法律\"\neffective = 2021-01-01\n[[articles]]\nnumber = \"第一条\"\ntext = \"x\"\n", "revised = [1, \"x\"]\n")
}

func FuzzLoadSite(f *testing.F) {
	fuzzKind(f, kindSite, "site.toml",
		"title = \"t\"\nregion = \"r\"\norganiser = \"o\"\nsite_code = \"9999000001\"\nbase_url = \"https://x/\"\nyear = 2025\n", "year = 99999999999999999999\n")
}
