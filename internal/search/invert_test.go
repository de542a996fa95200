package search

import (
	"bytes"
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/segment"
	"golang.org/x/text/unicode/norm"
)

// newTestWorker returns a worker ready to analyse fields, on the Han fast
// path or not.
func newTestWorker(noHan bool) *invWorker {
	w := newInvWorker(nil)
	w.noHan = noHan
	return w
}

// fieldResult is what field records for a text: its lengths, and each
// term with its frequency (and whether it is in the title).
type fieldResult struct {
	lens  [4]int
	terms []string
}

func (w *invWorker) analyseField(text string, title bool) fieldResult {
	w.cur = w.cur[:0]
	var r fieldResult
	r.lens[0], r.lens[1], r.lens[2], r.lens[3] = w.field(text, title)
	for _, c := range w.cur {
		w.terms[c.id].slot = 0
		r.terms = append(r.terms, string(w.keyBytes(c.id))+"\x00"+string(rune(c.v&^recTitle))+string(rune('0'+c.v>>31)))
	}
	return r
}

// checkFieldHan fails if field records anything else for text on the Han
// fast path than without it.
func checkFieldHan(t *testing.T, fast, slow *invWorker, text string) {
	t.Helper()
	// Both workers have the same keys, and assign ids in the order they
	// meet the terms.
	from := len(slow.koff) - 1
	for _, title := range []bool{false, true} {
		got, want := fast.analyseField(text, title), slow.analyseField(text, title)
		if got.lens != want.lens || !slices.Equal(got.terms, want.terms) {
			t.Fatalf("field(%q, %v) on the Han path = %v %q, want %v %q", text, title, got.lens, got.terms, want.lens, want.terms)
		}
	}
	if len(fast.koff) != len(slow.koff) || !slices.Equal(fast.koff[from:], slow.koff[from:]) || !bytes.Equal(fast.kbuf[fast.koff[from]:], slow.kbuf[slow.koff[from]:]) {
		t.Fatalf("after %q: the Han path made the terms %q, want %q", text, fast.kbuf[fast.koff[from]:], slow.kbuf[slow.koff[from]:])
	}
}

// TestFieldHan checks that field gives the same units on its Han fast
// path as by normalising and segmenting the whole text: with every BMP
// rune and a few others next to Han runes, and on generated texts.
func TestFieldHan(t *testing.T) {
	t.Parallel()
	fast, slow := newTestWorker(false), newTestWorker(true)
	var others []string
	for r := rune(0); r < 0x10000; r++ {
		if utf8.ValidRune(r) {
			others = append(others, string(r))
		}
	}
	others = append(others, "\U00020000", "\U0002F800", "\U0001F600", "\U0001F1E8", "\U000E0101", "\U000E0020", "\U0001D15E", "\U00010000", "\U0010FFFF")
	for i, x := range others {
		for _, text := range []string{"一" + x, x + "一", "一" + x + "二", "a" + x + "一", "一" + x + "\u0301二", "中" + x + "a", "1" + x + "国",
			"一，" + x, x + "。" + x, "1，" + x + "，1", "a" + x + "、", "（" + x + "）"} {
			checkFieldHan(t, fast, slow, text)
		}
		if i%4096 == 4095 { // keep the dictionaries small
			fast, slow = newTestWorker(false), newTestWorker(true)
		}
	}
	texts := analyzerStrings(5000, 11)
	for _, d := range trickyDocs(300, 5) {
		texts = append(texts, d.Title, d.Body)
	}
	for _, d := range SampleDocs(300, 5) {
		texts = append(texts, d.Title, d.Body)
	}
	// Han runes next to everything that can follow or precede one.
	marks := []string{"\u0301", "\u200d", "\u00ad", "\u3099", "\u302e", "\ufe0f", "\U000E0101", "\u200b", "\u034f", "\ufeff", "\u0345", "\u1160", "\u0600", "\u061c"}
	for _, r := range []rune{0x4E00, 0x4E01, 0x9FA5, 0x9FCC, 0x9FCD, 0x9FD5, 0x9FD6, 0x9FFF, 0x4DFF, 0x3400, 0xF900, 0x2F00, 0x3005, 0x3007} {
		for _, m := range marks {
			texts = append(texts, string(r)+m, m+string(r), string(r)+m+string(r), "a"+m+string(r), string(r)+"，"+m, string(r)+"a"+m, string(r)+"="+"\u0338")
		}
	}
	for _, text := range texts {
		checkFieldHan(t, fast, slow, text)
	}
}

// segmentAll returns the tokens and types segment makes of text.
func segmentAll(text string) (toks []string, types []int) {
	seg := segment.NewWordSegmenterDirect([]byte(text))
	for seg.Segment() {
		toks, types = append(toks, string(seg.Bytes())), append(types, seg.Type())
	}
	return toks, types
}

