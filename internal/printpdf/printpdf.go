// Package printpdf turns the print pages that sunlight builds (a unit's bound
// volume, the notice-board posters) into PDF with headless Chromium.
//
// # Command
//
// Print runs, in a new process group, with a fresh temporary profile:
//
//	chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
//	  --disable-background-networking --disable-component-update --disable-sync \
//	  --no-first-run --user-data-dir=TMP --no-pdf-header-footer \
//	  --print-to-pdf=OUT.tmp URL
//
// and then moves OUT.tmp to Out, so Out is written only when printing
// succeeded. --no-pdf-header-footer (Chromium 111 and later; Debian 12 ships
// 156) drops the date, title, URL and page number that Chromium otherwise
// prints in the margins; page numbers belong in the page's own CSS.
// --no-sandbox is needed when running as root (CI); the page is our own.
// --disable-dev-shm-usage avoids crashes on long documents in containers
// whose /dev/shm is small. The same command line, typed by hand, is the
// documented way to print without the sunlight binary.
//
// # Paper size comes from the page
//
// The command line has no paper-size flag: Chromium takes the size from the
// page's CSS and falls back to US Letter. Every print page must therefore
// declare it, e.g.
//
//	@page { size: A4; }            /* bound volume */
//	@page { size: A3 landscape; }  /* large poster */
//
// Options.Paper and Options.Landscape say what the page is meant to be. Print
// checks every /MediaBox of the PDF against them, within 1 pt (Chromium writes
// A4 as 594.96 × 841.92 pt rather than 595.28 × 841.89), and fails with
// ErrPageSize, naming the @page rule to add, when they differ. A PDF without
// a readable /MediaBox is not checked.
//
// # Errors
//
// No Chromium: FindChromium and Print return an error wrapping ErrNoChromium,
// whose message says how to install it. Chromium fails, times out or writes
// no PDF (for example because the page does not load, which Chromium reports
// with exit status 0): Print returns a *Error with the page URL, the cause
// and the last lines of Chromium's standard error, without the D-Bus
// complaints that headless Chromium always prints. HTTP errors are not
// detected: Chromium prints the server's error page like any other, so print
// local files or a server you trust.
package printpdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// DefaultTimeout bounds one Print when Options.Timeout is zero.
const DefaultTimeout = 2 * time.Minute

// ErrNoChromium is wrapped by the errors of FindChromium and Print when no
// Chromium executable can be found.
var ErrNoChromium = errors.New("chromium not found; install it (Debian: apt-get install chromium) or give its path")

// ErrPageSize is wrapped by the error of Print when the PDF's pages do not
// have the size that Options.Paper and Options.Landscape ask for.
var ErrPageSize = errors.New("page size does not match the paper")

// Options controls Print.
type Options struct {
	// Chromium is the browser executable; empty means FindChromium.
	Chromium string
	// Page is the page to print: an http, https or file URL, or a local file
	// path (relative paths are taken from the working directory).
	Page string
	// Out is the PDF file to write; its directory is created if needed.
	Out string
	// Paper is "A4" (the default when empty) or "A3".
	Paper string
	// Landscape means the paper's long side is horizontal.
	Landscape bool
	// Timeout bounds the whole run; zero means DefaultTimeout.
	Timeout time.Duration
}

// Error is a Chromium run that failed.
type Error struct {
	Page   string // URL given to Chromium
	Err    error  // what went wrong
	Stderr string // last lines of Chromium's stderr, noise removed; may be empty
}

