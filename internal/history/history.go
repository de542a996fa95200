package history

import (
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"sunlight/internal/diag"
	"sunlight/internal/load"
	"sunlight/internal/model"
)

// Kinds of change.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// Topics classify changes for the annual review page.
const (
	TopicItemAdded      = "item-added"      // a file (item, flow, benchmark, catalogue …) appeared
	TopicItemRemoved    = "item-removed"    // a file was deleted
	TopicItemCancelled  = "item-cancelled"  // status became 取消
	TopicItemSuspended  = "item-suspended"  // status became 暂停
	TopicItemRestored   = "item-restored"   // status became 现行 again
	TopicRiskRaised     = "risk-raised"     // 风险等级 went up
	TopicRiskLowered    = "risk-lowered"    // 风险等级 went down
	TopicRiskAdded      = "risk-added"      // a risk point appeared
	TopicRiskRemoved    = "risk-removed"    // a risk point was taken out
	TopicMeasureAdded   = "measure-added"   // a 防控措施 was added
	TopicMeasureRemoved = "measure-removed" // a 防控措施 was removed
	TopicBenchmark      = "benchmark-revised"
	TopicReviewed       = "reviewed" // only the 审核日期 changed
	TopicOther          = "other"
)

// Options tune [Read].
type Options struct {
	// Git is the git executable; by default "git" is looked up in PATH.
	Git string
	// Rev is the revision whose history is read; default "HEAD".
	Rev string
}

// History is the revision history of a content folder.
type History struct {
	// Available is false when there is no history to read: the folder is
	// not in a git repository, git is missing, or nothing is committed.
	Available bool
	// Reason says, in Chinese, why history is unavailable, or warns that
	// it is incomplete (a shallow clone).
	Reason  string
	Head    string // commit read (full hash)
	Shallow bool   // the repository is a shallow clone: older history is missing
	// Files holds every content file present at Head, by path relative
	// to the content folder (as model.Source.File).
	Files map[string]*FileHistory
	// Removed holds the files deleted from the content on the way to
	// Head, newest removal first.
	Removed []*FileHistory
}

// FileHistory is the history of one file, followed across renames.
type FileHistory struct {
	Path     string    // at Head, or where it was when it was deleted
	Versions []Version // newest first
	// Removed is set for a deleted file: the commit that deleted it, with
	// one change describing the removal and no entity.
	Removed *Version
}

// Version is one committed state of a file: a commit on the first-parent
// line of Head in which the file's content or path changed.
type Version struct {
	Commit  string    // full hash
	Short   string    // first 7 hex digits
	Date    time.Time // author date, in the author's time zone
	Subject string    // first line of the commit message
	// Merged lists, for a merge commit, the subjects of the commits of the
	// merged branch that changed this file, oldest first.
	Merged []string
	Path   string // the file's path in this version
	Blob   string // git blob id of the content ("" for a removal)
	// Baseline is set on the first version of a year's risk catalogue that
	// was compared with the unit's previous catalogue (its path).
	Baseline string
	// Changes from the previous version (or, for the first one, the
	// addition of the file), in the order of the file's fields.
	Changes []Change
	// Entity is the content of this version as package load reads it
	// (*model.Power, *model.Flow, …), nil if it could not be read. It is
	// not linked: Unit and the fields package link derives are empty.
	// Versions with the same path and content share one entity: treat it
	// as read-only.
	Entity any
	// Problems are the loader's diagnostics for this version.
	Problems diag.List

	seq      int      // position of the commit on the first-parent line, from the root
	baseline *Version // the version compared with instead of the previous one
}

// Change is one field-level difference, in plain Chinese (Text).
type Change struct {
	Item  string // context: "风险点「违规审批」", "裁量阶次 2(情节一般)", or ""
	Field string // 风险等级, 防控措施, 裁量标准 …
	Old   string // "" when added
	New   string // "" when removed
	Kind  string // Added, Removed or Changed
	Topic string // Topic… constant
	Text  string // "风险点「违规审批」风险等级: 中 → 高"
}

