package search

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// SampleDocs returns n synthetic but realistic portal items (power items,
// discretion benchmarks, risk points, flow steps, units, pages and law
// articles of a county), generated deterministically from seed. Tests and
// benchmarks use it; it is exported so that other packages can too.
func SampleDocs(n int, seed uint64) []Doc {
	g := &corpusGen{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	docs := make([]Doc, 0, n)
	seen := map[string]bool{}
	for i := 0; len(docs) < n; i++ {
		d := g.doc(i)
		if seen[d.ID] {
			continue
		}
		seen[d.ID] = true
		docs = append(docs, d)
	}
	return docs
}

var (
	sampleUnits = []struct{ id, name, abbr string }{
		{"scjg", "县市场监督管理局", "SJ"}, {"mz", "县民政局", "MZ"}, {"zrzy", "县自然资源和规划局", "ZR"},
		{"zj", "县住房和城乡建设局", "ZJ"}, {"jt", "县交通运输局", "JT"}, {"sl", "县水利局", "SL"},
		{"ny", "县农业农村局", "NY"}, {"wj", "县卫生健康局", "WJ"}, {"jy", "县教育局", "JY"},
		{"rs", "县人力资源和社会保障局", "RS"}, {"hb", "生态环境局分局", "HB"}, {"yj", "县应急管理局", "YJ"},
		{"ga", "县公安局", "GA"}, {"sw", "县税务局", "SW"}, {"cz", "县财政局", "CZ"},
		{"wl", "县文化和旅游局", "WL"}, {"ly", "县林业局", "LY"}, {"sf", "县司法局", "SF"},
		{"tj", "县统计局", "TJ"}, {"yb", "县医疗保障局", "YB"},
		{"czz", "城关镇人民政府", "CG"}, {"hsz", "黄沙镇人民政府", "HS"}, {"qsx", "青石乡人民政府", "QS"},
		{"dhz", "东湖镇人民政府", "DH"}, {"lqz", "柳桥镇人民政府", "LQ"}, {"bsx", "白水乡人民政府", "BS"},
		{"xjz", "新集镇人民政府", "XJ"}, {"sgz", "石港镇人民政府", "SG"}, {"mlx", "梅岭乡人民政府", "ML"},
		{"ytz", "杨塘镇人民政府", "YT"},
	}
	sampleCategories = []string{"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付",
		"行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力", "公共服务事项"}
	catCode = map[string]string{"行政许可": "XK", "行政处罚": "CF", "行政强制": "QZ", "行政征收": "ZS",
		"行政给付": "GF", "行政检查": "JC", "行政确认": "QR", "行政奖励": "JL", "行政裁决": "CJ",
		"其他行政权力": "QT", "公共服务事项": "GG"}
	sampleObjects = []string{"食品经营", "食品生产", "药品零售", "医疗器械经营", "特种设备使用", "建设工程",
		"城镇排水", "道路运输", "危险化学品", "取水", "河道采砂", "林木采伐", "农药经营", "兽药经营",
		"种子生产", "生猪屠宰", "民办学校", "养老机构", "社会团体", "烟花爆竹经营", "校外培训",
		"出版物零售", "娱乐场所", "网吧经营", "户外广告设置", "临时占用道路", "建筑垃圾处置",
		"房地产开发", "计量器具", "电梯维护保养", "劳务派遣", "职业介绍", "放射诊疗", "公共场所卫生",
		"饮用水供水", "工程建设项目", "宅基地", "农村土地承包经营", "最低生活保障", "特困人员救助",
		"临时救助", "残疾人两项补贴", "高龄津贴", "殡葬服务", "婚姻登记", "地名命名"}
	sampleLaws = []string{"中华人民共和国食品安全法", "中华人民共和国行政处罚法", "中华人民共和国行政许可法",
		"中华人民共和国药品管理法", "中华人民共和国特种设备安全法", "中华人民共和国城乡规划法",
		"中华人民共和国道路运输条例", "中华人民共和国水法", "中华人民共和国森林法", "中华人民共和国安全生产法",
		"中华人民共和国民办教育促进法", "社会救助暂行办法", "城镇排水与污水处理条例", "农药管理条例",
		"生猪屠宰管理条例", "中华人民共和国广告法", "中华人民共和国土地管理法", "中华人民共和国环境保护法",
		"中华人民共和国消防法", "中华人民共和国计量法"}
	sampleSteps = []string{"受理", "审查", "现场核查", "决定", "送达", "立案", "调查取证", "告知", "听证", "执行", "结案", "公示"}
	sampleRisks = []string{"违规受理不符合条件的申请", "擅自降低审查标准", "收受申请人财物或接受宴请", "泄露申请人商业秘密",
		"故意拖延办理时限", "选择性执法", "随意调整裁量幅度", "以罚代管", "瞒报漏报违法线索", "现场检查走过场",
		"违规减免应缴费用", "优亲厚友", "虚报冒领补助资金", "暗箱操作评审结果", "利用职务便利谋取私利"}
	sampleMeasures = []string{"严格执行一次性告知制度", "实行首问负责制", "推行双随机一公开监管", "落实重大执法决定法制审核",
		"建立集体讨论决定制度", "全程记录执法过程", "定期开展廉政谈话", "公开办理结果接受社会监督",
		"实行岗位轮换", "落实裁量基准制度", "建立内部监督检查台账", "畅通投诉举报渠道"}
	samplePosts   = []string{"窗口受理岗", "审查岗", "执法岗", "分管领导", "科室负责人", "主要负责人", "审批股长", "财务岗"}
	sampleAmounts = []int{200, 500, 1000, 2000, 3000, 5000, 10000, 20000, 30000, 50000, 100000, 200000}
)

type corpusGen struct {
	rng   *rand.Rand
	vocab []string
	zipf  *rand.Zipf
}

// gb2312Level1 returns the 3,755 most common hanzi (GB 2312 level 1).
func gb2312Level1() []rune {
	var out []rune
	for hi := 0xB0; hi <= 0xD7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			if hi == 0xD7 && lo > 0xF9 {
				break
			}
			r, err := simplifiedchinese.GBK.NewDecoder().Bytes([]byte{byte(hi), byte(lo)})
			if err == nil {
				out = append(out, []rune(string(r))...)
			}
		}
	}
	return out
}

