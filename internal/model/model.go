package model

import "sunlight/internal/diag"

// Source records where an entity was written: the file (relative to the
// content root, with /) and the line where its TOML starts (1 for plain
// TOML files, 2 for front matter after the opening +++). Package load can
// map a key path inside it back to a line and column.
type Source struct {
	File string
	Line int
}

// Pos returns the position of the start of the entity.
func (s Source) Pos() diag.Position { return diag.Position{File: s.File, Line: max(s.Line, 1), Col: 1} }

// Site is the whole linked portal.
type Site struct {
	Config Config
	Laws   []*Law  // sorted by ID
	Units  []*Unit // sorted by Order, then ID
	Pages  []*Page // sorted by Weight, then Slug

	// Derived by package link.
	LawByID  map[string]*Law
	UnitByID map[string]*Unit
}

// Config is content/site.toml: the portal's identity and the elements that
// government-website inspections look for.
type Config struct {
	Title          string   `toml:"title"`         // 网站名称
	Region         string   `toml:"region"`        // 示范县
	Organiser      string   `toml:"organiser"`     // 主办单位
	Undertaker     string   `toml:"undertaker"`    // 承办单位
	SiteCode       string   `toml:"site_code"`     // 网站标识码
	ICP            string   `toml:"icp"`           // ICP备案号
	ICPURL         string   `toml:"icp_url"`       // registry link for the ICP number
	PoliceRecord   string   `toml:"police_record"` // 公安备案号
	PoliceURL      string   `toml:"police_url"`    // registry link for the 公安备案号
	Phone          string   `toml:"phone"`         // 联系电话
	Email          string   `toml:"email"`         // 联系邮箱
	Address        string   `toml:"address"`       // 联系地址
	BaseURL        string   `toml:"base_url"`      // https://example.gov.cn/lzfk/
	Year           int      `toml:"year"`          // current annual review cycle
	Description    string   `toml:"description"`   // one paragraph for the home page and <meta>
	Keywords       []string `toml:"keywords"`
	ErrorReportURL string   `toml:"error_report_url"` // 我为政府网站找错
	Supervision    string   `toml:"supervision"`      // county-level 监督举报 text
	SupervisePhone string   `toml:"supervise_phone"`  // 县纪委监委举报电话
	SuperviseURL   string   `toml:"supervise_url"`    // 举报网站
	MinTiers       int      `toml:"min_tiers"`        // minimum tiers per benchmark (default 3)
	// NoPrint turns off the print pages (year-end volumes, notice-board
	// posters), e.g. for a province-sized portal that prints elsewhere.
	NoPrint bool `toml:"no_print"`

	PIIAllow []string `toml:"pii_allow"` // official numbers and addresses that may be published
	Src      Source   `toml:"-"`
}

// Law is one statute in the shared registry (content/laws/<id>.toml).
type Law struct {
	ID        string    `toml:"-"` // file name without .toml
	Title     string    `toml:"title"`
	Short     string    `toml:"short"`
	Level     string    `toml:"level"`
	Issuer    string    `toml:"issuer"`
	DocNo     string    `toml:"doc_no"`
	Adopted   Date      `toml:"adopted"`
	Revised   []Date    `toml:"revised"`
	Effective Date      `toml:"effective"`
	Status    string    `toml:"status"`
	Articles  []Article `toml:"articles"`
	Src       Source    `toml:"-"`

	// Derived by package link.
	CitedBy []*Power
}

// Name is the short title if given, else the full title.
func (l *Law) Name() string {
	if l.Short != "" {
		return l.Short
	}
	return l.Title
}

// Article is one article of a law.
type Article struct {
	Number string `toml:"number"` // 第三十四条
	Text   string `toml:"text"`
}

// LegalRef cites a law (by registry id) and an article.
type LegalRef struct {
	Law     string `toml:"law"`
	Article string `toml:"article"`
	Role    string `toml:"role"`
	Quote   string `toml:"quote"`

	// Derived by package link.
	LawRef *Law `toml:"-"`
}

// Leader is a unit leader shown on the unit page (public officials only).
type Leader struct {
	Name   string `toml:"name"`
	Title  string `toml:"title"`
	Duties string `toml:"duties"`
}

