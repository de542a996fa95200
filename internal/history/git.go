package history

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// git runs the git command line in one directory.
type git struct {
	exe string // path of the git executable
	dir string // working directory
}

// baseArgs are given to every command: they make the output independent
// of the user's configuration where that would change what is parsed.
var baseArgs = []string{"-c", "log.showRoot=true", "-c", "log.follow=false", "-c", "core.quotePath=false", "-c", "log.showSignature=false"}

func (g git) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, g.exe, append(append([]string{}, baseArgs...), args...)...)
	cmd.Dir = g.dir
	return cmd
}

// output runs git and returns its standard output. A failure carries the
// first line of git's standard error.
func (g git) output(ctx context.Context, args ...string) ([]byte, error) {
	cmd := g.command(ctx, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return nil, &gitError{args: args, msg: msg}
	}
	return out, nil
}

type gitError struct {
	args []string
	msg  string
}

func (e *gitError) Error() string { return "git " + e.args[0] + ": " + e.msg }

// repoInfo is what `git rev-parse` says about the content folder.
type repoInfo struct {
	top     string // work tree root
	prefix  string // content folder relative to top, with a trailing / (or "")
	shallow bool
}

func (g git) repo(ctx context.Context) (repoInfo, error) {
	out, err := g.output(ctx, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository")
	if err != nil {
		return repoInfo{}, err
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != 3 {
		return repoInfo{}, fmt.Errorf("git rev-parse: unexpected output %q", out)
	}
	return repoInfo{top: lines[0], prefix: lines[1], shallow: lines[2] == "true"}, nil
}

// commit is one commit of the log with its changes to the content folder
// (compared with its first parent).
type commit struct {
	hash    string
	parents []string
	date    time.Time
	subject string
	changes []fileChange
	index   int // position in the log (0 = the tip)
}

// fileChange is one line of `git log --raw`. Paths are relative to the
// content folder; oldPath is "" for an addition and newPath for a deletion.
type fileChange struct {
	status           byte // A, M, D, R, C or T
	oldBlob, newBlob string
	oldPath, newPath string
}

// logFormat starts each commit with \x01 and separates its fields with
// \x02: hash and parents, author date (strict ISO 8601), subject.
const logFormat = "%x01%H %P%x02%aI%x02%s"

// log reads the whole history of rev restricted to the content folder, in
// one process: every commit reachable from rev (so merged branches can be
// described), each with its raw changes against its first parent.
func (g git) log(ctx context.Context, rev, prefix string) ([]*commit, error) {
	out, err := g.output(ctx, "log", "-z", "--raw", "--no-abbrev", "-M", "--no-relative",
		"--diff-merges=first-parent", "--full-history", "--sparse", "--topo-order",
		"--no-color", "--encoding=UTF-8", "--format="+logFormat, rev, "--", ".")
	if err != nil {
		return nil, err
	}
	return parseLog(out, prefix)
}

// parseLog parses the output of [git.log]. Paths outside prefix (which
// only happen when rename detection pairs a path outside the folder) are
// treated as absent.
func parseLog(out []byte, prefix string) ([]*commit, error) {
	toks := bytes.Split(out, []byte{0})
	var commits []*commit
	var cur *commit
	inside := func(p string) (string, bool) {
		if !strings.HasPrefix(p, prefix) {
			return "", false
		}
		return p[len(prefix):], true
	}
	for i := 0; i < len(toks); i++ {
		t := string(bytes.TrimPrefix(toks[i], []byte{'\n'}))
		switch {
		case t == "":
			continue
		case t[0] == '\x01':
			f := strings.SplitN(t[1:], "\x02", 3)
			if len(f) != 3 {
				return nil, fmt.Errorf("git log: malformed commit header %q", t)
			}
			ids := strings.Fields(f[0])
			if len(ids) == 0 {
				return nil, fmt.Errorf("git log: commit header without hash %q", t)
			}
			date, err := time.Parse(time.RFC3339, f[1])
			if err != nil {
				return nil, fmt.Errorf("git log: commit %s: %v", ids[0], err)
			}
			cur = &commit{hash: ids[0], parents: ids[1:], date: date, subject: f[2], index: len(commits)}
			commits = append(commits, cur)
		case t[0] == ':':
			f := strings.Fields(t[1:])
			if cur == nil || len(f) != 5 || f[4] == "" {
				return nil, fmt.Errorf("git log: malformed change line %q", t)
			}
			c := fileChange{status: f[4][0], oldBlob: f[2], newBlob: f[3]}
			n := 1
			if c.status == 'R' || c.status == 'C' {
				n = 2
			}
			if i+n >= len(toks) {
				return nil, fmt.Errorf("git log: change line without path %q", t)
			}
			p1 := string(toks[i+1])
			p2 := string(toks[i+n])
			i += n
			a, okA := inside(p1)
			b, okB := inside(p2)
			switch c.status {
			case 'A', 'C':
				c.status, c.newPath = 'A', b
				if !okB {
					continue
				}
			case 'D':
				c.oldPath = a
				if !okA {
					continue
				}
			case 'R':
				c.oldPath, c.newPath = a, b
				switch {
				case !okA && !okB:
					continue
				case !okA:
					c.status, c.oldPath = 'A', ""
				case !okB:
					c.status, c.newPath = 'D', ""
				}
			default: // M, T (type change), U, X: a new content at the same path
				c.status, c.oldPath, c.newPath = 'M', a, a
				if !okA {
					continue
				}
			}
			cur.changes = append(cur.changes, c)
		default:
			return nil, fmt.Errorf("git log: unexpected output %q", t)
		}
	}
	return commits, nil
}

// catBlobs reads the given blobs with one `git cat-file --batch` process
// and calls fn for each, in the order given.
func (g git) catBlobs(ctx context.Context, ids []string, fn func(id string, data []byte)) error {
	if len(ids) == 0 {
		return nil
	}
	cmd := g.command(ctx, "cat-file", "--batch")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	werr := make(chan error, 1)
	go func() {
		w := bufio.NewWriterSize(stdin, 64<<10)
		for _, id := range ids {
			if _, err := w.WriteString(id + "\n"); err != nil {
				werr <- err
				stdin.Close()
				return
			}
		}
		err := w.Flush()
		stdin.Close()
		werr <- err
	}()
	rerr := readBatch(bufio.NewReaderSize(stdout, 256<<10), ids, fn)
	if rerr != nil {
		io.Copy(io.Discard, stdout)
	}
	waitErr := cmd.Wait()
	if err := <-werr; err != nil && rerr == nil && waitErr == nil {
		rerr = err
	}
	if rerr == nil && waitErr != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rerr = fmt.Errorf("git cat-file: %v: %s", waitErr, strings.TrimSpace(stderr.String()))
	}
	return rerr
}

func readBatch(r *bufio.Reader, ids []string, fn func(id string, data []byte)) error {
	for _, id := range ids {
		header, err := r.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: reading %s: %w", id, errOrEOF(err))
		}
		f := strings.Fields(header)
		if len(f) == 2 && f[1] == "missing" {
			return fmt.Errorf("git cat-file: object %s is missing", id)
		}
		if len(f) != 3 || f[0] != id {
			return fmt.Errorf("git cat-file: unexpected header %q for %s", strings.TrimSpace(header), id)
		}
		size, err := strconv.Atoi(f[2])
		if err != nil || size < 0 {
			return fmt.Errorf("git cat-file: bad size in %q", strings.TrimSpace(header))
		}
		buf := make([]byte, size+1)
		if _, err := io.ReadFull(r, buf); err != nil {
			return fmt.Errorf("git cat-file: reading %s: %w", id, errOrEOF(err))
		}
		fn(id, buf[:size])
	}
	return nil
}

func errOrEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
