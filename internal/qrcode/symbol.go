package qrcode

// layout is what the symbols of one version share: the function patterns
// (finders and their separators, alignment and timing patterns, version
// information, the dark module), which modules they take (the format
// information's included), and the order in which the data fills the rest.
type layout struct {
	size   int
	module []bool // function patterns; m[y*size+x]
	used   []bool
	order  []int32 // the data modules, in placement order
}

var (
	finderPattern = [7]uint8{0x7f, 0x41, 0x5d, 0x5d, 0x5d, 0x41, 0x7f} // rows, bit 6 leftmost
	alignPattern  = [5]uint8{0x1f, 0x11, 0x15, 0x11, 0x1f}
	// alignmentCenters are the centre coordinates of the alignment
	// patterns of each version.
	alignmentCenters = [41][]int{
		{}, {},
		{6, 18}, {6, 22}, {6, 26}, {6, 30}, {6, 34},
		{6, 22, 38}, {6, 24, 42}, {6, 26, 46}, {6, 28, 50}, {6, 30, 54}, {6, 32, 58}, {6, 34, 62},
		{6, 26, 46, 66}, {6, 26, 48, 70}, {6, 26, 50, 74}, {6, 30, 54, 78}, {6, 30, 56, 82}, {6, 30, 58, 86}, {6, 34, 62, 90},
		{6, 28, 50, 72, 94}, {6, 26, 50, 74, 98}, {6, 30, 54, 78, 102}, {6, 28, 54, 80, 106}, {6, 32, 58, 84, 110}, {6, 30, 58, 86, 114}, {6, 34, 62, 90, 118},
		{6, 26, 50, 74, 98, 122}, {6, 30, 54, 78, 102, 126}, {6, 26, 52, 78, 104, 130}, {6, 30, 56, 82, 108, 134}, {6, 34, 60, 86, 112, 138}, {6, 30, 58, 86, 114, 142}, {6, 34, 62, 90, 118, 146},
		{6, 30, 54, 78, 102, 126, 150}, {6, 24, 50, 76, 102, 128, 154}, {6, 28, 54, 80, 106, 132, 158}, {6, 32, 58, 84, 110, 136, 162}, {6, 26, 54, 82, 110, 138, 166}, {6, 30, 58, 86, 114, 142, 170},
	}
)

func (l *layout) set(x, y int, dark bool) {
	l.module[y*l.size+x] = dark
	l.used[y*l.size+x] = true
}

// pattern sets the rows of a square pattern at (x, y); bit w−1 of a row
// is its leftmost module.
func (l *layout) pattern(x, y int, rows []uint8) {
	w := len(rows)
	for j, r := range rows {
		for i := range w {
			l.set(x+i, y+j, r>>(w-1-i)&1 != 0)
		}
	}
}

func newLayout(version int) *layout {
	size := 17 + 4*version
	l := &layout{size: size, module: make([]bool, size*size), used: make([]bool, size*size)}
	for _, at := range [3][2]int{{0, 0}, {size - 7, 0}, {0, size - 7}} {
		l.pattern(at[0], at[1], finderPattern[:])
	}
	for i := range 8 { // the separators
		l.set(i, 7, false)
		l.set(size-8+i, 7, false)
		l.set(i, size-8, false)
		l.set(7, i, false)
		l.set(size-8, i, false)
		l.set(7, size-8+i, false)
	}
	for _, x := range alignmentCenters[version] {
		for _, y := range alignmentCenters[version] {
			if !l.used[y*size+x] {
				l.pattern(x-2, y-2, alignPattern[:])
			}
		}
	}
	for i := 8; i < size-7; i++ {
		l.set(i, 6, i%2 == 0)
		l.set(6, i, i%2 == 0)
	}
	for _, p := range formatPositions(size) {
		l.set(p[0], p[1], false) // each mask writes its own
	}
	l.set(8, size-8, true)
	if version >= 7 {
		v := versionBits(version)
		for i := range 18 {
			dark := v>>i&1 != 0
			l.set(i/3, size-11+i%3, dark)
			l.set(size-11+i%3, i/3, dark)
		}
	}
	free := 0
	for _, u := range l.used {
		if !u {
			free++
		}
	}
	// Two columns at a time from the right, up then down, the column of
	// the vertical timing pattern skipped.
	l.order = make([]int32, 0, free)
	x, y, right, up := size-2, size-1, 1, true
	l.order = append(l.order, int32(y*size+x+right))
	for len(l.order) < free {
		for {
			if right == 1 {
				right = 0
			} else {
				right = 1
				switch {
				case up && y > 0:
					y--
				case up:
					up, x = false, x-2
				case y < size-1:
					y++
				default:
					up, x = true, x-2
				}
			}
			if x == 5 {
				x--
			}
			if !l.used[y*size+x+right] {
				break
			}
		}
		l.order = append(l.order, int32(y*size+x+right))
	}
	return l
}

// formatPositions are the modules of the 15 format bits, least
// significant first, with the copy of bits 0–7 and 8–14 after them.
func formatPositions(size int) [30][2]int {
	var p [30][2]int
	for i := range 15 {
		switch {
		case i <= 5:
			p[i] = [2]int{8, i}
		case i == 6:
			p[i] = [2]int{8, 7}
		case i == 7:
			p[i] = [2]int{8, 8}
		case i == 8:
			p[i] = [2]int{7, 8}
		default:
			p[i] = [2]int{14 - i, 8}
		}
		if i <= 7 {
			p[15+i] = [2]int{size - 1 - i, 8}
		} else {
			p[15+i] = [2]int{8, size - 15 + i}
		}
	}
	return p
}

