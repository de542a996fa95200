package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// hanRuns returns the maximal runs of Han characters of s.
func hanRuns(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.Is(unicode.Han, r) })
}

// phraseQueries returns Chinese phrase queries for a corpus: substrings of
// its texts, joins of unrelated pieces (mostly absent), legal citations
// and item names.
func phraseQueries(docs []Doc, n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 13))
	piece := func() string {
		d := docs[rng.IntN(len(docs))]
		text := d.Body
		if rng.IntN(3) == 0 {
			text = d.Title
		}
		runs := hanRuns(Normalize(text))
		if len(runs) == 0 {
			return "许可"
		}
		r := []rune(runs[rng.IntN(len(runs))])
		l := min(len(r), 1+rng.IntN(8))
		i := rng.IntN(len(r) - l + 1)
		return string(r[i : i+l])
	}
	seen := map[string]bool{}
	var out []string
	add := func(q string) {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	for _, o := range sampleObjects[:10] {
		add(o + "许可")
	}
	for len(out) < n {
		switch rng.IntN(10) {
		case 0, 1:
			a, b := []rune(piece()), []rune(piece())
			add(string(a[:min(2, len(a))]) + string(b[:min(2, len(b))]))
		case 2:
			add("第" + chineseNumber(1+rng.IntN(120)) + "条")
		default:
			add(piece())
		}
	}
	return out
}

// TestPrecisionRecall checks that, for Chinese phrase queries, the full
// result set a user can page through is exactly the set of items whose
// title or body contains the query (after NFKC).
func TestPrecisionRecall(t *testing.T) {
	t.Parallel()
	si := mustSample(t, 3000)
	s := mustOpen(t, si.files)
	texts := make([][2]string, len(si.docs))
	for i, d := range si.docs {
		texts[i] = [2]string{Normalize(d.Title), Normalize(d.Body)}
	}
	var nq, nonEmpty, totalHits int
	for _, q := range phraseQueries(si.docs, 400, 1) {
		var want []string
		for i, d := range si.docs {
			if strings.Contains(texts[i][0], q) || strings.Contains(texts[i][1], q) {
				want = append(want, d.ID)
			}
		}
		got, total, exact := allMatches(t, s, Query{Text: q})
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("query %q: precision/recall below 1: got %d items, want %d (missing %v, extra %v)",
				q, len(got), len(want), diff(want, got), diff(got, want))
			continue
		}
		if total < len(want) || (exact && total != len(want)) {
			t.Errorf("query %q: Total %d (exact %v), %d matches", q, total, exact, len(want))
		}
		nq++
		if len(want) > 0 {
			nonEmpty++
		}
		totalHits += len(want)
	}
	t.Logf("%d phrase queries (%d with matches, %d matching items): precision 1.0, recall 1.0", nq, nonEmpty, totalHits)
}

// allMatches returns the IDs of every exact match of q.
func allMatches(t *testing.T, s *Searcher, q Query) (ids []string, total int, exact bool) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	q.Page = 1
	ev, res, err := s.evaluate(q)
	if err != nil {
		t.Fatal(err)
	}
	if ev == nil {
		if res.Fallback {
			return nil, 0, true
		}
		return hitIDs(res), res.Total, res.TotalExact
	}
	all, err := ev.rank(0, len(ev.cands))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		rec, err := s.recordOf(a.posting.doc)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, rec.id)
	}
	return ids, res.Total, res.TotalExact
}

func diff(a, b []string) string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	if len(out) > 5 {
		return fmt.Sprint(out[:5], "…")
	}
	return fmt.Sprint(out)
}