// Title is the display name of the version's entity (see [Title]).
func (v *Version) Title() string { return Title(v.Entity) }

// Committed reports whether data (a file as read from the work tree) is
// the content of the newest version, i.e. has no uncommitted changes.
func (fh *FileHistory) Committed(data []byte) bool {
	if len(fh.Versions) == 0 {
		return false
	}
	return BlobID(data, len(fh.Versions[0].Blob)) == fh.Versions[0].Blob
}

// BlobID is the git object id of a file's content, in a repository using
// SHA-1 (idLen 40) or SHA-256 (idLen 64).
func BlobID(data []byte, idLen int) string {
	header := "blob " + strconv.Itoa(len(data)) + "\x00"
	if idLen == 64 {
		h := sha256.New()
		h.Write([]byte(header))
		h.Write(data)
		return hex.EncodeToString(h.Sum(nil))
	}
	h := sha1.New()
	h.Write([]byte(header))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func unavailable(reason string) *History {
	return &History{Reason: reason, Files: map[string]*FileHistory{}}
}

// Read reads the history of the content folder contentDir from the git
// repository it is in. When there is no repository (or no git, or no
// commit) it returns a History with Available false and a Reason, not an
// error; errors are for a repository git cannot read.
func Read(ctx context.Context, contentDir string, opt Options) (*History, error) {
	st, err := os.Stat(contentDir)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("history: %s is not a folder", contentDir)
	}
	exe := opt.Git
	if exe == "" {
		exe = "git"
	}
	if exe, err = exec.LookPath(exe); err != nil {
		return unavailable("找不到 git 命令,无法读取修订历史"), nil
	}
	rev := opt.Rev
	if rev == "" {
		rev = "HEAD"
	}
	g := git{exe: exe, dir: contentDir}
	info, err := g.repo(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var ge *gitError
		if errors.As(err, &ge) {
			return unavailable("内容目录不在 git 仓库中,没有修订历史(" + ge.msg + ")"), nil
		}
		return unavailable("无法运行 git: " + err.Error()), nil
	}
	out, err := g.output(ctx, "rev-parse", "--verify", "-q", rev+"^{commit}")
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if rev == "HEAD" {
			return unavailable("仓库中还没有任何提交,没有修订历史"), nil
		}
		return unavailable("仓库中找不到版本 " + rev), nil
	}
	head := strings.TrimSpace(string(out))
	commits, err := g.log(ctx, head, info.prefix)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("history: %w", err)
	}
	if len(commits) == 0 || commits[0].hash != head {
		return nil, fmt.Errorf("history: git log did not start at %s", head)
	}
	h := &History{Available: true, Head: head, Shallow: info.shallow, Files: map[string]*FileHistory{}}
	if info.shallow {
		h.Reason = "仓库是浅克隆,只含部分历史;较早的修订没有列出"
	}
	lines := walk(commits)
	if err := parseVersions(ctx, g, lines); err != nil {
		return nil, err
	}
	laws := lawNames(lines)
	diffAll(lines, laws)
	for _, l := range lines {
		fh := &FileHistory{Path: l.path, Removed: l.removed}
		for i := len(l.vers) - 1; i >= 0; i-- {
			fh.Versions = append(fh.Versions, *l.vers[i])
		}
		if l.removed != nil {
			h.Removed = append(h.Removed, fh)
		} else {
			h.Files[l.path] = fh
		}
	}
	sort.SliceStable(h.Removed, func(i, j int) bool {
		a, b := h.Removed[i].Removed, h.Removed[j].Removed
		if a.seq != b.seq {
			return a.seq > b.seq
		}
		return h.Removed[i].Path < h.Removed[j].Path
	})
	return h, nil
}

// lineage is one file followed through the first-parent history.
type lineage struct {
	path    string
	vers    []*Version // oldest first
	removed *Version
}

