// Package qrcodetest reads back the SVG QR codes that package qrcode draws and
// decodes them with a real QR decoder (github.com/makiuchi-d/gozxing, a port
// of ZXing), so tests can assert that a printed code scans to the right URL.
// It is imported only by _test files, which keeps the decoder out of the
// sunlight binary.
//
// Parse checks the SVG's shape (a square viewBox in module units, role="img",
// shape-rendering="crispEdges", a white background rect, exactly one black
// <path> made of "M x y h w v1 h-w z" runs, and an empty quiet zone of
// qrcode.QuietZone modules) and rebuilds the module grid from the path alone.
// Decode rasterises that grid into an image.Gray and runs the ZXing detector
// and decoder on it; DecodeAll does this for every such <svg> element of an
// HTML page.
//
// The gozxing detector is a little fragile on perfectly sharp synthetic
// images: at a given scale it misses about one code in thirty of versions 2 to
// 7 (a wrong finder-pattern estimate, then "FormatException" or
// "NotFoundException"), while zbarimg reads the same images at every scale.
// So DecodeGrid tries 4, 3, 2, 5 and 6 pixels a module, as a phone sees a
// code from different distances, and only then ZXing's pure-barcode mode,
// which skips locating the symbol but still checks the format and version
// information, the data and the error correction.
package qrcodetest

import (
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"sunlight/internal/qrcode"
)

// Code is a QR code read back from an SVG.
type Code struct {
	// Title is the text of the <title> element (the encoded text, as written
	// by qrcode.SVG).
	Title string
	// Label is the aria-label attribute, if any.
	Label string
	// Grid is the module grid including the quiet zone: Grid[y][x] is true
	// for a dark module. It is square.
	Grid [][]bool
}

// ErrNotQR is returned (wrapped) by Parse when the SVG does not have the
// outer shape that qrcode.SVG draws. A QR-shaped SVG whose path data is wrong
// gives a different error.
var ErrNotQR = errors.New("not a qrcode SVG")

type svgDoc struct {
	XMLName        xml.Name `xml:"http://www.w3.org/2000/svg svg"`
	ViewBox        string   `xml:"viewBox,attr"`
	Role           string   `xml:"role,attr"`
	Label          string   `xml:"aria-label,attr"`
	ShapeRendering string   `xml:"shape-rendering,attr"`
	Title          []string `xml:"title"`
	Rects          []struct {
		Width  string `xml:"width,attr"`
		Height string `xml:"height,attr"`
		Fill   string `xml:"fill,attr"`
	} `xml:"rect"`
	Paths []struct {
		D    string `xml:"d,attr"`
		Fill string `xml:"fill,attr"`
	} `xml:"path"`
}

// Parse reads an SVG written by qrcode.SVG and rebuilds its module grid from
// the path data.
func Parse(svg []byte) (*Code, error) {
	var d svgDoc
	if err := xml.Unmarshal(svg, &d); err != nil {
		return nil, fmt.Errorf("qrcodetest: %w: %w", ErrNotQR, err)
	}
	notQR := func(format string, args ...any) error {
		return fmt.Errorf("qrcodetest: %w: "+format, append([]any{ErrNotQR}, args...)...)
	}
	f := strings.Fields(d.ViewBox)
	if len(f) != 4 || f[0] != "0" || f[1] != "0" || f[2] != f[3] {
		return nil, notQR("viewBox %q is not a square from 0 0", d.ViewBox)
	}
	n, err := strconv.Atoi(f[2])
	if err != nil || n < 21+2*qrcode.QuietZone {
		return nil, notQR("viewBox %q: size must be an integer of at least %d", d.ViewBox, 21+2*qrcode.QuietZone)
	}
	switch {
	case d.Role != "img":
		return nil, notQR(`role is %q, want "img"`, d.Role)
	case d.ShapeRendering != "crispEdges":
		return nil, notQR(`shape-rendering is %q, want "crispEdges"`, d.ShapeRendering)
	case len(d.Title) != 1:
		return nil, notQR("%d <title> elements, want 1", len(d.Title))
	case len(d.Rects) != 1 || d.Rects[0].Width != f[2] || d.Rects[0].Height != f[2] || d.Rects[0].Fill != "#fff":
		return nil, notQR("want one white <rect> covering the viewBox")
	case len(d.Paths) != 1 || d.Paths[0].Fill != "#000":
		return nil, notQR("want exactly one <path> with fill #000, have %d", len(d.Paths))
	}
	grid, err := parsePath(d.Paths[0].D, n)
	if err != nil {
		return nil, fmt.Errorf("qrcodetest: path: %w", err)
	}
	return &Code{Title: d.Title[0], Label: d.Label, Grid: grid}, nil
}

