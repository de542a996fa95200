package gen

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite laws.txt from the statute texts")

// lawsDir is where the full statute texts are (one Markdown file per law).
func lawsDir() string {
	if d := os.Getenv("SUNLIGHT_LAWS_DIR"); d != "" {
		return d
	}
	return "/work/shared/domain/laws"
}

var articleLine = regexp.MustCompile(`^(第[一二三四五六七八九十百零]+条)[ 　]+(.*)$`)

// readStatute returns every article of a statute file, keyed by number.
func readStatute(t *testing.T, path string) map[string]article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]article{}
	cur := ""
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(strings.TrimRight(line, "\r"))
		switch {
		case line == "" || strings.HasPrefix(line, "<!--"):
		case strings.HasPrefix(line, "#"):
			cur = ""
		default:
			if m := articleLine.FindStringSubmatch(line); m != nil {
				cur = m[1]
				out[cur] = article{Number: cur, Paras: []string{m[2]}}
			} else if cur != "" {
				a := out[cur]
				a.Paras = append(a.Paras, line)
				out[cur] = a
			}
		}
	}
	return out
}

// selection expands "9,37-38" into article numbers.
func selection(t *testing.T, spec string) []string {
	var out []string
	for _, part := range strings.Split(spec, ",") {
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := strconv.Atoi(lo)
		if err != nil {
			t.Fatalf("bad selection %q", spec)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil {
				t.Fatalf("bad selection %q", spec)
			}
		}
		for n := a; n <= b; n++ {
			out = append(out, articleNo(n))
		}
	}
	return out
}

// TestLawsText checks that laws.txt holds exactly the selected articles,
// verbatim from the statutes (when their texts are available), and rewrites
// it with -update.
func TestLawsText(t *testing.T) {
	dir := lawsDir()
	if _, err := os.Stat(dir); err != nil {
		if *update {
			t.Fatalf("statute texts not found in %s (set SUNLIGHT_LAWS_DIR)", dir)
		}
		t.Skipf("statute texts not found in %s; checking the embedded copy only", dir)
	}
	var b strings.Builder
	for _, l := range laws {
		all := readStatute(t, filepath.Join(dir, l.File))
		b.WriteString("@" + l.ID + "\n")
		for _, num := range selection(t, l.Select) {
			a, ok := all[num]
			if !ok {
				t.Errorf("%s has no %s", l.File, num)
				continue
			}
			b.WriteString("#" + num + "\n")
			for _, p := range a.Paras {
				b.WriteString(p + "\n")
			}
		}
	}
	if *update {
		if err := os.WriteFile("laws.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if b.String() != lawsText {
		t.Errorf("laws.txt is out of date; run go test ./internal/gen -run TestLawsText -update")
	}
}

func TestEmbeddedLaws(t *testing.T) {
	arts := lawArticles()
	total := 0
	for _, l := range laws {
		want := selection(t, l.Select)
		got := arts[l.ID]
		if len(got) != len(want) {
			t.Errorf("%s: %d articles embedded, %d selected", l.ID, len(got), len(want))
			continue
		}
		for i := range want {
			if got[i].Number != want[i] || len(got[i].Paras) == 0 {
				t.Errorf("%s: article %d is %q, want %q", l.ID, i, got[i].Number, want[i])
			}
		}
		total += len(got)
	}
	if len(lawsText) > 150<<10 {
		t.Errorf("laws.txt is %d bytes; keep the embedded subset small", len(lawsText))
	}
	t.Logf("%d laws, %d articles, %d bytes", len(laws), total, len(lawsText))
}

// TestCitedArticlesExist checks that every article a template cites is in
// the embedded registry, so generated references always resolve.
func TestCitedArticlesExist(t *testing.T) {
	for _, ref := range allTemplateRefs() {
		if lawByID(ref.Law) == nil {
			t.Errorf("unknown law %q", ref.Law)
			continue
		}
		if !hasArticle(ref.Law, ref.Article) {
			t.Errorf("%s %s is not embedded (add it to Select and run -update)", ref.Law, ref.Article)
		}
	}
}

func TestChineseNumerals(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{1, "一"}, {10, "十"}, {11, "十一"}, {20, "二十"}, {34, "三十四"}, {100, "一百"}, {105, "一百零五"},
		{110, "一百一十"}, {119, "一百一十九"}, {500, "五百"}, {2000, "二千"}, {2500, "二千五百"},
		{10000, "一万"}, {15000, "一万五千"}, {10500, "一万零五百"}, {100000, "十万"}, {200000, "二十万"},
		{1000000, "一百万"}, {1010000, "一百零一万"}, {30000, "三万"},
	} {
		if got := cn(c.n); got != c.want {
			t.Errorf("cn(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