// sentence returns a sentence of pseudo-Chinese prose: words of a
// Zipf-distributed vocabulary, which gives the index a realistic number of
// distinct bigrams.
func (g *corpusGen) sentence() string {
	if g.vocab == nil {
		chars := gb2312Level1()
		g.rng.Shuffle(len(chars), func(i, j int) { chars[i], chars[j] = chars[j], chars[i] })
		cz := rand.NewZipf(g.rng, 1.05, 8, uint64(len(chars)-1))
		for len(g.vocab) < 8000 {
			n := 2
			if k := g.rng.IntN(20); k >= 17 {
				n = 4
			} else if k >= 11 {
				n = 3
			} else if k == 0 {
				n = 1
			}
			w := make([]rune, n)
			for i := range w {
				w[i] = chars[cz.Uint64()]
			}
			g.vocab = append(g.vocab, string(w))
		}
		g.zipf = rand.NewZipf(g.rng, 1.1, 4, uint64(len(g.vocab)-1))
	}
	var b strings.Builder
	for n := 4 + g.rng.IntN(12); n > 0; n-- {
		b.WriteString(g.vocab[g.zipf.Uint64()])
		if n > 1 && g.rng.IntN(6) == 0 {
			b.WriteString("，")
		}
	}
	b.WriteString("。")
	return b.String()
}

func (g *corpusGen) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// chineseNumber spells 1..999 the way article numbers are written.
func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	var b strings.Builder
	if n >= 100 {
		b.WriteString(digits[n/100] + "百")
		n %= 100
		if n > 0 && n < 10 {
			b.WriteString("零")
		}
	}
	if n >= 10 {
		if n/10 > 1 || b.Len() > 0 {
			b.WriteString(digits[n/10])
		}
		b.WriteString("十")
		n %= 10
	}
	if n > 0 {
		b.WriteString(digits[n])
	}
	return b.String()
}

func (g *corpusGen) article() string {
	return "第" + chineseNumber(1+g.rng.IntN(120)) + "条"
}

