// Package diag defines positioned diagnostics: the one way every stage of
// Sunlight reports a problem in content to the author.
//
// A diagnostic prints as
//
//	path:line:col: severity: what
//	    hint: how to fix
//
// Paths are relative to the site root and use forward slashes. Lines and
// columns start at 1; columns count characters (runes), not bytes. A zero
// line or column prints as "?". Messages and hints for authors are in
// Chinese; identifiers (keys, ids, file names) stay as they are.
//
// Stages collect diagnostics in a [List] instead of stopping at the first
// problem; [List.Sort] orders them by path, line and column so output is
// deterministic.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Position is a place in a content file.
type Position struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// String formats p as path:line:col, with "?" for unknown parts.
func (p Position) String() string {
	f := p.File
	if f == "" {
		f = "?"
	}
	return f + ":" + num(p.Line) + ":" + num(p.Col)
}

func num(n int) string {
	if n <= 0 {
		return "?"
	}
	return strconv.Itoa(n)
}

// Severity says whether a diagnostic blocks publishing.
type Severity int

const (
	// Error blocks the build.
	Error Severity = iota
	// Warning is reported (and fails `check -strict`) but does not block.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalJSON writes the severity as its name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos      Position `json:"pos"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code,omitempty"` // stable rule id, e.g. "unknown-key"
	Msg      string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// String formats d on one or two lines (without a trailing newline).
func (d Diagnostic) String() string {
	s := d.Pos.String() + ": " + d.Severity.String() + ": " + d.Msg
	if d.Hint != "" {
		s += "\n    hint: " + d.Hint
	}
	return s
}

// List is a collection of diagnostics. The zero value is ready to use.
// A List with at least one Error is itself an error (see [List.Err]).
type List []Diagnostic

// Errorf appends an error at pos.
func (l *List) Errorf(pos Position, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf appends a warning at pos.
func (l *List) Warnf(pos Position, hint, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Add appends diagnostics.
func (l *List) Add(ds ...Diagnostic) { *l = append(*l, ds...) }

// HasErrors reports whether l holds at least one Error.
func (l List) HasErrors() bool { return l.Count(Error) > 0 }

// Count returns how many diagnostics of severity s are in l.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders l by file, line, column, severity and message, and removes
// exact duplicates.
func (l *List) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d == s[i-1] {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// Err returns l as an error if it holds any Error, else nil.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Error implements error: every diagnostic, one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// WriteText writes every diagnostic in the text format, one block each.
func (l List) WriteText(w io.Writer) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON writes l as a JSON array (an empty array when l is empty).
func (l List) WriteJSON(w io.Writer) error {
	if l == nil {
		l = List{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}

// WriteGitHub writes l as GitHub Actions workflow commands
// (::error file=…,line=…,col=…::message), one per diagnostic.
func (l List) WriteGitHub(w io.Writer) error {
	for _, d := range l {
		kind := "error"
		if d.Severity == Warning {
			kind = "warning"
		}
		msg := d.Msg
		if d.Hint != "" {
			msg += "\n提示: " + d.Hint
		}
		if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n", kind,
			ghProp(d.Pos.File), max(d.Pos.Line, 1), max(d.Pos.Col, 1), ghData(msg)); err != nil {
			return err
		}
	}
	return nil
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
