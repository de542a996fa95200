package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"sunlight/internal/bench"
	"sunlight/internal/gen"
	"sunlight/internal/link"
	"sunlight/internal/load"
	"sunlight/internal/opendata"
)

func site(t *testing.T) fstest.MapFS {
	return fstest.MapFS{
		"site.toml":           {Data: []byte("title = \"t\"\nregion = \"示范县\"\norganiser = \"o\"\nsite_code = \"9999000001\"\nbase_url = \"https://x.example.gov.cn/lzfk/\"\nyear = 2025\n")},
		"laws/cfa.toml":       {Data: []byte("title = \"中华人民共和国行政处罚法\"\nshort = \"行政处罚法\"\nlevel = \"法律\"\neffective = 2021-07-15\n")},
		"units/u/unit.toml":   {Data: []byte("name = \"青石镇人民政府\"\ntype = \"乡镇人民政府\"\ndivision_code = \"990101\"\npublished = 2024-01-01\nreviewed = 2025-02-01\n")},
		"units/u/powers/p.md": {Data: []byte("+++\ncode = \"CF-1\"\nname = \"对“违法建设”, 的处罚\"\ncategory = \"行政处罚\"\noffice = \"执法办\"\nbenchmark = \"b\"\npublished = 2024-01-01\nreviewed = 2025-02-01\n[time_limit]\nstatutory_days = 90\n[[basis]]\nlaw = \"cfa\"\narticle = \"第一条\"\n[[risks]]\ndescription = \"选择性执法\"\nlevel = \"一级\"\nmeasures = [\"两人执法\", \"全程记录\"]\n+++\n")},
		"units/u/benchmarks/b.toml": {Data: []byte("title = \"基准\"\nissuer = \"青石镇\"\neffective = 2024-01-01\npublished = 2024-01-01\nreviewed = 2025-01-01\n" +
			"[[violations]]\nname = \"违法\"\npenalty_basis = [{law = \"cfa\", article = \"第一条\"}]\n" +
			"[[violations.tiers]]\nlabel = \"轻微\"\nconditions = [\"面积小\", \"按期改正\"]\nstandard = \"处五百元以上二千元以下的罚款\"\n" +
			"[[violations.tiers]]\nlabel = \"严重\"\nconditions = [\"c\"]\nstandard = \"没收违法所得,并处违法所得一倍以上三倍以下的罚款\"\n")},
	}
}

func files(t *testing.T) map[string][]byte {
	t.Helper()
	fsys := site(t)
	s, diags := load.Load(fsys)
	diags.Add(link.Link(s, load.NewLocator(fsys))...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	an, _ := bench.Analyze(s, load.NewLocator(fsys))
	m := map[string][]byte{}
	for _, f := range opendata.Files(s, an, func(p string) string { return "https://x.example.gov.cn/lzfk/" + p }) {
		m[f.Path] = f.Data
	}
	return m
}

func TestCSVOpensInSpreadsheets(t *testing.T) {
	m := files(t)
	for _, d := range opendata.Datasets() {
		b := m["data/"+d.Name+".csv"]
		if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s.csv has no UTF-8 BOM", d.Name)
		}
		if !bytes.Contains(b, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(b, []byte("\r\n"), nil), []byte("\n")) && d.Name != "benchmarks" {
			t.Errorf("%s.csv: rows must end in CRLF", d.Name)
		}
		recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
		if err != nil {
			t.Fatalf("%s.csv does not parse: %v", d.Name, err)
		}
		if len(recs[0]) != len(d.Columns) {
			t.Errorf("%s.csv header has %d columns, dictionary %d", d.Name, len(recs[0]), len(d.Columns))
		}
	}
	// Quoting and a newline inside a cell survive a round trip.
	recs, _ := csv.NewReader(bytes.NewReader(files(t)["data/powers.csv"][3:])).ReadAll()
	if got := recs[1][1]; got != "对“违法建设”, 的处罚" {
		t.Errorf("name cell = %q", got)
	}
	brecs, _ := csv.NewReader(bytes.NewReader(files(t)["data/benchmarks.csv"][3:])).ReadAll()
	col := map[string]int{}
	for i, h := range brecs[0] {
		col[h] = i
	}
	if got := brecs[1][col["conditions"]]; got != "面积小\n按期改正" {
		t.Errorf("conditions cell = %q", got)
	}
	if brecs[1][col["fine_min"]] != "500" || brecs[1][col["fine_max"]] != "2000" {
		t.Errorf("fine range = %q..%q, want 500..2000", brecs[1][col["fine_min"]], brecs[1][col["fine_max"]])
	}
	if brecs[2][col["fine_multiple_min"]] != "1" || brecs[2][col["fine_multiple_max"]] != "3" || brecs[2][col["fine_base"]] != "违法所得" {
		t.Errorf("multiple range row = %v", brecs[2])
	}
}