// walk replays the first-parent line of the tip (commits[0]) from the
// root, following renames, and returns every file's lineage (present and
// deleted), in order of appearance.
func walk(commits []*commit) []*lineage {
	byHash := make(map[string]*commit, len(commits))
	for _, c := range commits {
		byHash[c.hash] = c
	}
	var main []*commit
	onMain := map[string]bool{}
	for c := commits[0]; c != nil && !onMain[c.hash]; {
		main = append(main, c)
		onMain[c.hash] = true
		if len(c.parents) == 0 {
			break
		}
		c = byHash[c.parents[0]]
	}
	for i, j := 0, len(main)-1; i < j; i, j = i+1, j-1 {
		main[i], main[j] = main[j], main[i]
	}

	var all []*lineage
	byPath := map[string]*lineage{}
	claimed := map[string]bool{}
	for seq, c := range main {
		side := sideCommits(c, byHash, onMain, claimed)
		version := func(p, blob string, touched ...string) *Version {
			v := &Version{Commit: c.hash, Short: short(c.hash), Date: c.date, Subject: c.subject, Path: p, Blob: blob, seq: seq}
			for _, s := range side {
				if touches(s, touched) {
					v.Merged = append(v.Merged, s.subject)
				}
			}
			return v
		}
		var renamed []fileChange
		var gone []*lineage
		for _, ch := range c.changes {
			switch ch.status {
			case 'D':
				if l := byPath[ch.oldPath]; l != nil {
					delete(byPath, ch.oldPath)
					l.removed = version(ch.oldPath, "", ch.oldPath)
					gone = append(gone, l)
				}
			case 'R':
				renamed = append(renamed, ch)
			}
		}
		moved := map[string]*lineage{}
		for _, ch := range renamed {
			if l := byPath[ch.oldPath]; l != nil {
				delete(byPath, ch.oldPath)
				moved[ch.newPath] = l
			}
		}
		var fresh []*lineage
		for _, ch := range c.changes {
			var l *lineage
			switch ch.status {
			case 'R':
				l = moved[ch.newPath]
			case 'A', 'M':
				l = byPath[ch.newPath]
			default:
				continue
			}
			if l == nil {
				l = &lineage{}
				all = append(all, l)
				fresh = append(fresh, l)
			} else if n := len(l.vers); n > 0 && l.vers[n-1].Blob == ch.newBlob && l.path == ch.newPath {
				continue // mode change only
			}
			l.path = ch.newPath
			byPath[ch.newPath] = l
			l.vers = append(l.vers, version(ch.newPath, ch.newBlob, ch.oldPath, ch.newPath))
		}
		for _, l := range fresh {
			if b := previousCatalogue(l.path, byPath, gone); b != nil {
				v := l.vers[0]
				v.baseline = b.vers[len(b.vers)-1]
				v.Baseline = b.path
			}
		}
	}
	return all
}

func short(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}

// sideCommits returns the commits a merge on the first-parent line brought
// in (reachable from its other parents, not from the line or an earlier
// merge), oldest first.
func sideCommits(m *commit, byHash map[string]*commit, onMain, claimed map[string]bool) []*commit {
	if len(m.parents) < 2 {
		return nil
	}
	var side []*commit
	stack := append([]string{}, m.parents[1:]...)
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c := byHash[h]
		if c == nil || onMain[h] || claimed[h] {
			continue
		}
		claimed[h] = true
		side = append(side, c)
		stack = append(stack, c.parents...)
	}
	sort.Slice(side, func(i, j int) bool { return side[i].index > side[j].index })
	return side
}

func touches(c *commit, paths []string) bool {
	for _, ch := range c.changes {
		for _, p := range paths {
			if p != "" && (ch.oldPath == p || ch.newPath == p) {
				return true
			}
		}
	}
	return false
}

// previousCatalogue finds, for a new units/<u>/risks/<year>.toml, the
// unit's catalogue of the latest earlier year present in the same commit
// (or deleted by it).
func previousCatalogue(p string, byPath map[string]*lineage, gone []*lineage) *lineage {
	unit, year, ok := catalogueYear(p)
	if !ok {
		return nil
	}
	var best *lineage
	bestYear := 0
	consider := func(l *lineage) {
		u, y, ok := catalogueYear(l.path)
		if ok && u == unit && y < year && y > bestYear && len(l.vers) > 0 {
			best, bestYear = l, y
		}
	}
	for _, l := range byPath {
		consider(l)
	}
	for _, l := range gone {
		consider(l)
	}
	return best
}

