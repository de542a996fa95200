package tmplexec

import (
	"bytes"
	"errors"
	"html/template"
	"regexp"
	"testing"
	"time"
)

// FuzzSameOutputAsHTMLTemplate parses arbitrary template text and, when
// html/template accepts it, runs it with html/template and with a Set on
// the test data: the outputs must be equal, or both runs fail. The seeds
// are the templates of TestSameOutputAsHTMLTemplate.
//
//	go test ./internal/tmplexec -run '^$' -fuzz FuzzSame -fuzztime 60s
func FuzzSameOutputAsHTMLTemplate(f *testing.F) {
	bigNumber := regexp.MustCompile(`[0-9]{5}`)
	for _, src := range seedTemplates() {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if bigNumber.MatchString(src) {
			return // {{range 99999999}} takes as long either way
		}
		std, err := template.New("t").Funcs(testFuncs().Template()).Parse(src)
		if err != nil {
			return
		}
		fast := template.Must(template.New("t").Funcs(testFuncs().Template()).Parse(src))
		data := testData() // one value for both: pointers print as addresses
		var want bytes.Buffer
		wantErr := execWithin(func() error { return std.Execute(&want, data) })
		set := New(fast, testFuncs())
		for run := 1; run <= 2; run++ {
			var got bytes.Buffer
			err := execWithin(func() error { return set.Execute(&got, "t", data) })
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("%q run %d: err = %v, html/template's = %v", src, run, err, wantErr)
			}
			if err == nil && got.String() != want.String() {
				t.Fatalf("%q run %d:\n got %q\nwant %q", src, run, got.String(), want.String())
			}
		}
	})
}

// execWithin runs f, treating a run that does not end within a second as
// an error for both sides.
func execWithin(f func() error) error {
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Second):
		return errors.New("timed out")
	}
}