// parsePath fills an n×n grid from runs "M x y h w v1 h-w z", checking that
// every run is inside the grid, outside the quiet zone and drawn once.
func parsePath(d string, n int) ([][]bool, error) {
	grid := make([][]bool, n)
	for i := range grid {
		grid[i] = make([]bool, n)
	}
	s := d
	num := func() (int, bool) {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		v, err := strconv.Atoi(s[:i])
		s = s[i:]
		return v, err == nil
	}
	lit := func(p string) bool {
		if !strings.HasPrefix(s, p) {
			return false
		}
		s = s[len(p):]
		return true
	}
	runs := 0
	for s != "" {
		at := len(d) - len(s)
		var x, y, w, w2 int
		ok := lit("M")
		if ok {
			x, ok = num()
		}
		ok = ok && lit(" ")
		if ok {
			y, ok = num()
		}
		ok = ok && lit("h")
		if ok {
			w, ok = num()
		}
		ok = ok && lit("v1h-")
		if ok {
			w2, ok = num()
		}
		ok = ok && lit("z")
		if !ok || w != w2 || w == 0 {
			return nil, fmt.Errorf("offset %d: want a run M<x> <y>h<w>v1h-<w>z", at)
		}
		q := qrcode.QuietZone
		if y < q || y >= n-q || x < q || x+w > n-q {
			return nil, fmt.Errorf("offset %d: run at %d,%d width %d is outside the symbol or in the quiet zone", at, x, y, w)
		}
		for i := x; i < x+w; i++ {
			if grid[y][i] {
				return nil, fmt.Errorf("offset %d: module %d,%d drawn twice", at, i, y)
			}
			grid[y][i] = true
		}
		runs++
	}
	if runs == 0 {
		return nil, errors.New("no dark modules")
	}
	return grid, nil
}

// Image renders a module grid with scale pixels a module, black on white.
func Image(grid [][]bool, scale int) *image.Gray {
	n := len(grid)
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y, row := range grid {
		for x, dark := range row {
			if !dark {
				continue
			}
			for py := y * scale; py < (y+1)*scale; py++ {
				for px := x * scale; px < (x+1)*scale; px++ {
					img.SetGray(px, py, color.Gray{0})
				}
			}
		}
	}
	return img
}

// DecodeImage runs the ZXing QR detector and decoder on img, once.
func DecodeImage(img image.Image) (string, error) {
	return decodeImage(img, nil)
}

func decodeImage(img image.Image, hints map[gozxing.DecodeHintType]any) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", fmt.Errorf("qrcodetest: %w", err)
	}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return "", fmt.Errorf("qrcodetest: decode: %w", err)
	}
	return res.GetText(), nil
}

// DecodeGrid decodes a module grid (quiet zone included) with the ZXing
// detector at several scales, then in pure-barcode mode; see the package
// documentation. The error is the one of the first attempt.
func DecodeGrid(grid [][]bool) (string, error) {
	var first error
	for _, scale := range []int{4, 3, 2, 5, 6} {
		text, err := DecodeImage(Image(grid, scale))
		if err == nil {
			return text, nil
		}
		if first == nil {
			first = err
		}
	}
	pure := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
	if text, err := decodeImage(Image(grid, 4), pure); err == nil {
		return text, nil
	}
	return "", first
}

// Decode parses an SVG written by qrcode.SVG, rasterises it and decodes it.
func Decode(svg []byte) (string, error) {
	c, err := Parse(svg)
	if err != nil {
		return "", err
	}
	return DecodeGrid(c.Grid)
}

var svgElem = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)

// DecodeAll decodes every <svg> element of an HTML or XML document that has
// the shape qrcode.SVG draws, in document order; other SVGs are skipped. It
// fails if a QR-shaped SVG does not decode.
func DecodeAll(doc []byte) ([]string, error) {
	var out []string
	for i, m := range svgElem.FindAll(doc, -1) {
		c, err := Parse(m)
		if errors.Is(err, ErrNotQR) {
			continue
		}
		if err != nil {
			return out, err
		}
		text, err := DecodeGrid(c.Grid)
		if err != nil {
			return out, fmt.Errorf("svg element %d: %w", i+1, err)
		}
		out = append(out, text)
	}
	return out, nil
}
