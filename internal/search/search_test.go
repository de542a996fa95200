package search

import (
	"bytes"
	"math"
	"slices"
	"testing"
	"testing/fstest"
)

// fixtureDocs is a small portal whose items exercise the matching rules.
var fixtureDocs = []Doc{
	{ID: "/p/food-licence/", Type: "权力事项", Title: "食品经营许可", Category: "行政许可", Unit: "scjg", UnitName: "县市场监督管理局", Year: 2024,
		Body: "事项编码：SJ-XK-00001。对从事食品经营活动的申请人实施许可，法定时限20个工作日。"},
	{ID: "/p/food-penalty/", Type: "权力事项", Title: "对未取得食品经营许可从事食品经营活动的行政处罚", Category: "行政处罚", Unit: "scjg", UnitName: "县市场监督管理局", Year: 2023,
		Body: "事项编码：SJ-CF-00002。依据《中华人民共和国食品安全法》第一百二十二条，没收违法所得，并处罚款。"},
	{ID: "/p/food-production/", Type: "权力事项", Title: "食品生产许可", Category: "行政许可", Unit: "scjg", UnitName: "县市场监督管理局", Year: 2024,
		Body: "事项编码：SJ-XK-00003。食品生产者应当取得许可；经营者另行办理经营许可。"},
	{ID: "/p/guide/", Type: "页面", Title: "办事指南", Unit: "scjg", UnitName: "县市场监督管理局", Year: 2022,
		Body: "办理食品经营许可需要提交的材料见本页。第三十四条规定了告知义务。"},
	{ID: "/p/town/", Type: "单位", Title: "黄沙镇人民政府", Unit: "hsz", UnitName: "黄沙镇人民政府", Year: 2024,
		Body: "黄沙镇位于县境东部，监督电话：0571-12345678。"},
	{ID: "/p/town-risk/", Type: "风险点", Title: "宅基地审批环节优亲厚友风险", Category: "行政许可", RiskLevel: "高", Unit: "hsz", UnitName: "黄沙镇人民政府", Year: 2025,
		Body: "风险描述：审批中可能优亲厚友。防控措施：集体讨论决定，结果公示。"},
	{ID: "/p/bench/", Type: "裁量基准", Title: "违反食品经营管理规定的裁量基准", Category: "行政处罚", Unit: "scjg", UnitName: "县市场监督管理局", Year: 2024,
		FineMin: 2000, FineMax: 10000, HasFine: true,
		Body: "罚则：处二千元以上一万元以下的罚款。依据第三十四条第二款。"},
	{ID: "/p/law/", Type: "法规", Title: "《中华人民共和国行政处罚法》第三十四条", Unit: "sf", UnitName: "县司法局", Year: 2021,
		Body: "行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权。"},
	{ID: "/p/scatter/", Type: "页面", Title: "第三十条与第十四条", Unit: "sf", UnitName: "县司法局", Year: 2021,
		Body: "第三十条、第十四条和四条以外的规定。"},
}

func fixtureSearcher(t *testing.T) *Searcher {
	t.Helper()
	files, _ := mustExport(t, fixtureDocs, Options{})
	return mustOpen(t, files)
}

