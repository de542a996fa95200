package render

import (
	"sort"
	"strconv"

	"sunlight/internal/history"
	"sunlight/internal/model"
)

// SnapshotData is a superseded version of an item.
type SnapshotData struct {
	Version      *history.Version
	Newer        *history.Version // the version that replaced it
	Current      string           // site path of the current page
	CurrentTitle string
	Unit         *model.Unit
}

// Power, Flow, Benchmark and Catalogue return the version's content when
// it is of that kind (else nil), with its unit set for display.
func (d *SnapshotData) Power() *model.Power         { p, _ := d.Entity().(*model.Power); return p }
func (d *SnapshotData) Flow() *model.Flow           { f, _ := d.Entity().(*model.Flow); return f }
func (d *SnapshotData) Benchmark() *model.Benchmark { b, _ := d.Entity().(*model.Benchmark); return b }
func (d *SnapshotData) Catalogue() *model.RiskCatalogue {
	c, _ := d.Entity().(*model.RiskCatalogue)
	return c
}

// Entity returns the version's content with its unit set for display
// (a copy: versions are shared and read-only).
func (d *SnapshotData) Entity() any {
	switch e := d.Version.Entity.(type) {
	case *model.Power:
		c := *e
		c.Unit = d.Unit
		return &c
	case *model.Flow:
		c := *e
		c.Unit = d.Unit
		return &c
	case *model.Benchmark:
		c := *e
		c.Unit = d.Unit
		return &c
	case *model.RiskCatalogue:
		c := *e
		c.Unit = d.Unit
		return &c
	}
	return nil
}

// AnnualData is a unit's page of a year's changes.
type AnnualData struct {
	Unit      *model.Unit
	Year      int
	Groups    []AnnualGroup
	Untouched []AnnualItem // items not reviewed at all in the year
	Total     int
}

// AnnualGroup is the changes of one kind (risk levels raised, …).
type AnnualGroup struct {
	Title string
	Items []AnnualItem
}

// AnnualItem is one change (or one untouched item) with its page.
type AnnualItem struct {
	Title   string
	Path    string // current page, "" when removed
	Date    string
	Subject string
	Text    string
}

// annualYears are the years with changes to a unit's files, and the
// current year, newest first.
func (r *Renderer) annualYears(u *model.Unit) []int {
	r.yearsOnce.Do(func() {
		seen := map[string]map[int]bool{}
		for _, e := range r.history.Entries() {
			unit := history.UnitOf(e.Path)
			if seen[unit] == nil {
				seen[unit] = map[int]bool{}
			}
			seen[unit][e.Version.Date.Year()] = true
		}
		r.years = map[string][]int{}
		for _, u := range r.site.Units {
			years := []int{r.site.Config.Year}
			for y := range seen[u.ID] {
				if y != r.site.Config.Year {
					years = append(years, y)
				}
			}
			sort.Sort(sort.Reverse(sort.IntSlice(years)))
			r.years[u.ID] = years
		}
	})
	return r.years[u.ID]
}

// topicOrder orders and names the groups of the annual page.
func topicOrder() []struct{ topic, title string } {
	return []struct{ topic, title string }{
		{history.TopicRiskRaised, "风险等级调高"},
		{history.TopicRiskLowered, "风险等级调低"},
		{history.TopicRiskAdded, "新增风险点"},
		{history.TopicRiskRemoved, "删除风险点"},
		{history.TopicMeasureAdded, "新增防控措施"},
		{history.TopicMeasureRemoved, "删除防控措施"},
		{history.TopicItemAdded, "新增事项"},
		{history.TopicItemCancelled, "取消事项"},
		{history.TopicItemSuspended, "暂停事项"},
		{history.TopicItemRestored, "恢复事项"},
		{history.TopicItemRemoved, "删除的文件"},
		{history.TopicBenchmark, "裁量基准修订"},
		{history.TopicOther, "其他调整"},
	}
}

// annual returns a unit's changes in a year (the annual page and the
// year-end volume show the same), computed once.
func (r *Renderer) annual(u *model.Unit, year int) *AnnualData {
	key := u.ID + "/" + strconv.Itoa(year)
	r.annualMu.Lock()
	defer r.annualMu.Unlock()
	if d, ok := r.annuals[key]; ok {
		return d
	}
	if r.annuals == nil {
		r.annuals = map[string]*AnnualData{}
	}
	d := r.computeAnnual(u, year)
	r.annuals[key] = d
	return d
}

func (r *Renderer) computeAnnual(u *model.Unit, year int) *AnnualData {
	pages := r.pages()
	d := &AnnualData{Unit: u, Year: year}
	groups := map[string][]AnnualItem{}
	for _, c := range r.history.Year(u.ID, year) {
		if c.Change.Topic == history.TopicReviewed {
			continue // review dates alone are shown by the untouched list
		}
		it := AnnualItem{Title: c.Title, Date: c.Version.Date.Format("2006-01-02"), Subject: c.Version.Subject, Text: c.Change.Text}
		if pg, ok := pages[c.Path]; ok {
			it.Path, it.Title = pg.path, pg.title
		}
		groups[c.Change.Topic] = append(groups[c.Change.Topic], it)
		d.Total++
	}
	for _, t := range topicOrder() {
		if items := groups[t.topic]; len(items) > 0 {
			d.Groups = append(d.Groups, AnnualGroup{t.title, items})
		}
	}
	for _, p := range r.history.Untouched(u.ID, year) {
		it := AnnualItem{Title: p}
		if pg, ok := pages[p]; ok {
			it.Path, it.Title = pg.path, pg.title
		}
		d.Untouched = append(d.Untouched, it)
	}
	return d
}

// revisions returns what an item page shows of its history.
func (r *Renderer) revisions(src model.Source, base string) *Revisions {
	if r.history == nil {
		return nil
	}
	fh := r.history.Files[src.File]
	if fh == nil {
		return &Revisions{Base: base, Reason: "本页内容尚未提交到版本库,暂无修订记录。"}
	}
	return &Revisions{File: fh, Base: base, Snapshot: true}
}
