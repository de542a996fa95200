// Package markdown renders the prose of power items and free pages.
//
// It is goldmark with GitHub-flavoured tables, strikethrough and task lists,
// and the CJK extension (no spaces inserted between Chinese lines, emphasis
// that works next to Chinese punctuation). Raw HTML is never passed
// through, and links with dangerous schemes (javascript:, vbscript:, data:
// other than images) lose their target. Site-absolute link targets
// ("/units/…") get the site's base path, so prose links keep working when
// the portal lives under a sub-path.
//
// Most prose is plain (paragraphs, headings, bullet lists, tables, bold):
// that is written directly, byte for byte as goldmark writes it, and only
// the rest goes through goldmark (see renderPlain).
package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer converts Markdown to safe HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
	// writers are reusable output writers: goldmark wraps any other writer
	// in a new 4 KB bufio.Writer on every conversion.
	writers sync.Pool
}

// New returns a Renderer that prefixes site-absolute links with basePath
// (e.g. "/lzfk/"; "/" or "" for the root).
func New(basePath string) *Renderer {
	basePath = strings.TrimSuffix(basePath, "/")
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.CJK),
		goldmark.WithParserOptions(
			parser.WithASTTransformers(util.Prioritized(baseLinks{base: basePath}, 100)),
		),
	)
	return &Renderer{md: md, writers: sync.Pool{New: func() any { return bufio.NewWriter(nil) }}}
}

// Render converts src to HTML.
func (r *Renderer) Render(src string) (template.HTML, error) {
	return r.RenderShift(src, 0)
}

// RenderShift converts src to HTML with every heading moved down by shift
// levels (## becomes <h3> with shift 1), capped at <h6>, so prose placed
// under a page's own <h2> keeps a correct heading order.
func (r *Renderer) RenderShift(src string, shift int) (h template.HTML, err error) {
	var b bytes.Buffer
	b.Grow(len(src) + len(src)/2) // the HTML is about as long as the source, plus tags
	if renderPlain(&b, src, shift) {
		return template.HTML(b.String()), nil
	}
	return r.renderGoldmark(&b, src, shift)
}

// renderGoldmark is RenderShift through goldmark, into b.
func (r *Renderer) renderGoldmark(b *bytes.Buffer, src string, shift int) (h template.HTML, err error) {
	// goldmark's CJK line-break handling indexes bytes as runes and panics
	// on invalid UTF-8 (found by FuzzRender); content is checked to be
	// UTF-8 on load, but the renderer must be safe on its own.
	src = strings.ToValidUTF8(src, "\uFFFD")
	defer func() {
		if e := recover(); e != nil {
			h, err = "", fmt.Errorf("markdown: %v", e)
		}
	}()
	w := r.writers.Get().(*bufio.Writer)
	w.Reset(b)
	defer r.writers.Put(w)
	ctx := parser.NewContext()
	ctx.Set(shiftKey, shift)
	if err := r.md.Convert([]byte(src), w, parser.WithContext(ctx)); err != nil {
		return "", err
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	w.Reset(nil) // do not keep b alive in the pool
	return template.HTML(b.String()), nil
}

var shiftKey = parser.NewContextKey()

// baseLinks prefixes site-absolute link and image destinations and shifts
// heading levels.
type baseLinks struct{ base string }

func (t baseLinks) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	shift, _ := pc.Get(shiftKey).(int)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Heading:
			v.Level = min(v.Level+shift, 6)
		case *ast.Link:
			v.Destination = t.fix(v.Destination)
		case *ast.Image:
			v.Destination = t.fix(v.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func (t baseLinks) fix(dest []byte) []byte {
	if len(dest) > 1 && dest[0] == '/' && dest[1] != '/' && t.base != "" {
		return append([]byte(t.base), dest...)
	}
	return dest
}