// formatBits is the 15-bit format information of the five bits of level
// and mask: a BCH(15,5) code, masked with 0x5412.
func formatBits(data uint32) uint32 {
	rem := data
	for range 10 {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	return (data<<10 | rem&0x3ff) ^ 0x5412
}

// versionBits is the 18-bit version information: a BCH(18,6) code.
func versionBits(version int) uint32 {
	rem := uint32(version)
	for range 12 {
		rem = rem<<1 ^ (rem>>11)*0x1f25
	}
	return uint32(version)<<12 | rem&0xfff
}

// maskFlips returns, in bit k, whether mask k inverts the module in
// column x, row y.
func maskFlips(x, y int) uint8 {
	sum, prod := x+y, x*y
	var f uint8
	if sum%2 == 0 {
		f |= 1
	}
	if y%2 == 0 {
		f |= 2
	}
	if x%3 == 0 {
		f |= 4
	}
	if sum%3 == 0 {
		f |= 8
	}
	if (y/2+x/3)%2 == 0 {
		f |= 16
	}
	if prod%2+prod%3 == 0 {
		f |= 32
	}
	if (prod%2+prod%3)%2 == 0 {
		f |= 64
	}
	if (sum%2+prod%3)%2 == 0 {
		f |= 128
	}
	return f
}

// place fills the layout of version with stream (the interleaved
// codewords; the remainder bits after them are light before masking)
// under each mask and returns the symbol with the lowest penalty, the
// first of equals.
func place(version int, formatLevel uint32, stream []byte) [][]bool {
	if version <= wordVersions {
		return placeWords(wordLayoutOf(version), formatLevel, stream)
	}
	l := newLayout(version)
	size := l.size
	// Each data module's bit and the masks that invert it.
	bits := make([]uint8, len(l.order))
	flips := make([]uint8, len(l.order))
	for k, at := range l.order {
		if k < 8*len(stream) {
			bits[k] = stream[k/8] >> (7 - k%8) & 1
		}
		flips[k] = maskFlips(int(at)%size, int(at)/size)
	}
	template := make([]uint8, size*size)
	for i, dark := range l.module {
		if dark {
			template[i] = 1
		}
	}
	m := make([]uint8, size*size)
	best := make([]uint8, size*size)
	bestPenalty := -1
	positions := formatPositions(size)
	for mask := range 8 {
		copy(m, template)
		f := formatBits(formatLevel<<3 | uint32(mask))
		for i, p := range positions {
			m[p[1]*size+p[0]] = uint8(f >> (i % 15) & 1)
		}
		for k, at := range l.order {
			m[at] = bits[k] ^ flips[k]>>mask&1
		}
		if p := penalty(m, size); bestPenalty < 0 || p < bestPenalty {
			copy(best, m)
			bestPenalty = p
		}
	}
	dark := make([]bool, size*size)
	for i, v := range best {
		dark[i] = v != 0
	}
	rows := make([][]bool, size)
	for y := range rows {
		rows[y] = dark[y*size : (y+1)*size : (y+1)*size]
	}
	return rows
}

// penalty scores a symbol as go-qrcode does: runs of six or more modules
// of one colour in a row or column (4 for six, 1 more for each after),
// 2×2 blocks of one colour (3 each), finder-like patterns 1:1:3:1:1 with
// four light modules on one side (40 each, as go-qrcode's bit window
// finds them) and the dark modules' deviation from half (10 for every 5 %).
func penalty(m []uint8, size int) int {
	p := 0
	for i := range size {
		row := func(j int) bool { return m[i*size+j] != 0 }
		col := func(j int) bool { return m[j*size+i] != 0 }
		p += runsPenalty(size, row) + windowPenalty(size, row) + runsPenalty(size, col) + windowPenalty(size, col)
	}
	blocks, dark := 0, 0
	for y := range size {
		row := m[y*size : (y+1)*size]
		for _, c := range row {
			dark += int(c)
		}
		if y == 0 {
			continue
		}
		above := m[(y-1)*size : y*size]
		for x := 1; x < size; x++ {
			// All four equal: their sum is 0 or 4.
			if s := row[x] + row[x-1] + above[x] + above[x-1]; s == 0 || s == 4 {
				blocks++
			}
		}
	}
	n := size * size
	dev := n/2 - dark
	if dev < 0 {
		dev = -dev
	}
	return p + 3*blocks + 10*(dev/(n/20))
}

// runsPenalty scores the runs of one colour in a line of size modules:
// 4 for the sixth module of a run, 1 for each after it.
func runsPenalty(size int, dark func(j int) bool) int {
	p, last, count := 0, false, 0
	for j := range size {
		v := dark(j)
		if j > 0 && v == last {
			count++
		} else {
			last, count = v, 1
		}
		if count == 6 {
			p += 4
		} else if count > 6 {
			p++
		}
	}
	return p
}

// windowPenalty scores the finder-like patterns of a line as go-qrcode
// finds them: an 11-module window (light before the line's start) equal
// to 00001011101 or 10111010000, or 1011101 ending the line, scores 40,
// and the window then starts over as 0xff.
func windowPenalty(size int, dark func(j int) bool) int {
	p := 0
	var window int16
	for j := range size {
		window <<= 1
		if dark(j) {
			window |= 1
		}
		if w := window & 0x7ff; w == 0x05d || w == 0x5d0 || j == size-1 && window&0x7f == 0x5d {
			p += 40
			window = 0xff
		}
	}
	return p
}