// TestJSONMatchesDictionary validates every JSON file against the data
// dictionary: the declared columns, and each value's type.
func TestJSONMatchesDictionary(t *testing.T) {
	m := files(t)
	for _, d := range opendata.Datasets() {
		var doc struct {
			Dataset string           `json:"dataset"`
			Columns []string         `json:"columns"`
			Rows    []map[string]any `json:"rows"`
		}
		if err := json.Unmarshal(m["data/"+d.Name+".json"], &doc); err != nil {
			t.Fatalf("%s.json: %v", d.Name, err)
		}
		if doc.Dataset != d.Name || len(doc.Columns) != len(d.Columns) || len(doc.Rows) == 0 {
			t.Fatalf("%s.json header = %+v", d.Name, doc)
		}
		types := map[string]string{}
		for _, c := range d.Columns {
			types[c.Name] = c.Type
		}
		for i, row := range doc.Rows {
			for k, v := range row {
				typ, ok := types[k]
				if !ok {
					t.Errorf("%s.json row %d: column %q not in the dictionary", d.Name, i, k)
					continue
				}
				okType := false
				switch typ {
				case "string":
					_, okType = v.(string)
				case "date":
					s, isStr := v.(string)
					okType = isStr && len(s) == 10 && s[4] == '-' && s[7] == '-'
				case "integer":
					f, isNum := v.(float64)
					okType = isNum && f == float64(int64(f))
				case "number":
					_, okType = v.(float64)
				case "boolean":
					_, okType = v.(bool)
				}
				if !okType {
					t.Errorf("%s.json row %d: %s = %v is not a %s", d.Name, i, k, v, typ)
				}
			}
		}
	}
}

func TestEveryColumnIsDocumented(t *testing.T) {
	for _, d := range opendata.Datasets() {
		seen := map[string]bool{}
		for _, c := range d.Columns {
			if c.Desc == "" || strings.TrimSpace(c.Type) == "" || seen[c.Name] {
				t.Errorf("%s.%s: undocumented or duplicate column", d.Name, c.Name)
			}
			seen[c.Name] = true
		}
	}
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }
func (discard) Close() error                { return nil }

// BenchmarkWriteGenerated writes the open data of a generated portal of
// 2,000 items (about 8,600 rows) to nowhere:
//
//	go test ./internal/opendata -run '^$' -bench WriteGenerated -benchmem
func BenchmarkWriteGenerated(b *testing.B) {
	w := gen.MapWriter{}
	if err := gen.Generate(gen.Options{Items: 2000, Seed: 1}, w); err != nil {
		b.Fatal(err)
	}
	fsys := w.FS()
	s, diags := load.Load(fsys)
	diags.Add(link.Link(s, load.NewLocator(fsys))...)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	an, _ := bench.Analyze(s, load.NewLocator(fsys))
	url := func(p string) string { return "https://x.example.gov.cn/lzfk/" + p }
	for b.Loop() {
		if err := opendata.Write(s, an, url, func(string) (io.WriteCloser, error) { return discard{}, nil }); err != nil {
			b.Fatal(err)
		}
	}
}