func catalogueYear(p string) (unit string, year int, ok bool) {
	parts := strings.Split(p, "/")
	if len(parts) != 4 || parts[0] != "units" || parts[2] != "risks" || path.Ext(parts[3]) != ".toml" {
		return "", 0, false
	}
	y, err := strconv.Atoi(strings.TrimSuffix(parts[3], ".toml"))
	if err != nil {
		return "", 0, false
	}
	return parts[1], y, true
}

// parseVersions reads every version's blob (one cat-file process) and
// parses it with package load, in parallel.
func parseVersions(ctx context.Context, g git, lines []*lineage) error {
	type target struct {
		path string
		vers []*Version
	}
	byBlob := map[string][]*target{}
	var order []string
	for _, l := range lines {
		for _, v := range l.vers {
			ts, seen := byBlob[v.Blob]
			if !seen {
				order = append(order, v.Blob)
			}
			found := false
			for _, t := range ts {
				if t.path == v.Path {
					t.vers, found = append(t.vers, v), true
				}
			}
			if !found {
				byBlob[v.Blob] = append(ts, &target{path: v.Path, vers: []*Version{v}})
			}
		}
	}
	type job struct {
		data    []byte
		targets []*target
	}
	jobs := make(chan job, 64)
	parser := load.NewParser()
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				for _, t := range j.targets {
					e, problems := parser.Parse(t.path, j.data)
					for _, v := range t.vers {
						v.Entity, v.Problems = e, problems
					}
				}
			}
		}()
	}
	err := g.catBlobs(ctx, order, func(id string, data []byte) {
		jobs <- job{data: data, targets: byBlob[id]}
	})
	close(jobs)
	wg.Wait()
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("history: %w", err)
	}
	return nil
}

// lawNames maps law ids to the short names of their newest versions.
func lawNames(lines []*lineage) map[string]string {
	names := map[string]string{}
	for _, l := range lines {
		if n := len(l.vers); n > 0 {
			if law, ok := l.vers[n-1].Entity.(*model.Law); ok {
				names[law.ID] = law.Name()
			}
		}
	}
	return names
}

// diffAll fills in the changes of every version.
func diffAll(lines []*lineage, laws map[string]string) {
	for _, l := range lines {
		var prev *Version // the newest earlier version that could be read
		for i, v := range l.vers {
			v.Changes = versionChanges(l.vers, i, prev, laws)
			if v.Entity != nil {
				prev = v
			}
		}
		if r := l.removed; r != nil {
			label := kindLabel(r.Path)
			title := Title(lastEntity(l.vers))
			if title == "" {
				title = r.Path
			}
			r.Changes = []Change{{Field: label, Old: title, Kind: Removed, Topic: TopicItemRemoved, Text: "删除" + label + ": " + title}}
		}
	}
}

func lastEntity(vs []*Version) any {
	for i := len(vs) - 1; i >= 0; i-- {
		if vs[i].Entity != nil {
			return vs[i].Entity
		}
	}
	return nil
}

func versionChanges(vs []*Version, i int, prev *Version, laws map[string]string) []Change {
	v := vs[i]
	var out []Change
	if i > 0 && vs[i-1].Path != v.Path {
		out = append(out, Change{Field: "文件", Old: vs[i-1].Path, New: v.Path, Kind: Changed, Topic: TopicOther,
			Text: "文件: " + vs[i-1].Path + " → " + v.Path})
	}
	label := kindLabel(v.Path)
	switch {
	case v.Entity == nil:
		return append(out, Change{Field: "内容", Kind: Changed, Topic: TopicOther, Text: "此版本内容有错误,无法逐项比较"})
	case i == 0 && v.baseline != nil && v.baseline.Entity != nil:
		title := Title(v.Entity)
		out = append(out, Change{Field: label, New: title, Kind: Added, Topic: TopicItemAdded,
			Text: "新增" + label + ": " + title + "(与 " + Title(v.baseline.Entity) + " 比较)"})
		return append(out, diffEntities(laws, v.baseline.Entity, v.Entity, true)...)
	case i == 0:
		title := Title(v.Entity)
		return append(out, Change{Field: label, New: title, Kind: Added, Topic: TopicItemAdded, Text: "新增" + label + ": " + title})
	case prev == nil:
		return append(out, Change{Field: "内容", Kind: Changed, Topic: TopicOther, Text: "内容已修改(以前的版本有错误,无法逐项比较)"})
	}
	cs := diffEntities(laws, prev.Entity, v.Entity, false)
	if len(cs) == 0 && len(out) == 0 {
		cs = []Change{{Field: "格式", Kind: Changed, Topic: TopicOther, Text: "公开内容未变(仅调整格式或注释)"}}
	}
	return append(out, cs...)
}

