package qrcode

import "errors"

// This file is the QR encoder. It makes, for every text and level, the
// same symbol as github.com/skip2/go-qrcode (v0.0.0-20200617195104), which
// Sunlight used before and which TestSameAsGoQRCode compares it with: the
// same segments (go-qrcode's choice between numeric, alphanumeric and byte
// runs), the smallest version that holds them, the same padding, blocks
// and Reed–Solomon codewords (ISO/IEC 18004), the same module placement,
// and the mask with the lowest penalty as go-qrcode scores it (which
// differs from the standard's rule N1: a run counts from six modules).
// symbol.go lays the modules out; words.go draws and scores the symbols of
// up to 64 modules a side (versions 1–11, every portal URL) a row or a
// column per machine word. go-qrcode built eight symbols from scratch and
// multiplied polynomials in fresh slices: 600 µs a poster's code against
// 20 µs (`go test -bench 'Encode|GoQRCode' ./internal/qrcode`), and the
// posters of a 10,000-item portal had taken half of its build.

// dataMode is a segment's mode, in go-qrcode's order (a mode can hold the
// characters of the ones before it).
type dataMode uint8

const (
	modeNone dataMode = iota
	modeNumeric
	modeAlphanumeric
	modeByte
)

// segment is a run of the text in one mode: text[at:at+n].
type segment struct {
	mode  dataMode
	at, n int
}

// encoderRange is a range of versions with the same character count
// lengths: the bits of the count of numeric, alphanumeric and byte
// characters.
type encoderRange struct {
	minVersion, maxVersion int
	countBits              [4]int // by dataMode
}

var encoderRanges = [3]encoderRange{
	{1, 9, [4]int{0, 10, 9, 8}},
	{10, 26, [4]int{0, 12, 11, 16}},
	{27, 40, [4]int{0, 14, 13, 16}},
}

// modeIndicator is each mode's 4-bit indicator.
var modeIndicator = [4]uint32{0, 0b0001, 0b0010, 0b0100}

