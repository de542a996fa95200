package pii

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestFoldIsNFKC: fold's arithmetic for full-width forms and the
// ideographic space gives what NFKC gives, for every rune fold may change.
func TestFoldIsNFKC(t *testing.T) {
	nfkc := func(r rune) rune {
		if s := norm.NFKC.String(string(r)); len(s) == 1 {
			return rune(s[0])
		}
		return r
	}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !(r >= 0xFF01 && r <= 0xFF5E) && !unicode.IsSpace(r) {
			if got := fold(r); got != r {
				t.Fatalf("fold(%U) = %U; runes outside the full-width forms and spaces stay", r, got)
			}
			continue
		}
		if got, want := fold(r), nfkc(r); got != want {
			t.Errorf("fold(%U) = %U, NFKC gives %U", r, got, want)
		}
	}
}

// TestSeeds: nextSeed finds exactly the runes that fold to a digit or '@',
// whatever follows them.
func TestSeeds(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		want := class(fold(r)) == seed
		for _, s := range []string{string(r), string(r) + "x", string(r) + "\x80\x80"} {
			if got := nextSeed(s, 0) == 0; got != want {
				t.Fatalf("nextSeed(%q) found a seed: %v; %U folds to %U", s, got, r, fold(r))
			}
		}
	}
}

// TestSignificantCharsComplete: every character the scan compares a unit
// with is significant, so that appendSignificant keeps it. The functions
// below are the ones that read units.
func TestSignificantCharsComplete(t *testing.T) {
	readers := map[string]bool{
		"isDigit": true, "isAlpha": true, "isAlnum": true, "isLocal": true, "isDomain": true,
		"emails": true, "validDomain": true, "numbers": true, "run": true, "joined": true,
		"isCurrency": true, "isAmountUnit": true,
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "pii.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || !readers[fd.Name.Name] {
			continue
		}
		delete(readers, fd.Name.Name)
		check := func(lit *ast.BasicLit) {
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range s {
				if class(r) == blank {
					t.Errorf("%s: %s compares units with %q, which appendSignificant treats as a blank; add it to significantChars",
						fset.Position(lit.Pos()), fd.Name.Name, r)
				}
			}
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr: // u[i].r == '@', r >= 'a'
				switch n.Op {
				case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
					for _, x := range []ast.Expr{n.X, n.Y} {
						if lit, ok := x.(*ast.BasicLit); ok && lit.Kind == token.CHAR {
							check(lit)
						}
					}
				}
			case *ast.CaseClause: // case '-', '/':
				for _, x := range n.List {
					if lit, ok := x.(*ast.BasicLit); ok && lit.Kind == token.CHAR {
						check(lit)
					}
				}
			case *ast.CallExpr: // strings.ContainsRune("._%+-", r)
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "ContainsRune" {
					if lit, ok := n.Args[0].(*ast.BasicLit); ok {
						check(lit)
					} else {
						t.Errorf("%s: ContainsRune without a literal set", fset.Position(n.Pos()))
					}
				}
			}
			return true
		})
	}
	for _, r := range significantChars {
		if class(r) != significant && class(r) != seed {
			t.Errorf("class(%q) = blank; it is in significantChars", r)
		}
	}
	for name := range readers {
		t.Errorf("no func %s in pii.go; update the list of functions that read units", name)
	}
}

// TestNextSeed: testing eight bytes at a time finds what testing each byte
// finds, wherever the byte is in the word.
func TestNextSeed(t *testing.T) {
	slow := func(text string, i int) int {
		for ; i < len(text); i++ {
			if isSeed(text, i) {
				return i
			}
		}
		return -1
	}
	var texts []string
	for _, fill := range []byte{'a', '=', 'A', '/', 0x80, 0xBC, 0xEF, 0xFF} {
		for p := range 20 {
			for c := range 256 {
				b := bytes.Repeat([]byte{fill}, 20)
				b[p] = byte(c)
				texts = append(texts, string(b))
				if p+2 < len(b) {
					b[p], b[p+1], b[p+2] = 0xEF, 0xBC, byte(c)
					texts = append(texts, string(b), string(b[:p+2]))
				}
			}
		}
	}
	for _, text := range texts {
		for i := range len(text) + 1 {
			if got, want := nextSeed(text, i), slow(text, i); got != want {
				t.Fatalf("nextSeed(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}