// Unit is one publishing body (content/units/<id>/unit.toml) with
// everything in its folder.
type Unit struct {
	ID             string   `toml:"-"`
	Name           string   `toml:"name"`
	Short          string   `toml:"short"`
	Type           string   `toml:"type"`
	DivisionCode   string   `toml:"division_code"`
	Parent         string   `toml:"parent"`
	Order          int      `toml:"order"`
	CreditCode     string   `toml:"credit_code"`
	Address        string   `toml:"address"`
	OfficeHours    string   `toml:"office_hours"`
	Phone          string   `toml:"phone"`
	SupervisePhone string   `toml:"supervise_phone"`
	ComplaintEmail string   `toml:"complaint_email"`
	ComplaintURL   string   `toml:"complaint_url"`
	Functions      string   `toml:"functions"`
	Offices        []string `toml:"offices"`
	Leaders        []Leader `toml:"leaders"`
	Published      Date     `toml:"published"`
	Reviewed       Date     `toml:"reviewed"`
	PIIAllow       []string `toml:"pii_allow"` // official numbers and addresses that may be published
	Src            Source   `toml:"-"`

	Powers     []*Power         `toml:"-"` // sorted by category order, then code
	Flows      []*Flow          `toml:"-"` // sorted by ID
	Benchmarks []*Benchmark     `toml:"-"` // sorted by ID
	Risks      []*RiskCatalogue `toml:"-"` // sorted by year, newest first

	// Derived by package link.
	ParentRef *Unit   `toml:"-"`
	Children  []*Unit `toml:"-"`
}

// DisplayName is the short name if given, else the full name.
func (u *Unit) DisplayName() string {
	if u.Short != "" {
		return u.Short
	}
	return u.Name
}

// TimeLimit is a power item's 办理时限.
type TimeLimit struct {
	StatutoryDays int    `toml:"statutory_days"` // 法定时限
	PromisedDays  int    `toml:"promised_days"`  // 承诺时限
	Unit          string `toml:"unit"`           // 工作日 | 自然日
	Note          string `toml:"note"`
}

// Fee is a power item's 收费 statement.
type Fee struct {
	Charged  bool   `toml:"charged"`
	Standard string `toml:"standard"`
	Basis    string `toml:"basis"`
}

// Responsibility is a 责任事项 for one stage of the flow.
type Responsibility struct {
	Step    string `toml:"step"`
	Content string `toml:"content"`
}

// Accountability is a 追责情形.
type Accountability struct {
	Situation string     `toml:"situation"`
	Basis     []LegalRef `toml:"basis"`
}

// RiskPoint is a 廉政风险点 attached to a stage of a power's flow.
type RiskPoint struct {
	Step        string   `toml:"step"`
	Description string   `toml:"description"`
	Level       string   `toml:"level"` // 高 | 中 | 低 after normalisation
	Category    string   `toml:"category"`
	Measures    []string `toml:"measures"`
	Owner       string   `toml:"owner"` // responsible post, never a private person
}

// Power is one power item (权责清单 entry):
// content/units/<unit>/powers/<file>.md, TOML front matter plus a Markdown body.
type Power struct {
	Code             string           `toml:"code"`
	Name             string           `toml:"name"`
	SubName          string           `toml:"sub_name"`
	Category         string           `toml:"category"` // code after normalisation: XK, CF, …
	Subject          string           `toml:"subject"`
	Office           string           `toml:"office"`
	Level            string           `toml:"level"`
	Mode             string           `toml:"mode"`
	Status           string           `toml:"status"`
	ServiceObject    string           `toml:"service_object"`
	Basis            []LegalRef       `toml:"basis"`
	TimeLimit        TimeLimit        `toml:"time_limit"`
	Fee              *Fee             `toml:"fee"` // nil when no fee statement was written
	Flow             string           `toml:"flow"`
	Benchmark        string           `toml:"benchmark"`
	Responsibilities []Responsibility `toml:"responsibilities"`
	Accountabilities []Accountability `toml:"accountabilities"`
	Risks            []RiskPoint      `toml:"risks"`
	Materials        []string         `toml:"materials"`
	Conditions       []string         `toml:"conditions"`
	Published        Date             `toml:"published"`
	Reviewed         Date             `toml:"reviewed"`
	Effective        Date             `toml:"effective"`

	Body     string   `toml:"-"` // Markdown, with the front matter replaced by blank lines
	Unit     *Unit    `toml:"-"`
	PIIAllow []string `toml:"pii_allow"` // official numbers and addresses that may be published
	Src      Source   `toml:"-"`

	// Derived by package link.
	FlowRef      *Flow      `toml:"-"`
	BenchmarkRef *Benchmark `toml:"-"`
}

