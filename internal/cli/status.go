package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// status is a one-line display of a long command's progress, for a
// person watching a terminal: each update overwrites the line, at most
// once per interval, and clear removes it before anything else is
// printed. When stderr is not a terminal (a log file, a pipe, CI) it
// prints nothing, so logs hold only the results.
type status struct {
	w        io.Writer // nil: not a terminal
	now      func() time.Time
	interval time.Duration

	mu    sync.Mutex
	last  time.Time
	shown bool
}

// statusInterval is how often the line may change: often enough to look
// alive, seldom enough not to cost the build anything.
const statusInterval = 200 * time.Millisecond

// newStatus returns a status line on w, which shows only if w is a
// terminal.
func newStatus(w io.Writer) *status {
	s := &status{now: time.Now, interval: statusInterval}
	if isTerminal(w) {
		s.w = w
	}
	return s
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// show replaces the line with the formatted text, unless the line changed
// less than an interval ago; force shows it anyway (a new stage, the last
// page). Safe for concurrent use.
func (s *status) show(force bool, format string, args ...any) {
	if s.w == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.now()
	if !force && s.shown && t.Sub(s.last) < s.interval {
		return
	}
	s.last, s.shown = t, true
	fmt.Fprintf(s.w, "\r\033[K"+format, args...)
}

// clear removes the line, if one is shown.
func (s *status) clear() {
	if s.w == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shown {
		fmt.Fprint(s.w, "\r\033[K")
		s.shown = false
	}
}