// blockTable gives, by version and by row (L, M, Q, H), the error-correction
// codewords of each block, the number of blocks in the first group and the
// data codewords of each of them, and the number of blocks in the second
// group, which hold one data codeword more.
var blockTable = [41][4][4]int{
	{},
	{{7, 1, 19, 0}, {10, 1, 16, 0}, {13, 1, 13, 0}, {17, 1, 9, 0}}, // 1
	{{10, 1, 34, 0}, {16, 1, 28, 0}, {22, 1, 22, 0}, {28, 1, 16, 0}},
	{{15, 1, 55, 0}, {26, 1, 44, 0}, {18, 2, 17, 0}, {22, 2, 13, 0}},
	{{20, 1, 80, 0}, {18, 2, 32, 0}, {26, 2, 24, 0}, {16, 4, 9, 0}},
	{{26, 1, 108, 0}, {24, 2, 43, 0}, {18, 2, 15, 2}, {22, 2, 11, 2}}, // 5
	{{18, 2, 68, 0}, {16, 4, 27, 0}, {24, 4, 19, 0}, {28, 4, 15, 0}},
	{{20, 2, 78, 0}, {18, 4, 31, 0}, {18, 2, 14, 4}, {26, 4, 13, 1}},
	{{24, 2, 97, 0}, {22, 2, 38, 2}, {22, 4, 18, 2}, {26, 4, 14, 2}},
	{{30, 2, 116, 0}, {22, 3, 36, 2}, {20, 4, 16, 4}, {24, 4, 12, 4}},
	{{18, 2, 68, 2}, {26, 4, 43, 1}, {24, 6, 19, 2}, {28, 6, 15, 2}}, // 10
	{{20, 4, 81, 0}, {30, 1, 50, 4}, {28, 4, 22, 4}, {24, 3, 12, 8}},
	{{24, 2, 92, 2}, {22, 6, 36, 2}, {26, 4, 20, 6}, {28, 7, 14, 4}},
	{{26, 4, 107, 0}, {22, 8, 37, 1}, {24, 8, 20, 4}, {22, 12, 11, 4}},
	{{30, 3, 115, 1}, {24, 4, 40, 5}, {20, 11, 16, 5}, {24, 11, 12, 5}},
	{{22, 5, 87, 1}, {24, 5, 41, 5}, {30, 5, 24, 7}, {24, 11, 12, 7}}, // 15
	{{24, 5, 98, 1}, {28, 7, 45, 3}, {24, 15, 19, 2}, {30, 3, 15, 13}},
	{{28, 1, 107, 5}, {28, 10, 46, 1}, {28, 1, 22, 15}, {28, 2, 14, 17}},
	{{30, 5, 120, 1}, {26, 9, 43, 4}, {28, 17, 22, 1}, {28, 2, 14, 19}},
	{{28, 3, 113, 4}, {26, 3, 44, 11}, {26, 17, 21, 4}, {26, 9, 13, 16}},
	{{28, 3, 107, 5}, {26, 3, 41, 13}, {30, 15, 24, 5}, {28, 15, 15, 10}}, // 20
	{{28, 4, 116, 4}, {26, 17, 42, 0}, {28, 17, 22, 6}, {30, 19, 16, 6}},
	{{28, 2, 111, 7}, {28, 17, 46, 0}, {30, 7, 24, 16}, {24, 34, 13, 0}},
	{{30, 4, 121, 5}, {28, 4, 47, 14}, {30, 11, 24, 14}, {30, 16, 15, 14}},
	{{30, 6, 117, 4}, {28, 6, 45, 14}, {30, 11, 24, 16}, {30, 30, 16, 2}},
	{{26, 8, 106, 4}, {28, 8, 47, 13}, {30, 7, 24, 22}, {30, 22, 15, 13}}, // 25
	{{28, 10, 114, 2}, {28, 19, 46, 4}, {28, 28, 22, 6}, {30, 33, 16, 4}},
	{{30, 8, 122, 4}, {28, 22, 45, 3}, {30, 8, 23, 26}, {30, 12, 15, 28}},
	{{30, 3, 117, 10}, {28, 3, 45, 23}, {30, 4, 24, 31}, {30, 11, 15, 31}},
	{{30, 7, 116, 7}, {28, 21, 45, 7}, {30, 1, 23, 37}, {30, 19, 15, 26}},
	{{30, 5, 115, 10}, {28, 19, 47, 10}, {30, 15, 24, 25}, {30, 23, 15, 25}}, // 30
	{{30, 13, 115, 3}, {28, 2, 46, 29}, {30, 42, 24, 1}, {30, 23, 15, 28}},
	{{30, 17, 115, 0}, {28, 10, 46, 23}, {30, 10, 24, 35}, {30, 19, 15, 35}},
	{{30, 17, 115, 1}, {28, 14, 46, 21}, {30, 29, 24, 19}, {30, 11, 15, 46}},
	{{30, 13, 115, 6}, {28, 14, 46, 23}, {30, 44, 24, 7}, {30, 59, 16, 1}},
	{{30, 12, 121, 7}, {28, 12, 47, 26}, {30, 39, 24, 14}, {30, 22, 15, 41}}, // 35
	{{30, 6, 121, 14}, {28, 6, 47, 34}, {30, 46, 24, 10}, {30, 2, 15, 64}},
	{{30, 17, 122, 4}, {28, 29, 46, 14}, {30, 49, 24, 10}, {30, 24, 15, 46}},
	{{30, 4, 122, 18}, {28, 13, 46, 32}, {30, 48, 24, 14}, {30, 42, 15, 32}},
	{{30, 20, 117, 4}, {28, 40, 47, 7}, {30, 43, 24, 22}, {30, 10, 15, 67}},
	{{30, 19, 118, 6}, {28, 18, 47, 31}, {30, 34, 24, 34}, {30, 20, 15, 61}}, // 40
}

// row is the level's row of blockTable, and formatLevel its two bits in
// the format information.
func (l Level) row() (row int, formatLevel uint32, ok bool) {
	switch l {
	case LevelL:
		return 0, 0b01, true
	case LevelM:
		return 1, 0b00, true
	case LevelQ:
		return 2, 0b11, true
	case LevelH:
		return 3, 0b10, true
	}
	return 0, 0, false
}

// dataCapacity is the data codewords of a version at a level's row.
func dataCapacity(version, row int) int {
	b := blockTable[version][row]
	return b[1]*b[2] + b[3]*(b[2]+1)
}

var (
	errEmpty   = errors.New("no data to encode")
	errTooLong = errors.New("content too long to encode")
)