func (e *Error) Error() string {
	s := "printpdf: " + e.Page + ": " + e.Err.Error()
	if e.Stderr != "" {
		s += "\nchromium stderr (last lines):\n\t" + strings.ReplaceAll(e.Stderr, "\n", "\n\t")
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// candidates are looked up in $PATH, then fallbacks are tried as they are.
var (
	candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}
	fallbacks  = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium", "/opt/google/chrome/chrome"}
)

// FindChromium returns the path of the first of chromium, chromium-browser,
// google-chrome and google-chrome-stable found in $PATH, or else of the usual
// install locations (/usr/bin, /snap/bin, /opt/google/chrome). The error
// wraps ErrNoChromium.
func FindChromium() (string, error) {
	return findChromium(exec.LookPath, candidates, fallbacks)
}

func findChromium(lookPath func(string) (string, error), names, paths []string) (string, error) {
	for _, n := range names {
		if p, err := lookPath(n); err == nil {
			return p, nil
		}
	}
	for _, p := range paths {
		if checkExecutable(p) == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("printpdf: looked for %s in $PATH: %w", strings.Join(names, ", "), ErrNoChromium)
}

func checkExecutable(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
		return fmt.Errorf("%s: not an executable file", path)
	}
	return nil
}

// paper sizes in points, portrait.
var papers = map[string][2]float64{
	"A4": {595.28, 841.89},
	"A3": {841.89, 1190.55},
}

// Print prints opt.Page to the PDF file opt.Out with headless Chromium.
// See the package documentation for the command, the paper-size check and
// the errors.
func Print(ctx context.Context, opt Options) (err error) {
	if opt.Page == "" {
		return errors.New("printpdf: no page to print")
	}
	if opt.Out == "" {
		return errors.New("printpdf: no output file")
	}
	paper := strings.ToUpper(opt.Paper)
	if paper == "" {
		paper = "A4"
	}
	want, ok := papers[paper]
	if !ok {
		return fmt.Errorf("printpdf: unknown paper %q (want A4 or A3)", opt.Paper)
	}
	if opt.Landscape {
		want[0], want[1] = want[1], want[0]
	}
	page, err := pageURL(opt.Page)
	if err != nil {
		return err
	}
	chromium := opt.Chromium
	if chromium == "" {
		if chromium, err = FindChromium(); err != nil {
			return err
		}
	} else if err := checkExecutable(chromium); err != nil {
		return fmt.Errorf("printpdf: %w: %w", err, ErrNoChromium)
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}

	if err := os.MkdirAll(filepath.Dir(opt.Out), 0o755); err != nil {
		return fmt.Errorf("printpdf: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(opt.Out), ".sunlight-print-*.pdf")
	if err != nil {
		return fmt.Errorf("printpdf: %w", err)
	}
	tmp.Close()
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	profile, err := os.MkdirTemp("", "sunlight-chromium-*")
	if err != nil {
		return fmt.Errorf("printpdf: %w", err)
	}
	defer os.RemoveAll(profile)

	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var stderr tailBuffer
	cmd := exec.CommandContext(ctx, chromium, args(profile, tmp.Name(), page)...)
	cmd.Stdout = &stderr // Chromium reports "N bytes written to file" on either
	cmd.Stderr = &stderr
	cmd.WaitDelay = 5 * time.Second
	setProcessGroup(cmd)
	runErr := cmd.Run()
	killProcessGroup(cmd) // helpers that outlived the browser
	tail := stderrTail(stderr.Bytes(), 12)
	fail := func(e error) error { return &Error{Page: page, Err: e, Stderr: tail} }

	switch {
	case ctx.Err() == context.DeadlineExceeded:
		return fail(fmt.Errorf("chromium timed out after %v", timeout))
	case ctx.Err() != nil:
		return fail(ctx.Err())
	case runErr != nil:
		return fail(fmt.Errorf("chromium: %w", runErr))
	}
	pdf, err := os.ReadFile(tmp.Name())
	if err != nil {
		return fmt.Errorf("printpdf: %w", err)
	}
	if len(pdf) == 0 {
		if m := loadFailed.FindStringSubmatch(stderr.String()); m != nil {
			return fail(errors.New("page load failed: " + m[1]))
		}
		return fail(errors.New("chromium wrote no PDF"))
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return fail(errors.New("chromium wrote a file that is not a PDF"))
	}
	for _, box := range mediaBoxes(pdf) {
		if math.Abs(box[0]-want[0]) > 1 || math.Abs(box[1]-want[1]) > 1 {
			return &Error{Page: page, Err: pageSizeError(box, want, paper, opt.Landscape)}
		}
	}
	if err := os.Rename(tmp.Name(), opt.Out); err != nil {
		return fmt.Errorf("printpdf: %w", err)
	}
	return nil
}

func pageSizeError(got, want [2]float64, paper string, landscape bool) error {
	orient, rule := "portrait", paper
	if landscape {
		orient, rule = "landscape", paper+" landscape"
	}
	return fmt.Errorf("%w: got %s × %s pt, want %s %s (%s × %s pt); set `@page { size: %s }` in the page's CSS",
		ErrPageSize, pt(got[0]), pt(got[1]), paper, orient, pt(want[0]), pt(want[1]), rule)
}

func pt(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// args is Chromium's command line; see the package documentation.
func args(profile, out, page string) []string {
	return []string{
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--disable-dev-shm-usage",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--no-first-run",
		"--user-data-dir=" + profile,
		"--no-pdf-header-footer",
		"--print-to-pdf=" + out,
		page,
	}
}

// pageURL turns a URL or a local file path into the URL given to Chromium.
func pageURL(page string) (string, error) {
	if u, err := url.Parse(page); err == nil && len(u.Scheme) > 1 {
		switch strings.ToLower(u.Scheme) {
		case "http", "https", "file":
			return page, nil
		}
		return "", fmt.Errorf("printpdf: %s: unsupported URL scheme %q (want http, https, file or a file path)", page, u.Scheme)
	}
	abs, err := filepath.Abs(page)
	if err != nil {
		return "", fmt.Errorf("printpdf: %w", err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return "", fmt.Errorf("printpdf: page: %w", err)
	}
	if fi.IsDir() {
		return "", fmt.Errorf("printpdf: page: %s: %w", page, fs.ErrInvalid)
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String(), nil
}

var (
	mediaBox   = regexp.MustCompile(`/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]`)
	loadFailed = regexp.MustCompile(`Page load failed: (\S+)`)
)

// mediaBoxes returns the width and height of every uncompressed /MediaBox
// in a PDF, in points.
func mediaBoxes(pdf []byte) [][2]float64 {
	var out [][2]float64
	for _, m := range mediaBox.FindAllSubmatch(pdf, -1) {
		var v [4]float64
		ok := true
		for i := range v {
			f, err := strconv.ParseFloat(string(m[i+1]), 64)
			ok = ok && err == nil
			v[i] = f
		}
		if ok {
			out = append(out, [2]float64{math.Abs(v[2] - v[0]), math.Abs(v[3] - v[1])})
		}
	}
	return out
}

// stderrTail returns the last n lines of Chromium's output that are not
// known noise, each cut to 300 bytes.
func stderrTail(b []byte, n int) string {
	var keep []string
	for line := range strings.SplitSeq(string(b), "\n") {
		line = strings.TrimRight(line, "\r ")
		if line == "" || strings.Contains(line, "dbus") || strings.Contains(line, "D-Bus") ||
			strings.HasSuffix(line, "unexpected operator") { // Debian launcher's `[` bug
			continue
		}
		if len(line) > 300 {
			i := 300
			for i > 0 && !utf8.RuneStart(line[i]) {
				i--
			}
			line = line[:i] + "…"
		}
		keep = append(keep, line)
	}
	if len(keep) > n {
		keep = keep[len(keep)-n:]
	}
	return strings.Join(keep, "\n")
}

// tailBuffer keeps the last 64 KiB written to it.
type tailBuffer struct{ bytes.Buffer }

const tailMax = 64 << 10

func (t *tailBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) > tailMax {
		p = p[len(p)-tailMax:]
	}
	if over := t.Len() + len(p) - tailMax; over > 0 {
		t.Next(over)
	}
	t.Buffer.Write(p)
	return n, nil
}