// TestIsHan checks the Han runes of the fast path: inert under NFKC, and
// a token of type Ideo on their own between letters, digits and each
// other.
func TestIsHan(t *testing.T) {
	t.Parallel()
	for r := rune(0x4000); r < 0xA000; r++ {
		s := string(r)
		if _, ok := hanAt(s, 0); ok != isHan(r) || isHanAt(s, 0) != (r >= 0x4E00 && r <= 0x9FD5) {
			t.Fatalf("hanAt(%U) = %v, want %v", r, ok, isHan(r))
		}
		if !isHan(r) {
			continue
		}
		p := norm.NFKC.PropertiesString(s)
		if !p.BoundaryBefore() || !p.BoundaryAfter() || p.Decomposition() != nil || p.CCC() != 0 || !norm.NFKC.IsNormalString(s) {
			t.Fatalf("%U is not inert under NFKC", r)
		}
		toks, types := segmentAll("a" + s + s + "1" + s + ".")
		if want := []string{"a", s, s, "1", s, "."}; !slices.Equal(toks, want) || types[1] != segment.Ideo || types[2] != segment.Ideo || types[4] != segment.Ideo {
			t.Fatalf("segment(a%[1]s%[1]s1%[1]s.) = %q %v", s, toks, types)
		}
	}
}

// TestPunctLen checks the punctuation marks that fieldHan skips. NFKC
// does not join such a mark X to what precedes it, and the first rune of
// its normal form joins nothing that follows, so the normal form of a text
// that starts with X starts with that of X; and that rune is neither
// Extend nor Format (a Han rune before it stays alone). segment makes only
// None tokens of the normal form of X, the same before an ASCII byte, a
// Han rune or another such mark.
func TestPunctLen(t *testing.T) {
	t.Parallel()
	var marks []string
	for r := rune(0); r < 0x10000; r++ {
		if utf8.ValidRune(r) && punctLen(r) > 0 {
			marks = append(marks, string(r))
		}
	}
	if len(marks) < 20 {
		t.Errorf("punctLen knows %d marks", len(marks))
	}
	var next []string
	for c := range utf8.RuneSelf {
		next = append(next, string(rune(c)))
	}
	next = append(next, "一")
	next = append(next, marks...)
	for _, s := range marks {
		r, _ := utf8.DecodeRuneInString(s)
		if !norm.NFKC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("%U joins what precedes it under NFKC", r)
		}
		nx := Normalize(s)
		if len(nx) != punctLen(r) {
			t.Errorf("%U normalises to %q, not %d bytes", r, nx, punctLen(r))
			continue
		}
		if p := norm.NFKC.PropertiesString(nx); !p.BoundaryAfter() || !p.BoundaryBefore() {
			t.Errorf("the first rune of the normal form of %U joins its neighbours", r)
		}
		if toks, types := segmentAll("一" + nx); len(toks) == 0 || toks[0] != "一" || types[0] != segment.Ideo {
			t.Errorf("segment(一%s) = %q %v: a Han rune before %U is not alone", nx, toks, types, r)
		}
		toks, types := segmentAll(nx)
		if strings.Join(toks, "") != nx || slices.ContainsFunc(types, func(t int) bool { return t != segment.None }) {
			t.Errorf("segment(%q) = %q %v, want None tokens", nx, toks, types)
		}
		for _, y := range next {
			if got, _ := segmentAll(nx + Normalize(y) + "a"); len(got) < len(toks) || !slices.Equal(got[:len(toks)], toks) {
				t.Errorf("segment(%q) = %q, does not start with %q", nx+Normalize(y)+"a", got, toks)
			}
		}
	}
}

// TestTitleKey checks that titleKey orders postings in the title as
// comparePostings does, and that fromTitleKey undoes it.
func TestTitleKey(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	ps := make([]posting, 5000)
	for i := range ps {
		ps[i] = posting{doc: r.IntN(maxDocs), title: 1 + r.IntN(1+r.IntN(1<<r.IntN(33))), bi: r.IntN(postImpact + 1)}
		if i%3 == 0 {
			ps[i].doc = r.IntN(4)
		}
		if i%5 == 0 {
			ps[i].bi = postImpact
		}
	}
	ps = append(ps, posting{doc: maxDocs - 1, title: 1<<32 - 1, bi: 0}, posting{doc: 0, title: 1, bi: postImpact})
	for i, p := range ps {
		if got := fromTitleKey(titleKey(p.title, p.bi, p.doc)); got != p {
			t.Fatalf("fromTitleKey(titleKey(%v)) = %v", p, got)
		}
		q := ps[(i*7919+13)%len(ps)]
		if got, want := cmp.Compare(titleKey(p.title, p.bi, p.doc), titleKey(q.title, q.bi, q.doc)), comparePostings(p, q); got != want {
			t.Fatalf("titleKey orders %v, %v as %d, want %d", p, q, got, want)
		}
	}
}

// TestIDTable checks idTable against a map.
func TestIDTable(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 8))
	var tab idTable
	want := map[uint64]int32{}
	for i := range 200000 {
		k := uint64(r.IntN(1 << 20))
		switch i % 3 {
		case 1:
			k = k<<32 | uint64(r.IntN(50))
		case 2:
			k <<= 42
		}
		got, ok := tab.get(k)
		w, wok := want[k]
		if ok != wok || got != w {
			t.Fatalf("get(%#x) = %d, %v, want %d, %v", k, got, ok, w, wok)
		}
		if !ok {
			v := int32(r.IntN(1 << 30))
			tab.put(k, v)
			want[k] = v
		}
	}
	if tab.n != len(want) {
		t.Fatalf("%d keys, want %d", tab.n, len(want))
	}
}

