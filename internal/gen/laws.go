package gen

import (
	_ "embed"
	"strings"
	"sync"
)

// lawMeta describes one statute of the generated law registry. The article
// texts come from laws.txt (see lawsText).
type lawMeta struct {
	ID        string // registry id, file name of laws/<id>.toml
	File      string // source file under /work/shared/domain/laws (for the update test)
	Title     string
	Short     string
	Level     string
	Issuer    string
	DocNo     string
	Adopted   string
	Revised   []string
	Effective string
	// Select lists the articles embedded, as numbers or ranges of numbers
	// ("76-83"). Every article a template cites must be in it (tested).
	Select string
}

// Law ids used by the templates.
const (
	lawCF = "xingzheng-chufa-fa"
	lawXK = "xingzheng-xuke-fa"
	lawQZ = "xingzheng-qiangzhi-fa"
	lawTD = "tudi-guanli-fa"
	lawGH = "chengxiang-guihua-fa"
	lawDQ = "daqi-wuran-fangzhi-fa"
	lawCZ = "cunzhuang-jizhen-guihua-tiaoli"
	lawGK = "zhengfu-xinxi-gongkai-tiaoli"
	lawZW = "gongzhi-renyuan-zhengwu-chufen-fa"
)

var laws = []lawMeta{
	{ID: lawGH, File: "城乡规划法(2019-04-23).md", Title: "中华人民共和国城乡规划法", Short: "城乡规划法", Level: "法律",
		Issuer: "全国人民代表大会常务委员会", DocNo: "中华人民共和国主席令第二十九号", Adopted: "2007-10-28",
		Revised: []string{"2015-04-24", "2019-04-23"}, Effective: "2019-04-23",
		Select: "9,37-38,40-41,43-45,53-54,60,62-68"},
	{ID: lawCZ, File: "村庄和集镇规划建设管理条例(1993-06-29).md", Title: "村庄和集镇规划建设管理条例", Level: "行政法规",
		Issuer: "国务院", DocNo: "中华人民共和国国务院令第116号", Adopted: "1993-06-29", Effective: "1993-11-01",
		Select: "18-21,32-33,36-40,43"},
	{ID: lawDQ, File: "大气污染防治法(2018-10-26).md", Title: "中华人民共和国大气污染防治法", Short: "大气污染防治法", Level: "法律",
		Issuer: "全国人民代表大会常务委员会", DocNo: "中华人民共和国主席令第十六号", Adopted: "1987-09-05",
		Revised: []string{"1995-08-29", "2000-04-29", "2015-08-29", "2018-10-26"}, Effective: "2018-10-26",
		Select: "18-20,24,26,29-31,35,38-40,44-49,54,59,65,69-70,72,77,80-82,84,96,98-108,110,112,114-123,126"},
	{ID: lawTD, File: "土地管理法(2019-08-26).md", Title: "中华人民共和国土地管理法", Short: "土地管理法", Level: "法律",
		Issuer: "全国人民代表大会常务委员会", DocNo: "中华人民共和国主席令第三十二号", Adopted: "1986-06-25",
		Revised: []string{"1988-12-29", "1998-08-29", "2004-08-28", "2019-08-26"}, Effective: "2020-01-01",
		Select: "8,12,14,37-38,43-44,47-49,57,59,61-62,67-70,74-84"},
	{ID: lawCF, File: "行政处罚法(2021-01-22).md", Title: "中华人民共和国行政处罚法", Short: "行政处罚法", Level: "法律",
		Issuer: "全国人民代表大会", DocNo: "中华人民共和国主席令第七十号", Adopted: "1996-03-17",
		Revised: []string{"2009-08-27", "2017-09-01", "2021-01-22"}, Effective: "2021-07-15",
		Select: "9,32-34,39,42-45,47,51-52,54-65,67-68,72,76-83,85"},
	{ID: lawQZ, File: "行政强制法(2011-06-30).md", Title: "中华人民共和国行政强制法", Short: "行政强制法", Level: "法律",
		Issuer: "全国人民代表大会常务委员会", DocNo: "中华人民共和国主席令第四十九号", Adopted: "2011-06-30", Effective: "2012-01-01",
		Select: "9,18-28,34-38,44-45,50,53,61-64"},
	{ID: lawXK, File: "行政许可法(2019-04-23).md", Title: "中华人民共和国行政许可法", Short: "行政许可法", Level: "法律",
		Issuer: "全国人民代表大会常务委员会", DocNo: "中华人民共和国主席令第二十九号", Adopted: "2003-08-27",
		Revised: []string{"2019-04-23"}, Effective: "2019-04-23",
		Select: "29-34,36-38,40,42,44-48,50,58,61,72-82"},
	{ID: lawGK, File: "政府信息公开条例(2019-04-03).md", Title: "中华人民共和国政府信息公开条例", Short: "政府信息公开条例", Level: "行政法规",
		Issuer: "国务院", DocNo: "中华人民共和国国务院令第711号", Adopted: "2007-04-05",
		Revised: []string{"2019-04-03"}, Effective: "2019-05-15",
		Select: "19-20,25,27,29-33,36,42,51,53"},
	{ID: lawZW, File: "公职人员政务处分法(2020-06-20).md", Title: "中华人民共和国公职人员政务处分法", Short: "公职人员政务处分法", Level: "法律",
		Issuer: "全国人民代表大会常务委员会", DocNo: "中华人民共和国主席令第四十六号", Adopted: "2020-06-20", Effective: "2020-07-01",
		Select: "7,33-34,39"},
}

// laws.txt holds the selected articles, verbatim from the statute texts:
// a line "@<law id>" starts a law, "#第…条" an article, and every other
// non-empty line is one paragraph of the current article. It is written by
// TestLawsText with -update.
//
//go:embed laws.txt
var lawsText string

// article is one embedded article: its number and paragraphs.
type article struct {
	Number string
	Paras  []string
}

// Text is the article text as published (paragraphs joined by newlines).
func (a article) Text() string { return strings.Join(a.Paras, "\n") }

var (
	articlesOnce sync.Once
	articlesByID map[string][]article
)

// lawArticles returns the embedded articles of each law, in statute order.
func lawArticles() map[string][]article {
	articlesOnce.Do(func() { articlesByID = parseLawsText(lawsText) })
	return articlesByID
}

func parseLawsText(src string) map[string][]article {
	out := map[string][]article{}
	law := ""
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case line == "":
		case strings.HasPrefix(line, "@"):
			law = line[1:]
		case strings.HasPrefix(line, "#"):
			out[law] = append(out[law], article{Number: line[1:]})
		default:
			as := out[law]
			if len(as) > 0 {
				as[len(as)-1].Paras = append(as[len(as)-1].Paras, line)
			}
		}
	}
	return out
}

// hasArticle reports whether the registry holds the article an article
// reference names (the part up to 条: "第一百一十九条第二款" → 第一百一十九条).
func hasArticle(law, ref string) bool {
	num := articleNumber(ref)
	for _, a := range lawArticles()[law] {
		if a.Number == num {
			return true
		}
	}
	return false
}

// articleNumber cuts an article reference after its 条.
func articleNumber(ref string) string {
	if i := strings.Index(ref, "条"); i >= 0 {
		return ref[:i+len("条")]
	}
	return ref
}

func lawByID(id string) *lawMeta {
	for i := range laws {
		if laws[i].ID == id {
			return &laws[i]
		}
	}
	return nil
}

// lawName is the name used in citations: the short title, or the title.
func lawName(id string) string {
	l := lawByID(id)
	if l == nil {
		return id
	}
	if l.Short != "" {
		return l.Short
	}
	return l.Title
}
