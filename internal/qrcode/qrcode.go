// Package qrcode draws QR codes as small inline SVG for the printed notice-board
// posters, so that a reader can scan a poster and land on the item's page on the
// portal.
//
// # Output
//
// SVG(text, opt) returns one <svg> element with no XML declaration, no script
// and no trailing newline, ready to be inlined into HTML:
//
//	<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 N N" role="img"
//	     aria-label="LABEL" shape-rendering="crispEdges" class="CLASS"
//	     width="SIZE" height="SIZE">
//	  <title>TEXT</title>
//	  <rect width="N" height="N" fill="#fff"/>
//	  <path fill="#000" d="M4 4h7v1h-7z…"/>
//	</svg>
//
// (shown wrapped; the real output is on one line). The user unit is one
// module: N is the symbol size plus a quiet zone of 4 modules on every side
// (ISO/IEC 18004 §6.3.8). The white <rect> keeps the quiet zone light even on a
// coloured notice board. All dark modules are one <path>; each horizontal run of
// dark modules is one closed subpath "M x y h w v1 h-w z" with integer
// coordinates, so the drawing stays pixel-exact under crispEdges at any scale
// and the file stays small (a typical portal URL gives a 37×37 or 41×41 grid
// and 4 to 6 KB of SVG).
//
// aria-label, class, width and height appear only when the option is set. With
// no Size the SVG scales to the width of its container (give it a CSS width);
// on paper set a physical size such as "30mm": at 25 mm or more a version 4–6
// code scans comfortably from an arm's length. <title> always holds the
// encoded text; with a Label it becomes the accessible description and the
// label the accessible name.
//
// # Encoding
//
// The encoder (encode.go, symbol.go, words.go) picks the smallest version
// that holds the text and the mask with the lowest penalty, and draws
// exactly what github.com/skip2/go-qrcode drew for every text and level (a
// test compares them module for module across all 40 versions) in a
// thirtieth of the time. Text is encoded as its bytes, with no ECI header,
// so pass URLs in their percent-encoded form (url.URL.String gives it),
// which is plain ASCII and scans the same in every reader; raw UTF-8 also
// works with common phone scanners, which guess UTF-8. The default
// error-correction level is M (15 % recovery), the usual choice for print.
//
// The sister package qrcodetest parses this SVG back into a module grid and
// decodes it, for tests.
package qrcode

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// QuietZone is the width of the light border around the symbol, in modules.
const QuietZone = 4

// Level is a QR error-correction level. The zero value is LevelM.
type Level int

const (
	LevelM Level = iota // 15 % of codewords can be restored (default)
	LevelL              // 7 %
	LevelQ              // 25 %
	LevelH              // 30 %
)

// String returns "L", "M", "Q" or "H".
func (l Level) String() string {
	switch l {
	case LevelL:
		return "L"
	case LevelM:
		return "M"
	case LevelQ:
		return "Q"
	case LevelH:
		return "H"
	}
	return "Level(" + strconv.Itoa(int(l)) + ")"
}

// Options controls SVG. The zero value is valid.
type Options struct {
	// Level is the error-correction level; the zero value is LevelM.
	Level Level
	// Label, when set, becomes the aria-label (the accessible name), e.g.
	// "扫码查看本事项网页". The encoded text is always in <title>.
	Label string
	// Class, when set, becomes the class attribute.
	Class string
	// Size, when set, becomes both the width and height attributes; any SVG
	// length such as "30mm", "120" or "100%".
	Size string
}

// SVG encodes text as a QR code and returns it as an inline SVG element.
// It fails if text is empty or not valid UTF-8, if it is too long for a QR
// code at the chosen level, or if opt.Level is unknown.
func SVG(text string, opt Options) ([]byte, error) {
	m, err := modules(text, opt.Level)
	if err != nil {
		return nil, err
	}
	n := len(m) + 2*QuietZone
	ns := strconv.Itoa(n)

	var b bytes.Buffer
	b.Grow(1024 + 14*len(m)*len(m)/4) // about what the runs take
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + ns + ` ` + ns + `" role="img"`)
	if opt.Label != "" {
		attr(&b, "aria-label", opt.Label)
	}
	b.WriteString(` shape-rendering="crispEdges"`)
	if opt.Class != "" {
		attr(&b, "class", opt.Class)
	}
	if opt.Size != "" {
		attr(&b, "width", opt.Size)
		attr(&b, "height", opt.Size)
	}
	b.WriteString(`><title>`)
	escape(&b, text)
	b.WriteString(`</title><rect width="` + ns + `" height="` + ns + `" fill="#fff"/><path fill="#000" d="`)
	for y, row := range m {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			// M<x> <y>h<w>v1h-<w>z
			d := append(b.AvailableBuffer(), 'M')
			d = strconv.AppendInt(d, int64(start+QuietZone), 10)
			d = append(d, ' ')
			d = strconv.AppendInt(d, int64(y+QuietZone), 10)
			d = append(d, 'h')
			d = strconv.AppendInt(d, int64(x-start), 10)
			d = append(d, "v1h-"...)
			d = strconv.AppendInt(d, int64(x-start), 10)
			d = append(d, 'z')
			b.Write(d)
		}
	}
	b.WriteString(`"/></svg>`)
	return b.Bytes(), nil
}

// modules returns the symbol's module matrix without quiet zone:
// m[y][x] is true for a dark module.
func modules(text string, level Level) ([][]bool, error) {
	if text == "" {
		return nil, errors.New("qrcode: empty text")
	}
	if !utf8.ValidString(text) {
		return nil, errors.New("qrcode: text is not valid UTF-8")
	}
	if _, _, ok := level.row(); !ok {
		return nil, fmt.Errorf("qrcode: unknown error-correction level %d", int(level))
	}
	m, err := encode([]byte(text), level)
	if err != nil {
		return nil, fmt.Errorf("qrcode: %d bytes at level %v: %w", len(text), level, err)
	}
	return m, nil
}

func attr(b *bytes.Buffer, name, value string) {
	b.WriteString(" " + name + `="`)
	escape(b, value)
	b.WriteString(`"`)
}

// escape writes s escaped for XML text and attribute values; characters
// that XML 1.0 forbids become U+FFFD.
func escape(b *bytes.Buffer, s string) {
	xml.EscapeText(b, []byte(s)) // a bytes.Buffer never fails
}