// Entry is one version of one file, for a change feed.
type Entry struct {
	Path    string   // the file's path at Head (or when deleted)
	Version *Version // the version (or the removal)
	Removed bool     // Version is the file's deletion
}

// Entries lists every version of every file, and every deletion, newest
// first (in first-parent order, then by path).
func (h *History) Entries() []Entry {
	var out []Entry
	add := func(fh *FileHistory) {
		for i := range fh.Versions {
			out = append(out, Entry{Path: fh.Path, Version: &fh.Versions[i]})
		}
		if fh.Removed != nil {
			out = append(out, Entry{Path: fh.Path, Version: fh.Removed, Removed: true})
		}
	}
	for _, fh := range h.Files {
		add(fh)
	}
	for _, fh := range h.Removed {
		add(fh)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Version.seq != b.Version.seq {
			return a.Version.seq > b.Version.seq
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return !a.Removed && b.Removed
	})
	return out
}

// YearChange is one change made in a year, for the annual review page.
type YearChange struct {
	Path    string   // file path at Head (or when deleted)
	Title   string   // entity name in that version (the last one, for a removal)
	Version *Version // the commit that made it
	Change  Change
}

// UnitOf is the unit id of a content path (units/<unit>/…), or "".
func UnitOf(p string) string {
	parts := strings.Split(p, "/")
	if len(parts) >= 3 && parts[0] == "units" {
		return parts[1]
	}
	return ""
}

// Year lists every change made in year to the files of a unit (all files
// when unit is ""): oldest commit first, then by path, each version's
// changes in order. A change belongs to the year of its
// version's author date, in the author's time zone.
func (h *History) Year(unit string, year int) []YearChange {
	entries := h.Entries()
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Version.seq < entries[j].Version.seq })
	var out []YearChange
	for _, e := range entries {
		if (unit != "" && UnitOf(e.Path) != unit) || e.Version.Date.Year() != year {
			continue
		}
		title := e.Version.Title()
		if e.Removed && len(e.Version.Changes) > 0 {
			title = e.Version.Changes[0].Old
		}
		for _, c := range e.Version.Changes {
			out = append(out, YearChange{Path: e.Path, Title: title, Version: e.Version, Change: c})
		}
	}
	return out
}

// Untouched lists, sorted, the paths at Head of a unit's power items,
// flows and benchmarks that existed by the end of year and have no version
// dated in that year: the items not reviewed at all. Items whose status
// was 取消 at the end of the year are left out.
func (h *History) Untouched(unit string, year int) []string {
	var out []string
	for p, fh := range h.Files {
		parts := strings.Split(p, "/")
		if len(parts) != 4 || parts[0] != "units" || parts[1] != unit ||
			(parts[2] != "powers" && parts[2] != "flows" && parts[2] != "benchmarks") {
			continue
		}
		var atEnd *Version // newest version dated in or before year
		touched := false
		for i := range fh.Versions {
			v := &fh.Versions[i]
			y := v.Date.Year()
			if y == year {
				touched = true
			}
			if y <= year && atEnd == nil {
				atEnd = v
			}
		}
		if touched || atEnd == nil {
			continue
		}
		if pw, ok := atEnd.Entity.(*model.Power); ok && pw.Status == "取消" {
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