// CategoryInfo returns the power's category.
func (p *Power) CategoryInfo() Category {
	c, _ := CategoryByName(p.Category)
	return c
}

// SubjectName is the implementing body (实施主体): Subject, or the unit's
// name when none is given.
func (p *Power) SubjectName() string {
	if p.Subject == "" && p.Unit != nil {
		return p.Unit.Name
	}
	return p.Subject
}

// FullName is the name with the sub-item, if any.
func (p *Power) FullName() string {
	if p.SubName != "" && p.SubName != p.Name {
		return p.Name + "(" + p.SubName + ")"
	}
	return p.Name
}

// Edge is an outgoing edge of a flow step. In TOML it is written either as a
// plain step id or as an inline table {to = "…", label = "…"}.
type Edge struct {
	To    string
	Label string
}

// UnmarshalTOML accepts "id" or {to = "id", label = "…"}.
func (e *Edge) UnmarshalTOML(v any) error {
	switch t := v.(type) {
	case string:
		e.To = t
		return nil
	case map[string]any:
		for k, val := range t {
			s, ok := val.(string)
			if !ok {
				return errorf("流程连线的 %s 必须是字符串", k)
			}
			switch k {
			case "to":
				e.To = s
			case "label":
				e.Label = s
			default:
				return errorf("流程连线不认识的键 %q(只允许 to、label)", k)
			}
		}
		if e.To == "" {
			return errorf("流程连线缺少 to")
		}
		return nil
	}
	return errorf("流程连线必须是步骤 id 字符串或 {to = \"…\", label = \"…\"}")
}

// Step is one stage of a flow.
type Step struct {
	ID       string      `toml:"id"`
	Name     string      `toml:"name"`
	Kind     string      `toml:"kind"` // start | step | decision | end
	Post     string      `toml:"post"`
	Days     int         `toml:"days"`
	DayUnit  string      `toml:"day_unit"`
	TimeNote string      `toml:"time_note"`
	Basis    string      `toml:"basis"`
	Next     []Edge      `toml:"next"`
	Risks    []RiskPoint `toml:"risks"`
}

// TimeText formats the step's time limit, e.g. "5个工作日".
func (s Step) TimeText() string {
	if s.TimeNote != "" {
		return s.TimeNote
	}
	if s.Days <= 0 {
		return ""
	}
	u := s.DayUnit
	if u == "" {
		u = "工作日"
	}
	if u == "工作日" {
		return itoa(s.Days) + "个工作日"
	}
	return itoa(s.Days) + "日"
}

// Flow is a 权力运行流程图 (content/units/<unit>/flows/<id>.toml), reusable
// by many power items of its unit.
type Flow struct {
	ID        string   `toml:"-"`
	Name      string   `toml:"name"`
	Category  string   `toml:"category"`
	Template  string   `toml:"template"` // start from a standard template, e.g. "行政许可"
	Note      string   `toml:"note"`
	Steps     []Step   `toml:"steps"`
	Published Date     `toml:"published"`
	Reviewed  Date     `toml:"reviewed"`
	Unit      *Unit    `toml:"-"`
	PIIAllow  []string `toml:"pii_allow"` // official numbers and addresses that may be published
	Src       Source   `toml:"-"`

	// Derived by package link.
	UsedBy    []*Power `toml:"-"`
	Resolved  []Step   `toml:"-"` // steps after applying the template; see Effective
	Synthetic bool     `toml:"-"` // made by link for flow = "template:…"
}

// Effective returns the flow's steps as published: the template's steps
// with the authored ones overriding them, or just the authored steps.
func (f *Flow) Effective() []Step {
	if f.Resolved != nil {
		return f.Resolved
	}
	return f.Steps
}

