package opendata

import (
	"encoding/json"
	"io"
	"math"
	"strings"
	"testing"
)

// TestJSONEqualsEncodingJSON holds the hand-written encoder to
// encoding/json's output for the same rows, byte for byte.
func TestJSONEqualsEncodingJSON(t *testing.T) {
	d := Dataset{Name: "t", Title: "标题<&>", Columns: []Column{{Name: "z"}, {Name: "a"}, {Name: "m"}, {Name: "b"}, {Name: "f"}}}
	rows := []map[string]any{
		{"z": "普通文本", "a": 1, "m": true, "b": nil, "f": 0.5},
		{"z": "", "a": -7, "m": false, "f": 1e21},
		{"z": "引号\"反斜杠\\控制\x01\x1f换行\n\r\t\b\f", "f": 1e-7, "a": 0},
		{"z": "<script>&amp;</script>", "f": 123456789.125},
		{"z": "坏字节\xff\xfe结尾\xe4", "f": math.Inf(1)},
		{"z": "分隔\u2028段落\u2029emoji😀", "f": -0.0},
		{"z": "x", "a": int(math.MaxInt64), "b": 1e20, "m": true},
		{},
	}
	var files []File
	create := func(p string) io.WriteCloser { return &memFile{path: p, out: &files} }
	e := newEncoder(d, create("t.csv"), create("t.json"))
	for _, r := range rows {
		for k, v := range r {
			switch v := v.(type) {
			case string:
				e.text(k, v)
			case int:
				e.integer(k, v)
			case bool:
				e.flag(k, v)
			case float64:
				e.number(k, &v)
			case nil:
				e.number(k, nil)
			default:
				t.Fatalf("no cell for %T", v)
			}
		}
		e.end()
	}
	if err := e.close(); err != nil {
		t.Fatal(err)
	}
	got := files[1].Data
	clean := make([]map[string]any, len(rows))
	for i, r := range rows {
		m := map[string]any{}
		for k, v := range r {
			if s, ok := v.(string); ok && s == "" || v == nil {
				continue
			}
			if f, ok := v.(float64); ok && math.IsInf(f, 0) {
				continue // encoding/json refuses it; ours writes null
			}
			m[k] = v
		}
		clean[i] = m
	}
	want, err := json.Marshal(struct {
		Dataset string           `json:"dataset"`
		Title   string           `json:"title"`
		Columns []string         `json:"columns"`
		Rows    []map[string]any `json:"rows"`
	}{d.Name, d.Title, []string{"z", "a", "m", "b", "f"}, clean})
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	// The infinite fine is written as null where encoding/json fails.
	wantS := string(want)
	gotS := string(got)
	gotS = strings.Replace(gotS, `{"f":null,"z":"坏字节`, `{"z":"坏字节`, 1)
	if gotS != wantS {
		t.Errorf("json differs\n got: %s\nwant: %s", gotS, wantS)
	}
}

// TestUnknownColumn: a row naming a column its dataset does not have is a
// mistake in this package, caught at once.
func TestUnknownColumn(t *testing.T) {
	var files []File
	create := func(p string) io.WriteCloser { return &memFile{path: p, out: &files} }
	e := newEncoder(Dataset{Name: "t", Columns: []Column{{Name: "a"}}}, create("t.csv"), create("t.json"))
	defer func() {
		if recover() == nil {
			t.Error("no panic for an unknown column")
		}
	}()
	e.integer("b", 1)
}
