package qrcode

import (
	"math/bits"
	"sync"
)

// wordVersions are the versions placeWords draws: at most 64 modules a
// side, every portal URL.
const wordVersions = 11

// wordLayout is a layout as words: each row and each column one uint64,
// bit x the module in column x (or row y).
type wordLayout struct {
	*layout
	fnRow, fnCol     [64]uint64    // the dark modules of the function patterns
	maskRow, maskCol [8][64]uint64 // the data modules each mask inverts
}

// wordLayouts holds the word layout of each version up to wordVersions,
// made when a code of that version is first drawn (a few tens of
// microseconds each): what a symbol's drawing needs besides its text.
var wordLayouts [wordVersions + 1]struct {
	once sync.Once
	w    *wordLayout
}

func wordLayoutOf(version int) *wordLayout {
	e := &wordLayouts[version]
	e.once.Do(func() { e.w = newWordLayout(version) })
	return e.w
}

func newWordLayout(version int) *wordLayout {
	l := newLayout(version)
	w := &wordLayout{layout: l}
	size := l.size
	for i, dark := range l.module {
		if dark {
			x, y := i%size, i/size
			w.fnRow[y] |= 1 << x
			w.fnCol[x] |= 1 << y
		}
	}
	for _, at := range l.order {
		x, y := int(at)%size, int(at)/size
		for f := maskFlips(x, y); f != 0; f &= f - 1 {
			mask := bits.TrailingZeros8(f)
			w.maskRow[mask][y] |= 1 << x
			w.maskCol[mask][x] |= 1 << y
		}
	}
	return w
}

// placeWords is place for the versions up to wordVersions. The symbol of
// a mask is a few word operations a line, and so are the penalties,
// scored as penalty scores them (TestSameAsGoQRCode compares both paths
// with go-qrcode).
func placeWords(w *wordLayout, formatLevel uint32, stream []byte) [][]bool {
	size := w.size
	var dataRow, dataCol [64]uint64
	for k, at := range w.order[:min(len(w.order), 8*len(stream))] {
		if stream[k/8]>>(7-k%8)&1 != 0 {
			x, y := int(at)%size, int(at)/size
			dataRow[y] |= 1 << x
			dataCol[x] |= 1 << y
		}
	}
	positions := formatPositions(size)
	var rows, cols, best [64]uint64
	bestPenalty := -1
	for mask := range 8 {
		for i := range size {
			rows[i] = w.fnRow[i] | (dataRow[i] ^ w.maskRow[mask][i])
			cols[i] = w.fnCol[i] | (dataCol[i] ^ w.maskCol[mask][i])
		}
		f := formatBits(formatLevel<<3 | uint32(mask))
		for i, p := range positions {
			if f>>(i%15)&1 != 0 {
				rows[p[1]] |= 1 << p[0]
				cols[p[0]] |= 1 << p[1]
			}
		}
		if p := wordPenalty(&rows, &cols, size); bestPenalty < 0 || p < bestPenalty {
			best, bestPenalty = rows, p
		}
	}
	dark := make([]bool, size*size)
	out := make([][]bool, size)
	for y := range out {
		out[y] = dark[y*size : (y+1)*size : (y+1)*size]
		for x := range size {
			out[y][x] = best[y]>>x&1 != 0
		}
	}
	return out
}

// low returns a word with the n lowest bits set.
func low(n int) uint64 {
	if n <= 0 {
		return 0
	}
	return ^uint64(0) >> (64 - n)
}

// wordPenalty is penalty over the rows and columns as words.
func wordPenalty(rows, cols *[64]uint64, size int) int {
	p, dark, blocks := 0, 0, 0
	for i := range size {
		p += wordLinePenalty(rows[i], size) + wordLinePenalty(cols[i], size)
		dark += bits.OnesCount64(rows[i])
		if i > 0 {
			a, b := rows[i], rows[i-1]
			vertical := ^(a ^ b)          // bit x: the modules above each other match
			horizontal := ^(a ^ (a << 1)) // bit x: column x matches column x−1
			blocks += bits.OnesCount64(vertical & (vertical << 1) & horizontal & low(size) &^ 1)
		}
	}
	n := size * size
	dev := n/2 - dark
	if dev < 0 {
		dev = -dev
	}
	return p + 3*blocks + 10*(dev/(n/20))
}

// wordLinePenalty is the runs and finder-like patterns of one line.
func wordLinePenalty(x uint64, size int) int {
	// Runs: bit i of six is set when modules i to i+5 have one colour; a
	// run of L ≥ 6 modules sets L−5 adjacent bits and scores L−2.
	eq := ^(x ^ (x >> 1)) & low(size-1)
	six := eq & (eq >> 1) & (eq >> 2) & (eq >> 3) & (eq >> 4) & low(size-5)
	p := bits.OnesCount64(six) + 3*bits.OnesCount64(six&^(six<<1))
	// Finder-like patterns: 1011101 starting at bit i, with four light
	// modules before it (or the line's start) or after it, or ending the
	// line. Only where one is found can go-qrcode's window, which starts
	// over after each pattern, differ from none; windowPenalty then scans
	// the line.
	core := x & ^(x >> 1) & (x >> 2) & (x >> 3) & (x >> 4) & ^(x >> 5) & (x >> 6) & low(size-6)
	before := ^(x << 1) & ^(x << 2) & ^(x << 3) & ^(x << 4)
	after := ^(x >> 7) & ^(x >> 8) & ^(x >> 9) & ^(x >> 10) & low(size-10)
	if core&(before|after) == 0 && core>>(size-7)&1 == 0 {
		return p
	}
	return p + windowPenalty(size, func(j int) bool { return x>>j&1 != 0 })
}
