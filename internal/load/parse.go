package load

import (
	"testing/fstest"

	"sunlight/internal/diag"
	"sunlight/internal/tomlfast"
)

// ParseFile reads one content file from its bytes as [Load] would read it
// at path p (relative to the content root, with /), for callers that have
// a file's content without a tree, such as past versions read from git.
// It returns *model.Config, *model.Law, *model.Unit, *model.Power,
// *model.Flow, *model.Benchmark, *model.RiskCatalogue or *model.Page (nil
// when the file cannot be read at all, or p is not a content file's
// place) and the problems found in the file itself. Cross-file checks and
// the personal-data scan are not run; Unit and the fields package link
// derives are left empty. A caller parsing many files uses a [Parser].
func ParseFile(p string, data []byte) (v any, diags diag.List) {
	return NewParser().Parse(p, data)
}

// A Parser parses files one at a time as [ParseFile] does, keeping what
// its TOML decoder learns of the model's types from one file to the next.
// It is safe for concurrent use.
type Parser struct {
	toml *tomlfast.Decoder
}

// NewParser returns a Parser.
func NewParser() *Parser { return &Parser{toml: tomlfast.New()} }

// Parse is [ParseFile] with ps's decoder.
func (ps *Parser) Parse(p string, data []byte) (v any, diags diag.List) {
	f, ok := classify(p)
	if !ok {
		diags.Errorf(diag.Position{File: p, Line: 1, Col: 1}, layoutHint, "文件不在约定的位置")
		return nil, diags
	}
	defer func() {
		if e := recover(); e != nil {
			v, diags = nil, nil
			diags.Errorf(diag.Position{File: p, Line: 1, Col: 1}, "这是 Sunlight 的缺陷,请报告",
				"internal error while reading this file: %v", e)
		}
	}()
	text, ok := readFile(fstest.MapFS{p: {Data: data}}, p, &diags)
	if !ok {
		return nil, diags
	}
	v = parse(f, text, ps.toml, &diags)
	return v, diags
}