func TestSearchFixture(t *testing.T) {
	t.Parallel()
	s := fixtureSearcher(t)
	for _, tc := range []struct {
		name     string
		q        Query
		want     []string // hit IDs, in order
		fallback bool
	}{
		// The exact item name ranks the item first; the phrase matches
		// only where its characters are adjacent (not /p/food-production/).
		{"phrase", Query{Text: "食品经营许可"}, []string{"/p/food-licence/", "/p/food-penalty/", "/p/guide/"}, false},
		{"full-width", Query{Text: "ＳＪ－ＸＫ－００００１"}, []string{"/p/food-licence/"}, false},
		{"code", Query{Text: "SJ-XK-00003"}, []string{"/p/food-production/"}, false},
		{"absent code", Query{Text: "SJ-XK-99999"}, nil, false},
		{"absent number", Query{Text: "99999"}, nil, false},
		{"one char", Query{Text: "镇"}, []string{"/p/town/"}, false},
		{"one char in body", Query{Text: "罚"}, []string{"/p/law/", "/p/food-penalty/", "/p/bench/"}, false},
		{"citation", Query{Text: "第三十四条"}, []string{"/p/law/", "/p/bench/", "/p/guide/"}, false},
		{"citation digits", Query{Text: "第34条"}, nil, false},
		{"two parts", Query{Text: "食品 罚款"}, []string{"/p/bench/", "/p/food-penalty/"}, false},
		{"unit filter", Query{Text: "许可", Unit: "scjg", Type: "权力事项"}, []string{"/p/food-production/", "/p/food-licence/", "/p/food-penalty/"}, false},
		{"level filter", Query{Text: "风险", Level: "高"}, []string{"/p/town-risk/"}, false},
		{"fine filter", Query{Text: "罚款", FineMin: 5000}, []string{"/p/bench/"}, false},
		{"fine filter excludes", Query{Text: "罚款", FineMin: 20000}, nil, false},
		{"browse", Query{Unit: "hsz"}, []string{"/p/town-risk/", "/p/town/"}, false},
		{"unknown unit", Query{Text: "许可", Unit: "nope"}, nil, false},
		{"fallback", Query{Text: "食品经营备案"}, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := mustSearch(t, s, tc.q)
			if r.Fallback != tc.fallback {
				t.Fatalf("Search(%+v).Fallback = %v, want %v (hits %v)", tc.q, r.Fallback, tc.fallback, hitIDs(r))
			}
			if tc.fallback {
				if len(r.Hits) == 0 {
					t.Fatalf("Search(%+v): fallback without hits", tc.q)
				}
				return
			}
			if got := hitIDs(r); !slices.Equal(got, tc.want) {
				t.Errorf("Search(%+v) = %q, want %q", tc.q, got, tc.want)
			}
			if r.Total < len(r.Hits) || (r.TotalExact && r.Total != len(tc.want)) {
				t.Errorf("Search(%+v): Total %d (exact %v) with %d hits", tc.q, r.Total, r.TotalExact, len(tc.want))
			}
		})
	}
}

// TestTitleBeforeBody checks on a generated corpus that every hit
// matching in its title precedes every hit matching only in its body, and
// that the hits' titles or bodies contain the query.
func TestTitleBeforeBody(t *testing.T) {
	t.Parallel()
	si := mustSample(t, 3000)
	s := mustOpen(t, si.files)
	for _, q := range []string{"许可", "食品经营", "行政处罚", "罚款", "镇", "风险", "受理", "县民政局", "第三十四条"} {
		for page := 1; page <= 3; page++ {
			r := mustSearch(t, s, Query{Text: q, Page: page})
			seenBody := false
			for _, h := range r.Hits {
				if h.InTitle && seenBody {
					t.Errorf("Search(%q, page %d): title match %s after a body match", q, page, h.ID)
				}
				seenBody = seenBody || !h.InTitle
				if in := parseQuery(q)[0].find(units(Normalize(h.Title))) >= 0; in != h.InTitle {
					t.Errorf("Search(%q): %s InTitle = %v, want %v", q, h.ID, h.InTitle, in)
				}
			}
		}
	}
}

// TestPages checks that consecutive pages concatenate to the whole ranked
// list, without duplicates.
func TestPages(t *testing.T) {
	t.Parallel()
	si := mustSample(t, 3000)
	s := mustOpen(t, si.files)
	for _, q := range []Query{{Text: "食品经营许可"}, {Text: "罚"}, {Text: "一次性告知"}, {Text: "许可", Unit: "mz"}} {
		ev, _, err := s.evaluate(q)
		if err != nil || ev == nil {
			t.Fatalf("evaluate(%+v) = %v, %v", q, ev, err)
		}
		all, err := ev.rank(0, len(ev.cands))
		if err != nil {
			t.Fatal(err)
		}
		var paged []string
		for p := 1; ; p++ {
			q.Page = p
			r := mustSearch(t, s, q)
			if len(r.Hits) == 0 || r.Fallback {
				break
			}
			paged = append(paged, hitIDs(r)...)
		}
		var want []string
		for _, a := range all {
			rec, err := s.recordOf(a.posting.doc)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, rec.id)
		}
		if !slices.Equal(paged, want) {
			t.Errorf("pages of %+v = %v, want %v", q, paged, want)
		}
	}
}