// TestASCIIWord checks that segment makes only None tokens of ASCII
// text without the bytes of asciiWord, and a word of each of them.
func TestASCIIWord(t *testing.T) {
	t.Parallel()
	var none []byte
	for c := range byte(utf8.RuneSelf) {
		if !asciiWord[c] {
			none = append(none, c)
		}
		toks, types := segmentAll(string(c))
		if isWord := len(types) == 1 && types[0] != segment.None; isWord != asciiWord[c] {
			t.Errorf("segment(%q) = %q %v, asciiWord %v", c, toks, types, asciiWord[c])
		}
	}
	r := rand.New(rand.NewPCG(9, 10))
	texts := []string{string(none)}
	for _, a := range none {
		for _, b := range none {
			texts = append(texts, string([]byte{a, b}), string([]byte{a, b, a}))
		}
	}
	for range 20000 {
		b := make([]byte, 1+r.IntN(12))
		for i := range b {
			b[i] = none[r.IntN(len(none))]
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		toks, types := segmentAll(text)
		if strings.Join(toks, "") != text || slices.ContainsFunc(types, func(t int) bool { return t != segment.None }) {
			t.Fatalf("segment(%q) = %q %v, want None tokens", text, toks, types)
		}
	}
}

// TestKeyTable checks a worker's term ids against a map of its keys.
func TestKeyTable(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(15, 16))
	w := newTestWorker(false)
	want := map[string]int32{}
	for range 100000 {
		n := r.IntN(8)
		w.key = append(w.key[:0], "mut"[r.IntN(3)]) // a tag, then the term
		for range n {
			w.key = append(w.key, "ab中\x00\xff"[r.IntN(7)])
		}
		id := w.termKey()
		if wid, ok := want[string(w.key)]; ok && id != wid {
			t.Fatalf("termKey(%q) = %d, want %d", w.key, id, wid)
		} else if !ok {
			if int(id) != len(want) {
				t.Fatalf("termKey(%q) = %d, want the new id %d", w.key, id, len(want))
			}
			want[string(w.key)] = id
		}
		if got := string(w.keyBytes(id)); got != string(w.key) {
			t.Fatalf("keyBytes(%d) = %q, want %q", id, got, w.key)
		}
	}
	w.finish()
	for k, id := range want {
		if w.keys[id] != k {
			t.Fatalf("after finish, key %d = %q, want %q", id, w.keys[id], k)
		}
	}
}

// TestBodySameAsField: body, which replays the lines it has analysed
// before, records for every document what field records for the whole
// text (the same term ids, in the same order, with the same counts, and
// the same lengths), and the two workers end with the same dictionary.
func TestBodySameAsField(t *testing.T) {
	t.Parallel()
	lines, whole := newTestWorker(false), newTestWorker(false)
	whole.lines = nil // field for every body
	var texts []string
	for _, d := range SampleDocs(3000, 11) {
		texts = append(texts, d.Body, d.Body) // every line seen again
	}
	tricky := []string{
		"一\n二", "一二\n三四\n五", "一\n\n二\n", "\n一", "一\n", "a\u0301\n\u0301一", "\u0301\n一\u0301", "一\n\u200d二",
		"ｱｲｳ\nカナ\n漢字", "😀\n一😀", "（一）\n（二）", "1，\n一，", "x\ny\n", "\xff\n一", "一\n\xff二", "第一条\n第一条\n第一条",
		"a b\nc d", "一二三四五\n一二三四五", "\t一\n \n二 ", "一\r\n二", "ABC\nabc", "①\n②", "一\u3000二\n一\u3000二",
	}
	for range 3 {
		texts = append(texts, tricky...)
	}
	for i, text := range texts {
		got := bodyRecords(lines, text)
		want := bodyRecords(whole, text)
		if !slices.Equal(got.lens[:], want.lens[:]) || !slices.Equal(got.recs, want.recs) {
			t.Fatalf("text %d %q: body records %v %v, field %v %v", i, text, got.lens, got.recs, want.lens, want.recs)
		}
	}
	if !slices.Equal(lines.koff, whole.koff) || !bytes.Equal(lines.kbuf, whole.kbuf) {
		t.Error("the workers' dictionaries differ")
	}
	if !slices.Equal(lines.terms, whole.terms) {
		t.Error("the workers' document frequencies differ")
	}
	if len(lines.lines) == 0 {
		t.Error("no line was replayed")
	}
}

type bodyResult struct {
	lens [4]int
	recs []rec
}

// bodyRecords analyses text as the body of a document of w.
func bodyRecords(w *invWorker, text string) bodyResult {
	w.cur = w.cur[:0]
	var r bodyResult
	r.lens[0], r.lens[1], r.lens[2], r.lens[3] = w.body(text)
	r.recs = slices.Clone(w.cur)
	for _, c := range w.cur {
		w.terms[c.id].slot = 0
	}
	return r
}