func (g *corpusGen) basis() string {
	s := "《" + g.pick(sampleLaws) + "》" + g.article()
	if g.rng.IntN(3) == 0 {
		s += "第" + chineseNumber(1+g.rng.IntN(5)) + "款"
	}
	return s
}

func (g *corpusGen) yuan(n int) string {
	if g.rng.IntN(4) == 0 {
		return fmt.Sprintf("%d元", n)
	}
	if n%10000 == 0 {
		return chineseNumber(n/10000) + "万元"
	}
	if n%1000 == 0 {
		return chineseNumber(n/1000) + "千元"
	}
	return chineseNumber(n/100) + "百元"
}

func (g *corpusGen) doc(i int) Doc {
	u := sampleUnits[g.rng.IntN(len(sampleUnits))]
	year := 2021 + g.rng.IntN(5)
	d := Doc{Unit: u.id, UnitName: u.name, Year: year}
	obj := g.pick(sampleObjects)
	switch r := g.rng.IntN(100); {
	case r < 45:
		cat := g.pick(sampleCategories)
		code := fmt.Sprintf("%s-%s-%05d", u.abbr, catCode[cat], i)
		d.Type, d.Category = "权力事项", cat
		switch cat {
		case "行政许可":
			d.Title = obj + "许可"
		case "行政处罚":
			d.Title = "对未取得" + obj + "许可从事" + obj + "活动的行政处罚"
			if g.rng.IntN(2) == 0 {
				d.Title = "对违反" + obj + "管理规定行为的处罚"
			}
		case "行政检查":
			d.Title = obj + "监督检查"
		case "行政给付":
			d.Title = obj + "金给付"
		default:
			d.Title = obj + cat[len("行政"):] + "事项"
		}
		if g.rng.IntN(5) == 0 {
			d.Title += "（" + []string{"新办", "变更", "延续", "注销"}[g.rng.IntN(4)] + "）"
		}
		var b strings.Builder
		fmt.Fprintf(&b, "事项编码：%s。事项名称：%s。实施主体：%s。行使方式：%s。", code, d.Title, u.name,
			[]string{"法定", "下放", "委托"}[g.rng.IntN(3)])
		fmt.Fprintf(&b, "设定依据：%s；%s。", g.basis(), g.basis())
		fmt.Fprintf(&b, "法定时限：%d个工作日，承诺时限：%d个工作日。", 10+g.rng.IntN(20), 1+g.rng.IntN(9))
		if g.rng.IntN(3) == 0 {
			fmt.Fprintf(&b, "收费标准：按%s第%d项执行（２０%d年修订）。", g.basis(), 1+g.rng.IntN(9), 10+g.rng.IntN(15))
		} else {
			b.WriteString("收费标准：不收费。")
		}
		for k, step := range []string{"受理", "审查", "决定", "送达"} {
			fmt.Fprintf(&b, "%s责任：%s%s，%s。", step, []string{"①", "②", "③", "④"}[k], g.pick(sampleMeasures), g.pick(sampleMeasures))
		}
		fmt.Fprintf(&b, "追责情形：%s；%s的，依法追究责任。", g.pick(sampleRisks), g.pick(sampleRisks))
		if g.rng.IntN(4) == 0 {
			fmt.Fprintf(&b, "适用标准：GB %d-%d。", 2700+g.rng.IntN(300), 2010+g.rng.IntN(14))
		}
		d.Body = b.String()
	case r < 60:
		d.Type, d.Category = "裁量基准", "行政处罚"
		lo := sampleAmounts[g.rng.IntN(len(sampleAmounts)-3)]
		hi := lo * (2 + g.rng.IntN(8))
		d.Title = "违反" + obj + "管理规定的裁量基准"
		d.FineMin, d.FineMax, d.HasFine = float64(lo), float64(hi), true
		var b strings.Builder
		fmt.Fprintf(&b, "违法行为：未按规定从事%s活动。违则：%s。罚则：%s，处%s以上%s以下的罚款。", obj, g.basis(), g.basis(), g.yuan(lo), g.yuan(hi))
		for k, lvl := range []string{"轻微", "一般", "严重"} {
			fmt.Fprintf(&b, "裁量阶次%s：%s违法情节，适用条件为%s，具体标准为处%s的罚款；", chineseNumber(k+1), lvl, g.pick(sampleRisks), g.yuan(lo*(k+1)))
		}
		fmt.Fprintf(&b, "发文字号：%s〔20%d〕%d号。", []string{"县市监", "县民", "县交", "县农"}[g.rng.IntN(4)], 18+g.rng.IntN(7), 1+g.rng.IntN(60))
		if g.rng.IntN(3) == 0 {
			fmt.Fprintf(&b, "罚款比例不超过违法所得的%d%%。", 10*(1+g.rng.IntN(9)))
		}
		d.Body = b.String()
	case r < 78:
		d.Type = "风险点"
		d.RiskLevel = []string{"高", "中", "低"}[g.rng.IntN(3)]
		d.Category = g.pick(sampleCategories)
		risk := g.pick(sampleRisks)
		d.Title = obj + "环节" + risk + "风险"
		d.Body = fmt.Sprintf("风险描述：在办理%s事项过程中，可能存在%s、%s等问题。风险等级：%s。防控措施：%s；%s；%s。责任岗位：%s。",
			obj, risk, g.pick(sampleRisks), d.RiskLevel, g.pick(sampleMeasures), g.pick(sampleMeasures), g.pick(sampleMeasures), g.pick(samplePosts))
	case r < 90:
		d.Type = "流程步骤"
		d.Category = g.pick(sampleCategories)
		step := g.pick(sampleSteps)
		d.Title = obj + d.Category[len(d.Category)-6:] + "：" + step
		d.Body = fmt.Sprintf("%s由%s负责，时限%d个工作日。材料不全的，一次性告知需要补正的全部内容；不予受理的，出具不予受理通知书。风险点：%s。",
			step, g.pick(samplePosts), 1+g.rng.IntN(7), g.pick(sampleRisks))
	case r < 94:
		d.Type = "法规"
		law := g.pick(sampleLaws)
		art := g.article()
		d.Title = "《" + law + "》" + art
		d.Body = fmt.Sprintf("%s 从事%s活动，应当依法取得许可。违反本法规定，未取得许可从事%s活动的，由县级以上人民政府有关主管部门没收违法所得，并处%s以上%s以下罚款；情节严重的，责令停产停业。",
			art, obj, obj, g.yuan(sampleAmounts[g.rng.IntN(5)]), g.yuan(sampleAmounts[5+g.rng.IntN(5)]))
	case r < 97:
		d.Type = "单位"
		d.Title = u.name
		d.Body = fmt.Sprintf("%s是县人民政府工作部门（或乡镇人民政府），地址：城关镇人民路%d号，办公时间：工作日上午８:３０—１２:００，监督电话：0571-%08d，举报邮箱：jb%d@example.gov.cn。主要职责：负责%s、%s等工作。",
			u.name, 1+g.rng.IntN(300), g.rng.IntN(100000000), g.rng.IntN(1000), obj, g.pick(sampleObjects))
	default:
		d.Type = "页面"
		d.Title = []string{"关于本站", "如何投诉举报", "廉政风险防控工作说明", "信息公开指南", "网站地图"}[g.rng.IntN(5)] + fmt.Sprintf("（%d）", i)
		d.Body = fmt.Sprintf("本专栏公开%s等单位的权责清单、廉政风险点及防控措施。群众可通过监督电话或网上信箱反映%s中的问题，我们将在%d个工作日内答复。",
			u.name, g.pick(sampleObjects), 5+g.rng.IntN(10))
	}
	if d.Type != "单位" {
		var b strings.Builder
		b.WriteString(d.Body)
		b.WriteString("说明：")
		for k := 1 + g.rng.IntN(3); k > 0; k-- {
			b.WriteString(g.sentence())
		}
		d.Body = b.String()
	}
	d.ID = fmt.Sprintf("/units/%s/%s/%d/", u.id, map[string]string{"权力事项": "powers", "裁量基准": "benchmarks",
		"风险点": "risks", "流程步骤": "steps", "法规": "laws", "单位": "profile", "页面": "pages"}[d.Type], i)
	d.URL = d.ID
	return d
}