// encode returns the symbol's modules without quiet zone, m[y][x] true
// for a dark module.
func encode(text []byte, level Level) ([][]bool, error) {
	row, formatLevel, ok := level.row()
	if !ok {
		return nil, errors.New("unknown level")
	}
	if len(text) == 0 {
		return nil, errEmpty
	}
	var bits bitBuffer
	version := 0
	var err error
	for _, r := range encoderRanges {
		bits, err = encodeData(text, &r)
		if err != nil {
			continue
		}
		for v := r.minVersion; v <= r.maxVersion; v++ {
			if 8*dataCapacity(v, row) >= bits.n {
				version = v
				break
			}
		}
		if version != 0 {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	if version == 0 {
		return nil, errTooLong
	}
	codewords := finishData(&bits, dataCapacity(version, row))
	stream := interleave(codewords, blockTable[version][row])
	return place(version, formatLevel, stream), nil
}

// bitBuffer is a sequence of bits, most significant first in each byte.
type bitBuffer struct {
	b []byte
	n int
}

func (w *bitBuffer) append(v uint32, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
		}
		if v>>i&1 != 0 {
			w.b[w.n/8] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
}

// encodeData encodes text in segments as go-qrcode's dataEncoder does for
// the versions of r.
func encodeData(text []byte, r *encoderRange) (bitBuffer, error) {
	length := func(mode dataMode, n int) (int, error) {
		countBits := r.countBits[mode]
		if n > 1<<countBits-1 {
			return 0, errors.New("length too long to be represented")
		}
		l := 4 + countBits
		switch mode {
		case modeNumeric:
			l += 10 * (n / 3)
			if n%3 != 0 {
				l += 1 + 3*(n%3)
			}
		case modeAlphanumeric:
			l += 11*(n/2) + 6*(n%2)
		case modeByte:
			l += 8 * n
		}
		return l, nil
	}
	// The runs of each mode, and the highest mode any character needs.
	var actual []segment
	highest, mode, start := modeNone, modeNone, 0
	for i, c := range text {
		m := charMode(c)
		if m != mode {
			if i > 0 {
				actual = append(actual, segment{mode, start, i - start})
				start = i
			}
			mode = m
		}
		highest = max(highest, m)
	}
	actual = append(actual, segment{mode, start, len(text) - start})
	// A run absorbs the runs after it, while they need no higher mode and
	// together they take fewer bits.
	var optimised []segment
	for i := 0; i < len(actual); {
		mode, n := actual[i].mode, actual[i].n
		j := i + 1
		for ; j < len(actual); j++ {
			next, nextN := actual[j].mode, actual[j].n
			if next > mode {
				break
			}
			together, err := length(mode, n+nextN)
			if err != nil {
				return bitBuffer{}, err
			}
			apart1, err := length(mode, n)
			if err != nil {
				return bitBuffer{}, err
			}
			apart2, err := length(next, nextN)
			if err != nil {
				return bitBuffer{}, err
			}
			if together >= apart1+apart2 {
				break
			}
			n += nextN
		}
		optimised = append(optimised, segment{mode, actual[i].at, n})
		i = j
	}
	total := 0
	for _, s := range optimised {
		l, err := length(s.mode, s.n)
		if err != nil {
			return bitBuffer{}, err
		}
		total += l
	}
	single, err := length(highest, len(text))
	if err != nil {
		return bitBuffer{}, err
	}
	if single <= total {
		optimised = []segment{{highest, 0, len(text)}}
	}
	var w bitBuffer
	w.b = make([]byte, 0, (total+7)/8+1)
	for _, s := range optimised {
		data := text[s.at : s.at+s.n]
		w.append(modeIndicator[s.mode], 4)
		w.append(uint32(len(data)), r.countBits[s.mode])
		switch s.mode {
		case modeNumeric:
			for i := 0; i < len(data); i += 3 {
				var v uint32
				used := 1
				for j := 0; j < 3 && i+j < len(data); j++ {
					v = v*10 + uint32(data[i+j]-'0')
					used += 3
				}
				w.append(v, used)
			}
		case modeAlphanumeric:
			for i := 0; i < len(data); i += 2 {
				var v uint32
				for j := 0; j < 2 && i+j < len(data); j++ {
					v = v*45 + alphanumericValue(data[i+j])
				}
				used := 6
				if len(data)-i > 1 {
					used = 11
				}
				w.append(v, used)
			}
		default:
			for _, c := range data {
				w.append(uint32(c), 8)
			}
		}
	}
	return w, nil
}

// charMode is the lowest mode that can hold c.
func charMode(c byte) dataMode {
	switch {
	case c >= '0' && c <= '9':
		return modeNumeric
	case c == ' ' || c == '$' || c == '%' || c == '*' || c == '+' || c == '-' || c == '.' || c == '/' || c == ':' || (c >= 'A' && c <= 'Z'):
		return modeAlphanumeric
	}
	return modeByte
}

// alphanumericValue is c's value in the alphanumeric mode.
func alphanumericValue(c byte) uint32 {
	switch {
	case c >= '0' && c <= '9':
		return uint32(c - '0')
	case c >= 'A' && c <= 'Z':
		return uint32(c-'A') + 10
	}
	switch c {
	case ' ':
		return 36
	case '$':
		return 37
	case '%':
		return 38
	case '*':
		return 39
	case '+':
		return 40
	case '-':
		return 41
	case '.':
		return 42
	case '/':
		return 43
	}
	return 44 // ':'
}

// finishData ends the data with the terminator (up to four zero bits),
// zero bits to the codeword's end and the pad codewords 0xEC and 0x11 in
// turn, up to capacity codewords.
func finishData(w *bitBuffer, capacity int) []byte {
	bits := 8 * capacity
	w.append(0, min(4, bits-w.n))
	if w.n < bits {
		w.append(0, (8-w.n%8)%8)
	}
	for pad := uint32(0xEC); w.n < bits; pad ^= 0xEC ^ 0x11 {
		w.append(pad, 8)
	}
	return w.b[:capacity]
}

// interleave splits the data codewords into blocks, adds each block's
// error-correction codewords and interleaves them: the first codeword of
// every block, then the second, and so on, then the error correction the
// same way.
func interleave(data []byte, b [4]int) []byte {
	ecc, n1, d1, n2 := b[0], b[1], b[2], b[3]
	blocks := make([][]byte, 0, n1+n2)
	checks := make([][]byte, 0, n1+n2)
	gen := rsGenerator(ecc)
	for i := 0; i < n1+n2; i++ {
		n := d1
		if i >= n1 {
			n++
		}
		blocks = append(blocks, data[:n])
		checks = append(checks, rsRemainder(data[:n], gen))
		data = data[n:]
	}
	out := make([]byte, 0, (n1+n2)*ecc+n1*d1+n2*(d1+1))
	for i := 0; i <= d1; i++ {
		for _, blk := range blocks {
			if i < len(blk) {
				out = append(out, blk[i])
			}
		}
	}
	for i := 0; i < ecc; i++ {
		for _, c := range checks {
			out = append(out, c[i])
		}
	}
	return out
}

// gfExp and gfLog are the powers of 2 in GF(256) modulo x⁸+x⁴+x³+x²+1
// and their logarithms.
var gfExp, gfLog = func() (exp [512]byte, log [256]byte) {
	x := 1
	for i := 0; i < 255; i++ {
		exp[i], log[x] = byte(x), byte(i)
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11d
		}
	}
	for i := 255; i < 512; i++ {
		exp[i] = exp[i-255]
	}
	return
}()

func gfMul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return gfExp[int(gfLog[a])+int(gfLog[b])]
}

// rsGenerator returns the coefficients of (x−2⁰)(x−2¹)…(x−2ⁿ⁻¹) below
// the leading one, highest power first.
func rsGenerator(n int) []byte {
	g := make([]byte, n)
	g[n-1] = 1 // the polynomial 1, as the lowest coefficient
	root := byte(1)
	for range n {
		// Multiply by (x − root): shift up and add root × the old value.
		for j := 0; j < n; j++ {
			g[j] = gfMul(g[j], root)
			if j+1 < n {
				g[j] ^= g[j+1]
			}
		}
		root = gfMul(root, 2)
	}
	return g
}

// rsRemainder returns the remainder of data·xⁿ divided by the generator
// (n = len(gen)): the block's error-correction codewords.
func rsRemainder(data, gen []byte) []byte {
	r := make([]byte, len(gen))
	for _, d := range data {
		f := d ^ r[0]
		copy(r, r[1:])
		r[len(r)-1] = 0
		if f == 0 {
			continue
		}
		lf := int(gfLog[f])
		for j, g := range gen {
			if g != 0 {
				r[j] ^= gfExp[lf+int(gfLog[g])]
			}
		}
	}
	return r
}