// Tier is one 裁量阶次 of a benchmark.
type Tier struct {
	Label      string   `toml:"label"` // 情节较轻
	Kind       string   `toml:"kind"`  // TierKinds
	Conditions []string `toml:"conditions"`
	Standard   string   `toml:"standard"` // 裁量标准, verbatim
	// Penalties, when given, replace what the fine parser reads from
	// Standard (an author's override for text it cannot read).
	Penalties []Penalty `toml:"penalties"`
}

// Penalty is one penalty of a tier as structured data: type (罚款, 警告,
// 没收违法所得 …), target (单位, 个人 or empty), range and unit (元, 倍,
// %, 日) with the base a multiple applies to (违法所得 …).
type Penalty struct {
	Type   string   `toml:"type"`
	Target string   `toml:"target"`
	Min    *float64 `toml:"min"`
	Max    *float64 `toml:"max"`
	Unit   string   `toml:"unit"`
	Base   string   `toml:"base"`
}

// Violation is one 违法行为 of a benchmark with its tiers.
type Violation struct {
	No           string     `toml:"no"`
	Name         string     `toml:"name"`
	Violated     []LegalRef `toml:"violated"`
	PenaltyBasis []LegalRef `toml:"penalty_basis"`
	Statutory    string     `toml:"statutory"` // the statute's own penalty range text
	Tiers        []Tier     `toml:"tiers"`
	Remarks      string     `toml:"remarks"`
}

// Benchmark is a 行政处罚裁量基准 (content/units/<unit>/benchmarks/<id>.toml).
type Benchmark struct {
	ID         string      `toml:"-"`
	Title      string      `toml:"title"`
	Issuer     string      `toml:"issuer"`
	DocNo      string      `toml:"doc_no"`
	Style      string      `toml:"style"`
	Source     string      `toml:"source"` // upstream benchmark "unit/id" this one adopts
	Effective  Date        `toml:"effective"`
	Expires    Date        `toml:"expires"`
	Published  Date        `toml:"published"`
	Reviewed   Date        `toml:"reviewed"`
	Violations []Violation `toml:"violations"`
	Unit       *Unit       `toml:"-"`
	PIIAllow   []string    `toml:"pii_allow"` // official numbers and addresses that may be published
	Src        Source      `toml:"-"`

	// Derived by package link.
	SourceRef *Benchmark `toml:"-"`
	UsedBy    []*Power   `toml:"-"`
}

// RiskItem is one row of a unit's risk catalogue.
type RiskItem struct {
	ObjectType    string   `toml:"object_type"` // 重点对象 | 重点领域 | 关键岗位
	Object        string   `toml:"object"`
	Category      string   `toml:"category"`
	Risk          string   `toml:"risk"`          // 风险点
	Manifestation string   `toml:"manifestation"` // 表现形式
	Level         string   `toml:"level"`
	Measures      []string `toml:"measures"`
	Owner         string   `toml:"owner"`  // 责任部门/岗位
	Leader        string   `toml:"leader"` // 责任领导 (a post)
}

// RiskCatalogue is a unit's 廉政风险防控目录 for one year
// (content/units/<unit>/risks/<year>.toml).
type RiskCatalogue struct {
	Year      int        `toml:"year"`
	Title     string     `toml:"title"`
	Published Date       `toml:"published"`
	Reviewed  Date       `toml:"reviewed"`
	Items     []RiskItem `toml:"items"`
	Unit      *Unit      `toml:"-"`
	PIIAllow  []string   `toml:"pii_allow"` // official numbers and addresses that may be published
	Src       Source     `toml:"-"`
}

// Page is a free page (content/pages/<slug>.md).
type Page struct {
	Slug      string   `toml:"-"`
	Title     string   `toml:"title"`
	Summary   string   `toml:"summary"`
	Weight    int      `toml:"weight"`
	Published Date     `toml:"published"`
	Reviewed  Date     `toml:"reviewed"`
	Body      string   `toml:"-"`
	PIIAllow  []string `toml:"pii_allow"` // official numbers and addresses that may be published
	Src       Source   `toml:"-"`
}