func TestExportDeterministic(t *testing.T) {
	t.Parallel()
	docs := SampleDocs(500, 9)
	a, sa := mustExport(t, docs, Options{})
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	b, _ := mustExport(t, rev, Options{})
	if len(a) != len(b) {
		t.Fatalf("exports have %d and %d files", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("file %d differs: %s vs %s", i, a[i].Path, b[i].Path)
		}
	}
	if sa.EntryBytes > 4096 {
		t.Errorf("entry file is %d bytes, want at most 4096", sa.EntryBytes)
	}
}

func TestBuildErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		docs []Doc
		want string
	}{
		{[]Doc{{ID: ""}}, "search: document with empty ID"},
		{[]Doc{{ID: "a"}, {ID: "a"}}, `search: duplicate document ID "a"`},
	} {
		_, err := Build(tc.docs, Options{})
		if err == nil || err.Error() != tc.want {
			t.Errorf("Build(%v) error = %v, want %q", tc.docs, err, tc.want)
		}
	}
}

func TestEmptyIndex(t *testing.T) {
	t.Parallel()
	files, st := mustExport(t, nil, Options{})
	s := mustOpen(t, files)
	r := mustSearch(t, s, Query{Text: "许可"})
	if r.Total != 0 || len(r.Hits) != 0 || r.Fallback {
		t.Errorf("Search on an empty index = %+v", r)
	}
	if st.Files == 0 || st.Entry == "" || st.Terms != 0 {
		t.Errorf("Stats = %+v", st)
	}
	if st := mustSample(t, 200).stats; st.Terms == 0 || st.Terms < st.Shards {
		t.Errorf("Stats of 200 documents = %+v", st)
	}
}

func TestOpenErrors(t *testing.T) {
	t.Parallel()
	files, _ := mustExport(t, fixtureDocs[:2], Options{})
	m := mapFS(files)
	m["search/index.json"].Data = []byte(`{"entry":"missing.json"}`)
	if _, err := Open(m); err == nil || err.Error() != "search: open search/missing.json: file does not exist" {
		t.Errorf("Open with a missing entry: error = %v", err)
	}
	m["search/index.json"].Data = []byte(`{"entry":"bad.json"}`)
	m["search/bad.json"] = &fstest.MapFile{Data: []byte(`{"format":"sunlight-search/1","shards":0}`)}
	if _, err := Open(m); err == nil || err.Error() != "search: bad.json: corrupt index file" {
		t.Errorf("Open with a bad entry: error = %v", err)
	}
}

func TestExportAfterClose(t *testing.T) {
	t.Parallel()
	ix, err := Build(fixtureDocs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ix.Export(); err == nil || err.Error() != "search: export of a closed index" {
		t.Errorf("Export after Close: error = %v", err)
	}
}

func TestExportTwice(t *testing.T) {
	t.Parallel()
	ix, err := Build(fixtureDocs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ix.Export(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ix.Export(); err == nil || err.Error() != "search: index already exported" {
		t.Errorf("second Export: error = %v", err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestBuildLeavesDocs checks that Build neither reorders nor clears the
// caller's documents (it encodes and releases its own copy).
func TestBuildLeavesDocs(t *testing.T) {
	t.Parallel()
	docs := SampleDocs(300, 7)
	want := slices.Clone(docs)
	if _, err := Build(docs, Options{}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(docs, want) {
		t.Error("Build changed its argument")
	}
}

// TestBuildBadFine checks that a fine that JSON cannot encode fails the
// build (the records are encoded as the documents are analysed).
func TestBuildBadFine(t *testing.T) {
	t.Parallel()
	docs := SampleDocs(300, 7)
	docs[200].HasFine, docs[200].FineMax = true, math.Inf(1)
	if _, err := Build(docs, Options{}); err == nil {
		t.Error("Build with an infinite fine: no error")
	}
}
