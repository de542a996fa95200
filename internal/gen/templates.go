package gen

import "strings"

// Domains: which kind of unit may hold a template. A template lists the
// domains it belongs to, separated by spaces.
const (
	domZRZY = "zrzy" // 自然资源局: 土地管理法, 城乡规划法
	domSTHJ = "sthj" // 生态环境分局: 大气污染防治法
	domZJ   = "zj"   // 住房和城乡建设局: 村庄和集镇规划建设管理条例, 扬尘
	domCG   = "cg"   // 城市管理局(综合行政执法): 油烟、烧烤、渣土、违法建设
	domSCJG = "scjg" // 市场监督管理局: 燃料、锅炉、机动车销售
	domNYNC = "nync" // 农业农村局: 宅基地、耕地、秸秆
	domGov  = "gov"  // 县人民政府: 征收、裁决、奖励
	domXZ   = "xz"   // 乡镇人民政府
)

// ref is a legal reference of a template.
type ref struct{ Law, Article, Role string }

// fineSpec is the statutory range a benchmark's tiers subdivide.
type fineSpec struct {
	Unit     string  // 元, 倍 or %; "" when the statute states no range
	Min, Max float64 // Min 0 means "…以下"
	Base     string  // 货值金额, 建设工程造价 … (倍 and % only)
	// For statutes that fine organisations and individuals differently
	// (对单位处…，对个人处…), the individual's range.
	PMin, PMax float64
}

// violation is one 违法行为 of a statute's 罚则; it becomes a 行政处罚 item
// named 对{Phrase}的处罚.
type violation struct {
	Phrase   string   // the statute's wording, without the final 的
	Law      string   // law id
	Art      string   // 处罚依据 (article, paragraph, item)
	Violated string   // 违反条款 in the same law, "" if none
	Stat     string   // the statute's penalty, verbatim
	Fine     fineSpec // range for the benchmark tiers
	Domains  string
	TownMode string // how a township holds it: 法定 (the statute names 乡级), 下放 or 委托
	Object   string // 实施对象
	// Ladder gives the tiers of a benchmark for a penalty without a fine
	// range (责令改正 … 拆除): 情节较轻, 一般, 严重.
	Ladder []tierDoc
}

// ladder builds three tiers: 从轻处罚, 一般, 从重处罚.
func ladder(c1, s1, c2, s2, c3, s3 string) []tierDoc {
	return []tierDoc{
		{Label: "情节较轻", Kind: "从轻处罚", Conds: []string{c1}, Standard: s1},
		{Label: "情节一般", Kind: "一般", Conds: []string{c2}, Standard: s2},
		{Label: "情节严重", Kind: "从重处罚", Conds: []string{c3}, Standard: s3},
	}
}

var (
	ladderVillageBuild = ladder(
		"影响村庄、集镇规划，尚可采取改正措施，主动停止建设的", "责令停止建设，限期改正",
		"影响村庄、集镇规划，尚可采取改正措施的", "责令限期改正，处以罚款",
		"严重影响村庄、集镇规划的", "责令停止建设，限期拆除或者没收违法建筑物、构筑物和其他设施")
	ladderLandReturn = ladder(
		"符合土地利用总体规划，主动退还土地的", "责令退还非法占用的土地，没收在非法占用的土地上新建的建筑物和其他设施",
		"符合土地利用总体规划的", "责令退还非法占用的土地，没收在非法占用的土地上新建的建筑物和其他设施，可以并处罚款",
		"违反土地利用总体规划擅自将农用地改为建设用地的", "责令退还非法占用的土地，限期拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状，可以并处罚款")
	ladderLandGiveBack = ladder(
		"在责令期限内交还土地的", "责令交还土地",
		"逾期交还土地的", "责令交还土地，处以罚款",
		"拒不交还土地或者造成土地严重破坏的", "责令交还土地，处以罚款；逾期不交还的，依法申请人民法院强制执行")
)

const (
	objAll  = "公民、法人或者其他组织"
	objOrg  = "法人、非法人组织"
	objVill = "农村村民"
)

// villageFine is the range a provincial rule sets for 村庄和集镇规划建设管理
// 条例 第三十九条 (对单位处以二百元以上五百元以下罚款，对个人处以五十元以下
// 罚款, as quoted in a township's published benchmark, examples/09).
var villageFine = fineSpec{Unit: "元", Min: 200, Max: 500, PMax: 50}

var violations = []violation{
	// 大气污染防治法 第七章
	{Phrase: "以拒绝进入现场等方式拒不接受生态环境主管部门及其环境执法机构或者其他负有大气环境保护监督管理职责的部门的监督检查，或者在接受监督检查时弄虚作假",
		Law: lawDQ, Art: "第九十八条", Violated: "第二十九条", Stat: "责令改正，处二万元以上二十万元以下的罚款",
		Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "未依法取得排污许可证排放大气污染物", Law: lawDQ, Art: "第九十九条第一项", Violated: "第十九条",
		Stat: "责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭",
		Fine: fineSpec{Unit: "元", Min: 100000, Max: 1000000}, Domains: "sthj", Object: objOrg},
	{Phrase: "超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物", Law: lawDQ, Art: "第九十九条第二项", Violated: "第十八条",
		Stat: "责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭",
		Fine: fineSpec{Unit: "元", Min: 100000, Max: 1000000}, Domains: "sthj", Object: objOrg},
	{Phrase: "通过逃避监管的方式排放大气污染物", Law: lawDQ, Art: "第九十九条第三项", Violated: "第二十条第二款",
		Stat: "责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭",
		Fine: fineSpec{Unit: "元", Min: 100000, Max: 1000000}, Domains: "sthj", Object: objOrg},
	{Phrase: "侵占、损毁或者擅自移动、改变大气环境质量监测设施或者大气污染物排放自动监测设备", Law: lawDQ, Art: "第一百条第一项", Violated: "第二十六条",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objAll},
	{Phrase: "未按照规定对所排放的工业废气和有毒有害大气污染物进行监测并保存原始监测记录", Law: lawDQ, Art: "第一百条第二项", Violated: "第二十四条",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "未按照规定安装、使用大气污染物排放自动监测设备或者未按照规定与生态环境主管部门的监控设备联网，并保证监测设备正常运行", Law: lawDQ, Art: "第一百条第三项", Violated: "第二十四条",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "重点排污单位不公开或者不如实公开自动监测数据", Law: lawDQ, Art: "第一百条第四项", Violated: "第二十四条",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "未按照规定设置大气污染物排放口", Law: lawDQ, Art: "第一百条第五项", Violated: "第二十条",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "销售不符合质量标准的煤炭、石油焦", Law: lawDQ, Art: "第一百零三条第一项", Violated: "第三十五条",
		Stat: "责令改正，没收原材料、产品和违法所得，并处货值金额一倍以上三倍以下的罚款", Fine: fineSpec{Unit: "倍", Min: 1, Max: 3, Base: "货值金额"}, Domains: "scjg", Object: objAll},
	{Phrase: "生产、销售挥发性有机物含量不符合质量标准或者要求的原材料和产品", Law: lawDQ, Art: "第一百零三条第二项", Violated: "第四十四条",
		Stat: "责令改正，没收原材料、产品和违法所得，并处货值金额一倍以上三倍以下的罚款", Fine: fineSpec{Unit: "倍", Min: 1, Max: 3, Base: "货值金额"}, Domains: "scjg", Object: objAll},
	{Phrase: "生产、销售不符合标准的机动车船和非道路移动机械用燃料、发动机油、氮氧化物还原剂、燃料和润滑油添加剂以及其他添加剂", Law: lawDQ, Art: "第一百零三条第三项", Violated: "第六十五条",
		Stat: "责令改正，没收原材料、产品和违法所得，并处货值金额一倍以上三倍以下的罚款", Fine: fineSpec{Unit: "倍", Min: 1, Max: 3, Base: "货值金额"}, Domains: "scjg", Object: objAll},
	{Phrase: "在禁燃区内销售高污染燃料", Law: lawDQ, Art: "第一百零三条第四项", Violated: "第三十八条",
		Stat: "责令改正，没收原材料、产品和违法所得，并处货值金额一倍以上三倍以下的罚款", Fine: fineSpec{Unit: "倍", Min: 1, Max: 3, Base: "货值金额"}, Domains: "scjg", Object: objAll},
	{Phrase: "单位燃用不符合质量标准的煤炭、石油焦", Law: lawDQ, Art: "第一百零五条", Violated: "第三十五条",
		Stat: "责令改正，处货值金额一倍以上三倍以下的罚款", Fine: fineSpec{Unit: "倍", Min: 1, Max: 3, Base: "货值金额"}, Domains: "sthj", Object: objOrg},
	{Phrase: "在禁燃区内新建、扩建燃用高污染燃料的设施，或者未按照规定停止燃用高污染燃料", Law: lawDQ, Art: "第一百零七条第一款", Violated: "第三十八条",
		Stat: "没收燃用高污染燃料的设施，组织拆除燃煤供热锅炉，并处二万元以上二十万元以下的罚款", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objAll},
	{Phrase: "在城市集中供热管网覆盖地区新建、扩建分散燃煤供热锅炉，或者未按照规定拆除已建成的不能达标排放的燃煤供热锅炉", Law: lawDQ, Art: "第一百零七条第一款", Violated: "第三十九条",
		Stat: "没收燃用高污染燃料的设施，组织拆除燃煤供热锅炉，并处二万元以上二十万元以下的罚款", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objAll},
	{Phrase: "生产、进口、销售或者使用不符合规定标准或者要求的锅炉", Law: lawDQ, Art: "第一百零七条第二款", Violated: "第四十条",
		Stat: "责令改正，没收违法所得，并处二万元以上二十万元以下的罚款", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "scjg sthj", Object: objAll},
	{Phrase: "产生含挥发性有机物废气的生产和服务活动，未在密闭空间或者设备中进行，未按照规定安装、使用污染防治设施，或者未采取减少废气排放措施", Law: lawDQ, Art: "第一百零八条第一项", Violated: "第四十五条",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "工业涂装企业未使用低挥发性有机物含量涂料或者未建立、保存台账", Law: lawDQ, Art: "第一百零八条第二项", Violated: "第四十六条",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "石油、化工以及其他生产和使用有机溶剂的企业，未采取措施对管道、设备进行日常维护、维修，减少物料泄漏或者对泄漏的物料未及时收集处理", Law: lawDQ, Art: "第一百零八条第三项", Violated: "第四十七条第一款",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "储油储气库、加油加气站和油罐车、气罐车等，未按照国家有关规定安装并正常使用油气回收装置", Law: lawDQ, Art: "第一百零八条第四项", Violated: "第四十七条第二款",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "钢铁、建材、有色金属、石油、化工、制药、矿产开采等企业，未采取集中收集处理、密闭、围挡、遮盖、清扫、洒水等措施，控制、减少粉尘和气态污染物排放", Law: lawDQ, Art: "第一百零八条第五项", Violated: "第四十八条",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "工业生产、垃圾填埋或者其他活动中产生的可燃性气体未回收利用，不具备回收利用条件未进行防治污染处理，或者可燃性气体回收利用装置不能正常作业，未及时修复或者更新", Law: lawDQ, Art: "第一百零八条第六项", Violated: "第四十九条",
		Stat: "责令改正，处二万元以上二十万元以下的罚款；拒不改正的，责令停产整治", Fine: fineSpec{Unit: "元", Min: 20000, Max: 200000}, Domains: "sthj", Object: objOrg},
	{Phrase: "销售超过污染物排放标准的机动车、非道路移动机械", Law: lawDQ, Art: "第一百一十条第一款",
		Stat: "没收违法所得，并处货值金额一倍以上三倍以下的罚款，没收销毁无法达到污染物排放标准的机动车、非道路移动机械", Fine: fineSpec{Unit: "倍", Min: 1, Max: 3, Base: "货值金额"}, Domains: "scjg", Object: objAll},
	{Phrase: "伪造机动车、非道路移动机械排放检验结果或者出具虚假排放检验报告", Law: lawDQ, Art: "第一百一十二条第一款", Violated: "第五十四条",
		Stat: "没收违法所得，并处十万元以上五十万元以下的罚款；情节严重的，由负责资质认定的部门取消其检验资格", Fine: fineSpec{Unit: "元", Min: 100000, Max: 500000}, Domains: "sthj", Object: objOrg},
	{Phrase: "以临时更换机动车污染控制装置等弄虚作假的方式通过机动车排放检验或者破坏机动车车载排放诊断系统", Law: lawDQ, Art: "第一百一十二条第三款",
		Stat: "责令改正，对机动车所有人处五千元的罚款；对机动车维修单位处每辆机动车五千元的罚款", Domains: "sthj", Object: objAll},
	{Phrase: "使用排放不合格的非道路移动机械，或者在用重型柴油车、非道路移动机械未按照规定加装、更换污染控制装置", Law: lawDQ, Art: "第一百一十四条第一款", Violated: "第五十九条",
		Stat: "责令改正，处五千元的罚款", Domains: "sthj", Object: objAll},
	{Phrase: "施工工地未设置硬质围挡，或者未采取覆盖、分段作业、择时施工、洒水抑尘、冲洗地面和车辆等有效防尘降尘措施", Law: lawDQ, Art: "第一百一十五条第一款第一项", Violated: "第六十九条",
		Stat: "责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "zj cg", Object: objOrg},
	{Phrase: "建筑土方、工程渣土、建筑垃圾未及时清运，或者未采用密闭式防尘网遮盖", Law: lawDQ, Art: "第一百一十五条第一款第二项", Violated: "第六十九条",
		Stat: "责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "zj cg", Object: objOrg},
	{Phrase: "建设单位未对暂时不能开工的建设用地的裸露地面进行覆盖，或者未对超过三个月不能开工的建设用地的裸露地面进行绿化、铺装或者遮盖", Law: lawDQ, Art: "第一百一十五条第二款", Violated: "第六十九条",
		Stat: "依照本条第一款规定予以处罚：责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "zj", Object: objOrg},
	{Phrase: "运输煤炭、垃圾、渣土、砂石、土方、灰浆等散装、流体物料的车辆，未采取密闭或者其他措施防止物料遗撒", Law: lawDQ, Art: "第一百一十六条", Violated: "第七十条",
		Stat: "责令改正，处二千元以上二万元以下的罚款；拒不改正的，车辆不得上道路行驶", Fine: fineSpec{Unit: "元", Min: 2000, Max: 20000}, Domains: "cg", TownMode: "委托", Object: objAll},
	{Phrase: "未密闭煤炭、煤矸石、煤渣、煤灰、水泥、石灰、石膏、砂土等易产生扬尘的物料", Law: lawDQ, Art: "第一百一十七条第一项", Violated: "第七十二条",
		Stat: "责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治或者停业整治", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "sthj cg", Object: objAll},
	{Phrase: "对不能密闭的易产生扬尘的物料，未设置不低于堆放物高度的严密围挡，或者未采取有效覆盖措施防治扬尘污染", Law: lawDQ, Art: "第一百一十七条第二项", Violated: "第七十二条",
		Stat: "责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治或者停业整治", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "sthj cg", Object: objAll},
	{Phrase: "装卸物料未采取密闭或者喷淋等方式控制扬尘排放", Law: lawDQ, Art: "第一百一十七条第三项", Violated: "第七十二条",
		Stat: "责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治或者停业整治", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "sthj cg", Object: objAll},
	{Phrase: "存放煤炭、煤矸石、煤渣、煤灰等物料，未采取防燃措施", Law: lawDQ, Art: "第一百一十七条第四项", Violated: "第七十二条",
		Stat: "责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治或者停业整治", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "sthj", Object: objAll},
	{Phrase: "码头、矿山、填埋场和消纳场未采取有效措施防治扬尘污染", Law: lawDQ, Art: "第一百一十七条第五项", Violated: "第七十二条",
		Stat: "责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治或者停业整治", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "sthj", Object: objOrg},
	{Phrase: "未采取措施防止排放恶臭气体", Law: lawDQ, Art: "第一百一十七条第八项", Violated: "第八十条",
		Stat: "责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治或者停业整治", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "sthj", Object: objOrg},
	{Phrase: "排放油烟的餐饮服务业经营者未安装油烟净化设施、不正常使用油烟净化设施或者未采取其他油烟净化措施，超过排放标准排放油烟", Law: lawDQ, Art: "第一百一十八条第一款", Violated: "第八十一条第一款",
		Stat: "责令改正，处五千元以上五万元以下的罚款；拒不改正的，责令停业整治", Fine: fineSpec{Unit: "元", Min: 5000, Max: 50000}, Domains: "cg", TownMode: "委托", Object: objAll},
	{Phrase: "在居民住宅楼、未配套设立专用烟道的商住综合楼、商住综合楼内与居住层相邻的商业楼层内新建、改建、扩建产生油烟、异味、废气的餐饮服务项目", Law: lawDQ, Art: "第一百一十八条第二款", Violated: "第八十一条第二款",
		Stat: "责令改正；拒不改正的，予以关闭，并处一万元以上十万元以下的罚款", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "cg", Object: objAll},
	{Phrase: "在当地人民政府禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地", Law: lawDQ, Art: "第一百一十八条第三款", Violated: "第八十一条第三款",
		Stat: "责令改正，没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款", Fine: fineSpec{Unit: "元", Min: 500, Max: 20000}, Domains: "cg xz", TownMode: "下放", Object: objAll},
	{Phrase: "在人口集中地区对树木、花草喷洒剧毒、高毒农药，或者露天焚烧秸秆、落叶等产生烟尘污染的物质", Law: lawDQ, Art: "第一百一十九条第一款", Violated: "第七十七条",
		Stat: "责令改正，并可以处五百元以上二千元以下的罚款", Fine: fineSpec{Unit: "元", Min: 500, Max: 2000}, Domains: "cg nync xz", TownMode: "下放", Object: objAll},
	{Phrase: "在人口集中地区和其他依法需要特殊保护的区域内，焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质", Law: lawDQ, Art: "第一百一十九条第二款", Violated: "第八十二条",
		Stat: "责令改正，对单位处一万元以上十万元以下的罚款，对个人处五百元以上二千元以下的罚款",
		Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000, PMin: 500, PMax: 2000}, Domains: "cg xz", TownMode: "下放", Object: objAll},
	{Phrase: "从事服装干洗和机动车维修等服务活动，未设置异味和废气处理装置等污染防治设施并保持正常使用，影响周边环境", Law: lawDQ, Art: "第一百二十条", Violated: "第八十四条",
		Stat: "责令改正，处二千元以上二万元以下的罚款；拒不改正的，责令停业整治", Fine: fineSpec{Unit: "元", Min: 2000, Max: 20000}, Domains: "sthj", Object: objAll},
	{Phrase: "拒不执行停止工地土石方作业或者建筑物拆除施工等重污染天气应急措施", Law: lawDQ, Art: "第一百二十一条第二款", Violated: "第九十六条",
		Stat: "处一万元以上十万元以下的罚款", Fine: fineSpec{Unit: "元", Min: 10000, Max: 100000}, Domains: "zj cg", Object: objOrg},
	{Phrase: "造成大气污染事故", Law: lawDQ, Art: "第一百二十二条",
		Stat:    "对造成一般或者较大大气污染事故的，按照污染事故造成直接损失的一倍以上三倍以下计算罚款；对造成重大或者特大大气污染事故的，按照污染事故造成的直接损失的三倍以上五倍以下计算罚款",
		Domains: "sthj", Object: objOrg, Ladder: []tierDoc{
			{Label: "一般事故", Kind: "从轻处罚", Conds: []string{"造成一般大气污染事故的"}, Standard: "处直接损失1倍以上2倍以下的罚款"},
			{Label: "较大事故", Kind: "一般", Conds: []string{"造成较大大气污染事故的"}, Standard: "处直接损失2倍以上3倍以下的罚款"},
			{Label: "重大事故", Kind: "从重处罚", Conds: []string{"造成重大大气污染事故的"}, Standard: "处直接损失3倍以上4倍以下的罚款"},
			{Label: "特大事故", Kind: "从重处罚", Conds: []string{"造成特大大气污染事故的"}, Standard: "处直接损失4倍以上5倍以下的罚款"},
		}},

	// 城乡规划法 第六章
	{Phrase: "城乡规划编制单位超越资质等级许可的范围承揽城乡规划编制工作", Law: lawGH, Art: "第六十二条第一款第一项",
		Stat: "责令限期改正，处合同约定的规划编制费一倍以上二倍以下的罚款；情节严重的，责令停业整顿，由原发证机关降低资质等级或者吊销资质证书",
		Fine: fineSpec{Unit: "倍", Min: 1, Max: 2, Base: "合同约定的规划编制费"}, Domains: "zrzy", Object: objOrg},
	{Phrase: "城乡规划编制单位违反国家有关标准编制城乡规划", Law: lawGH, Art: "第六十二条第一款第二项",
		Stat: "责令限期改正，处合同约定的规划编制费一倍以上二倍以下的罚款；情节严重的，责令停业整顿，由原发证机关降低资质等级或者吊销资质证书",
		Fine: fineSpec{Unit: "倍", Min: 1, Max: 2, Base: "合同约定的规划编制费"}, Domains: "zrzy", Object: objOrg},
	{Phrase: "未依法取得资质证书承揽城乡规划编制工作", Law: lawGH, Art: "第六十二条第二款",
		Stat: "责令停止违法行为，依照本条第一款规定处以罚款：处合同约定的规划编制费一倍以上二倍以下的罚款",
		Fine: fineSpec{Unit: "倍", Min: 1, Max: 2, Base: "合同约定的规划编制费"}, Domains: "zrzy", Object: objAll},
	{Phrase: "未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设", Law: lawGH, Art: "第六十四条", Violated: "第四十条",
		Stat: "责令停止建设；尚可采取改正措施消除对规划实施的影响的，限期改正，处建设工程造价百分之五以上百分之十以下的罚款；无法采取改正措施消除影响的，限期拆除，不能拆除的，没收实物或者违法收入，可以并处建设工程造价百分之十以下的罚款",
		Fine: fineSpec{Unit: "%", Min: 5, Max: 10, Base: "建设工程造价"}, Domains: "zrzy cg", Object: objAll},
	{Phrase: "在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设", Law: lawGH, Art: "第六十五条", Violated: "第四十一条",
		Stat: "责令停止建设、限期改正；逾期不改正的，可以拆除", Domains: "xz", TownMode: "法定", Object: objAll,
		Ladder: ladder("尚未开工或者刚开工，及时停止建设并主动改正的", "责令停止建设，限期改正",
			"已建成部分尚可采取改正措施，能够在限期内改正的", "责令停止建设、限期改正",
			"逾期不改正的", "责令停止建设；逾期不改正的，可以拆除")},
	{Phrase: "未经批准进行临时建设", Law: lawGH, Art: "第六十六条第一项", Violated: "第四十四条",
		Stat: "责令限期拆除，可以并处临时建设工程造价一倍以下的罚款", Fine: fineSpec{Unit: "倍", Max: 1, Base: "临时建设工程造价"}, Domains: "zrzy cg", Object: objAll},
	{Phrase: "未按照批准内容进行临时建设", Law: lawGH, Art: "第六十六条第二项", Violated: "第四十四条",
		Stat: "责令限期拆除，可以并处临时建设工程造价一倍以下的罚款", Fine: fineSpec{Unit: "倍", Max: 1, Base: "临时建设工程造价"}, Domains: "zrzy cg", Object: objAll},
	{Phrase: "临时建筑物、构筑物超过批准期限不拆除", Law: lawGH, Art: "第六十六条第三项", Violated: "第四十四条",
		Stat: "责令限期拆除，可以并处临时建设工程造价一倍以下的罚款", Fine: fineSpec{Unit: "倍", Max: 1, Base: "临时建设工程造价"}, Domains: "zrzy cg", Object: objAll},
	{Phrase: "建设单位未在建设工程竣工验收后六个月内向城乡规划主管部门报送有关竣工验收资料", Law: lawGH, Art: "第六十七条", Violated: "第四十五条第二款",
		Stat: "责令限期补报；逾期不补报的，处一万元以上五万元以下的罚款", Fine: fineSpec{Unit: "元", Min: 10000, Max: 50000}, Domains: "zrzy", Object: objOrg},

	// 土地管理法 第七章 (罚款幅度由实施条例规定，此处不细化阶次)
	{Phrase: "买卖或者以其他形式非法转让土地", Law: lawTD, Art: "第七十四条",
		Stat:    "没收违法所得；对违反土地利用总体规划擅自将农用地改为建设用地的，限期拆除在非法转让的土地上新建的建筑物和其他设施，恢复土地原状，对符合土地利用总体规划的，没收在非法转让的土地上新建的建筑物和其他设施；可以并处罚款",
		Domains: "zrzy", Object: objAll},
	{Phrase: "占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等，破坏种植条件", Law: lawTD, Art: "第七十五条", Violated: "第三十七条",
		Stat: "责令限期改正或者治理，可以并处罚款", Domains: "zrzy nync", Object: objAll,
		Ladder: ladder("破坏面积较小，及时恢复种植条件的", "责令限期改正",
			"破坏种植条件，能够在限期内治理的", "责令限期改正或者治理，可以并处罚款",
			"拒不改正、治理或者破坏永久基本农田的", "责令限期治理，并处罚款")},
	{Phrase: "因开发土地造成土地荒漠化、盐渍化", Law: lawTD, Art: "第七十五条",
		Stat: "责令限期改正或者治理，可以并处罚款", Domains: "zrzy", Object: objAll},
	{Phrase: "拒不履行土地复垦义务", Law: lawTD, Art: "第七十六条", Violated: "第四十三条",
		Stat: "责令限期改正；逾期不改正的，责令缴纳复垦费，专项用于土地复垦，可以处以罚款", Domains: "zrzy", Object: objAll,
		Ladder: ladder("在责令期限内履行复垦义务的", "责令限期改正",
			"逾期不改正的", "责令缴纳复垦费，专项用于土地复垦",
			"逾期不改正且造成土地严重破坏的", "责令缴纳复垦费，专项用于土地复垦，并处以罚款")},
	{Phrase: "未经批准或者采取欺骗手段骗取批准，非法占用土地", Law: lawTD, Art: "第七十七条第一款", Violated: "第四十四条",
		Stat:    "责令退还非法占用的土地，对违反土地利用总体规划擅自将农用地改为建设用地的，限期拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状，对符合土地利用总体规划的，没收在非法占用的土地上新建的建筑物和其他设施，可以并处罚款",
		Domains: "zrzy", Object: objAll, Ladder: ladderLandReturn},
	{Phrase: "超过批准的数量占用土地", Law: lawTD, Art: "第七十七条第二款",
		Stat: "多占的土地以非法占用土地论处", Domains: "zrzy", Object: objAll},
	{Phrase: "农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅", Law: lawTD, Art: "第七十八条第一款", Violated: "第六十二条",
		Stat: "责令退还非法占用的土地，限期拆除在非法占用的土地上新建的房屋", Domains: "nync xz", TownMode: "下放", Object: objVill,
		Ladder: ladder("主动退还非法占用的土地并自行拆除新建房屋的", "责令退还非法占用的土地",
			"在责令期限内退还土地、拆除房屋的", "责令退还非法占用的土地，限期拆除在非法占用的土地上新建的房屋",
			"拒不退还或者逾期不拆除的", "责令退还非法占用的土地，限期拆除在非法占用的土地上新建的房屋；逾期不拆除的，依法申请人民法院强制执行")},
	{Phrase: "农村村民超过省、自治区、直辖市规定的标准多占土地建住宅", Law: lawTD, Art: "第七十八条第二款", Violated: "第六十二条",
		Stat: "多占的土地以非法占用土地论处", Domains: "nync xz", TownMode: "下放", Object: objVill},
	{Phrase: "依法收回国有土地使用权当事人拒不交出土地", Law: lawTD, Art: "第八十一条",
		Stat: "责令交还土地，处以罚款", Domains: "zrzy", Object: objAll, Ladder: ladderLandGiveBack},
	{Phrase: "临时使用土地期满拒不归还", Law: lawTD, Art: "第八十一条", Violated: "第五十七条",
		Stat: "责令交还土地，处以罚款", Domains: "zrzy", Object: objAll, Ladder: ladderLandGiveBack},
	{Phrase: "不按照批准的用途使用国有土地", Law: lawTD, Art: "第八十一条",
		Stat: "责令交还土地，处以罚款", Domains: "zrzy", Object: objAll, Ladder: ladderLandGiveBack},
	{Phrase: "擅自将农民集体所有的土地通过出让、转让使用权或者出租等方式用于非农业建设", Law: lawTD, Art: "第八十二条",
		Stat: "责令限期改正，没收违法所得，并处罚款", Domains: "zrzy", Object: objAll},

	// 村庄和集镇规划建设管理条例 第六章
	{Phrase: "在村庄、集镇规划区内，未按规划审批程序批准或者违反规划的规定进行建设", Law: lawCZ, Art: "第三十七条第一款",
		Stat:    "严重影响村庄、集镇规划的，责令停止建设，限期拆除或者没收违法建筑物、构筑物和其他设施；影响村庄、集镇规划，尚可采取改正措施的，责令限期改正，处以罚款",
		Domains: "zj", Object: objAll, Ladder: ladderVillageBuild},
	{Phrase: "农村居民未经批准或者违反规划的规定建住宅", Law: lawCZ, Art: "第三十七条第二款", Violated: "第十八条",
		Stat: "乡级人民政府可以依照本条第一款规定处罚", Domains: "xz", TownMode: "法定", Object: objVill, Ladder: ladderVillageBuild},
	{Phrase: "未取得设计资质证书，承担建筑跨度、跨径和高度超出规定范围的工程以及二层以上住宅的设计任务或者未按设计资质证书规定的经营范围，承担设计任务", Law: lawCZ, Art: "第三十八条第一款第一项", Violated: "第二十一条",
		Stat: "责令停止设计或者施工、限期改正，并可处以罚款", Domains: "zj", Object: objAll},
	{Phrase: "未取得施工资质等级证书或者资质审查证书或者未按规定的经营范围，承担施工任务", Law: lawCZ, Art: "第三十八条第一款第二项",
		Stat: "责令停止设计或者施工、限期改正，并可处以罚款", Domains: "zj", Object: objAll},
	{Phrase: "不按有关技术规定施工或者使用不符合工程质量要求的建筑材料和建筑构件", Law: lawCZ, Art: "第三十八条第一款第三项",
		Stat: "责令停止设计或者施工、限期改正，并可处以罚款", Domains: "zj", Object: objAll},
	{Phrase: "未按设计图纸施工或者擅自修改设计图纸", Law: lawCZ, Art: "第三十八条第一款第四项",
		Stat: "责令停止设计或者施工、限期改正，并可处以罚款", Domains: "zj", Object: objAll},
	{Phrase: "损坏村庄和集镇的房屋、公共设施", Law: lawCZ, Art: "第三十九条第一项",
		Stat: "责令停止侵害，可以处以罚款；造成损失的，并应当赔偿", Fine: villageFine, Domains: "xz", TownMode: "法定", Object: objAll},
	{Phrase: "乱堆粪便、垃圾、柴草，破坏村容镇貌和环境卫生", Law: lawCZ, Art: "第三十九条第二项", Violated: "第三十三条",
		Stat: "责令停止侵害，可以处以罚款；造成损失的，并应当赔偿", Fine: villageFine, Domains: "xz", TownMode: "法定", Object: objAll},
	{Phrase: "擅自在村庄、集镇规划区内的街道、广场、市场和车站等场所修建临时建筑物、构筑物和其他设施", Law: lawCZ, Art: "第四十条", Violated: "第三十二条",
		Stat: "责令限期拆除，并可处以罚款", Fine: fineSpec{Unit: "倍", Max: 1, Base: "临时建设工程造价"}, Domains: "xz", TownMode: "法定", Object: objAll},
}

// permitViolations are the 行政许可法 penalties every unit that grants
// permits holds; each is listed once per permit of the unit (as 子项).
var permitViolations = []violation{
	{Phrase: "行政许可申请人隐瞒有关情况或者提供虚假材料申请行政许可", Law: lawXK, Art: "第七十八条",
		Stat: "不予受理或者不予行政许可，并给予警告；行政许可申请属于直接关系公共安全、人身健康、生命财产安全事项的，申请人在一年内不得再次申请该行政许可", Object: objAll},
	{Phrase: "被许可人以欺骗、贿赂等不正当手段取得行政许可", Law: lawXK, Art: "第七十九条",
		Stat: "依法给予行政处罚；取得的行政许可属于直接关系公共安全、人身健康、生命财产安全事项的，申请人在三年内不得再次申请该行政许可", Object: objAll},
	{Phrase: "被许可人涂改、倒卖、出租、出借行政许可证件，或者以其他形式非法转让行政许可", Law: lawXK, Art: "第八十条第一项",
		Stat: "依法给予行政处罚；构成犯罪的，依法追究刑事责任", Object: objAll},
	{Phrase: "被许可人超越行政许可范围进行活动", Law: lawXK, Art: "第八十条第二项",
		Stat: "依法给予行政处罚；构成犯罪的，依法追究刑事责任", Object: objAll},
	{Phrase: "被许可人向负责监督检查的行政机关隐瞒有关情况、提供虚假材料或者拒绝提供反映其活动情况的真实材料", Law: lawXK, Art: "第八十条第三项",
		Stat: "依法给予行政处罚；构成犯罪的，依法追究刑事责任", Object: objAll},
}

// tmpl is a template for a power item of a category other than 行政处罚.
type tmpl struct {
	Cat     string // XK, QZ, ZS, GF, JC, QR, JL, CJ, QT, GG
	Name    string
	Domains string
	Basis   []ref
	Object  string
	Mode    string // "" = 法定
	Days    int    // statutory days (0: none stated)
	DayUnit string // 工作日 (default) or 自然日
	Subs    []string
	Conds   []string // 申请条件
	Mats    []string // 申请材料
}

var templates = []tmpl{
	// 行政许可
	{Cat: "XK", Name: "建设用地规划许可证核发", Domains: "zrzy", Object: objOrg, Days: 20,
		Basis: []ref{{lawGH, "第三十七条", "设定依据"}, {lawGH, "第三十八条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Subs:  []string{"划拨方式提供国有土地使用权的建设项目", "出让方式取得国有土地使用权的建设项目"},
		Conds: []string{"建设项目已经有关部门批准、核准、备案", "符合控制性详细规划和规划条件"},
		Mats:  []string{"建设用地规划许可申请表", "建设项目批准、核准或者备案文件", "国有土地使用权出让合同(出让方式)", "建设项目用地范围图"}},
	{Cat: "XK", Name: "建设工程规划许可证核发", Domains: "zrzy", Object: objAll, Days: 20,
		Basis: []ref{{lawGH, "第四十条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Subs:  []string{"房屋建筑工程", "市政道路、管线工程", "其他工程"},
		Conds: []string{"已取得使用土地的有关证明文件", "建设工程设计方案符合控制性详细规划和规划条件"},
		Mats:  []string{"建设工程规划许可申请表", "使用土地的有关证明文件", "建设工程设计方案", "修建性详细规划(需要编制的)"}},
	{Cat: "XK", Name: "乡村建设规划许可证核发", Domains: "zrzy", Object: objAll, Days: 20,
		Basis: []ref{{lawGH, "第四十一条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Subs:  []string{"乡镇企业建设", "乡村公共设施和公益事业建设", "农村村民住宅建设"},
		Conds: []string{"符合乡规划、村庄规划", "不占用农用地，确需占用的已办理农用地转用审批手续"},
		Mats:  []string{"乡村建设规划许可申请表", "乡、镇人民政府审核意见", "建设工程设计方案或者农房设计图", "土地权属证明材料"}},
	{Cat: "XK", Name: "乡村建设规划许可证申请受理和审核", Domains: "xz", Object: objAll, Mode: "审核转报", Days: 20,
		Basis: []ref{{lawGH, "第四十一条", "设定依据"}, {lawXK, "第三十二条", "实施依据"}},
		Conds: []string{"符合乡规划、村庄规划", "不占用农用地，确需占用的已办理农用地转用审批手续"},
		Mats:  []string{"乡村建设规划许可申请表", "村民委员会意见", "建设工程设计方案或者农房设计图"}},
	{Cat: "XK", Name: "城市、镇规划区内临时建设审批", Domains: "zrzy", Object: objAll, Days: 20,
		Basis: []ref{{lawGH, "第四十四条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Conds: []string{"不影响近期建设规划或者控制性详细规划的实施以及交通、市容、安全等", "承诺在批准的使用期限内自行拆除"},
		Mats:  []string{"临时建设申请表", "临时用地权属证明", "临时建设设计方案", "自行拆除承诺书"}},
	{Cat: "XK", Name: "建设项目规划条件变更审批", Domains: "zrzy", Object: objOrg, Days: 20,
		Basis: []ref{{lawGH, "第四十三条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Mats:  []string{"规划条件变更申请书", "变更理由及论证材料", "原规划条件及相关批准文件"}},
	{Cat: "XK", Name: "临时用地审批", Domains: "zrzy", Object: objAll, Days: 20,
		Basis: []ref{{lawTD, "第五十七条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Subs:  []string{"建设项目施工临时用地", "地质勘查临时用地"},
		Conds: []string{"与土地权利人签订临时使用土地合同", "不修建永久性建筑物"},
		Mats:  []string{"临时用地申请表", "临时使用土地合同", "土地复垦方案", "临时用地勘测定界图"}},
	{Cat: "XK", Name: "农用地转用审批", Domains: "zrzy gov", Object: objOrg, Mode: "审核转报", Days: 20,
		Basis: []ref{{lawTD, "第四十四条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Mats:  []string{"建设用地申请表", "农用地转用方案", "补充耕地方案", "建设项目批准文件"}},
	{Cat: "XK", Name: "乡（镇）村公共设施、公益事业建设用地审批", Domains: "gov", Object: objOrg, Days: 20,
		Basis: []ref{{lawTD, "第六十一条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Mats:  []string{"用地申请书", "乡（镇）人民政府审核意见", "项目批准文件", "用地范围图"}},
	{Cat: "XK", Name: "农村村民宅基地审批", Domains: "xz", Object: objVill, Days: 20,
		Basis: []ref{{lawTD, "第六十二条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Subs:  []string{"新批宅基地", "原址翻建", "异址新建"},
		Conds: []string{"符合一户一宅规定，面积不超过省级规定标准", "符合乡（镇）土地利用总体规划和村庄规划", "不占用永久基本农田"},
		Mats:  []string{"农村宅基地和建房(规划许可)申请表", "农村宅基地使用承诺书", "村民小组会议记录", "申请人身份证明和户口簿"}},
	{Cat: "XK", Name: "村庄、集镇规划区内农村村民建住宅审批", Domains: "xz", Object: objVill, Days: 20,
		Basis: []ref{{lawCZ, "第十八条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Conds: []string{"经村民会议讨论通过", "使用原有宅基地、村内空闲地和其他土地"},
		Mats:  []string{"建房申请书", "村民会议讨论通过的记录", "住宅设计图或者通用图"}},
	{Cat: "XK", Name: "村庄、集镇规划区内临时建筑物、构筑物和其他设施修建审批", Domains: "xz", Object: objAll, Days: 20,
		Basis: []ref{{lawCZ, "第三十二条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Mats:  []string{"临时建设申请书", "位置示意图", "到期自行拆除承诺书"}},
	{Cat: "XK", Name: "乡（镇）村企业选址定点审批", Domains: "zj", Object: objOrg, Days: 20,
		Basis: []ref{{lawCZ, "第十九条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Mats:  []string{"选址定点申请书", "县级以上地方人民政府批准的设计任务书或者其他批准文件", "选址位置图"}},
	{Cat: "XK", Name: "乡（镇）村公共设施、公益事业建设选址审查", Domains: "zj", Object: objOrg, Days: 20,
		Basis: []ref{{lawCZ, "第二十条", "设定依据"}, {lawXK, "第四十二条", "实施依据"}},
		Mats:  []string{"选址申请书", "乡级人民政府审核意见", "项目建设方案"}},
	{Cat: "XK", Name: "排污许可证申请受理", Domains: "sthj", Object: objOrg, Mode: "受委托", Days: 20,
		Basis: []ref{{lawDQ, "第十九条", "设定依据"}, {lawXK, "第三十二条", "实施依据"}},
		Subs:  []string{"首次申请", "重新申请", "延续"},
		Conds: []string{"依法取得建设项目环境影响评价文件审批意见或者已经办理环境影响登记表备案", "污染防治设施、污染物排放符合国家或者地方规定的标准和要求"},
		Mats:  []string{"排污许可证申请表", "自行监测方案", "污染物排放口位置和数量说明", "申请前信息公开情况说明"}},

	// 行政强制
	{Cat: "QZ", Name: "对违法排放大气污染物的有关设施、设备、物品的查封、扣押", Domains: "sthj", Object: objOrg, Days: 30, DayUnit: "自然日",
		Basis: []ref{{lawDQ, "第三十条", "设定依据"}, {lawQZ, "第二十五条", "实施依据"}}, Subs: []string{"查封", "扣押"}},
	{Cat: "QZ", Name: "查封施工现场", Domains: "zrzy cg", Object: objAll, Days: 30, DayUnit: "自然日",
		Basis: []ref{{lawGH, "第六十八条", "设定依据"}, {lawQZ, "第二十四条", "实施依据"}}},
	{Cat: "QZ", Name: "强制拆除违法建设", Domains: "zrzy cg xz", Object: objAll, Days: 30, DayUnit: "自然日",
		Basis: []ref{{lawGH, "第六十八条", "设定依据"}, {lawQZ, "第四十四条", "实施依据"}}},
	{Cat: "QZ", Name: "申请人民法院强制执行责令限期拆除决定", Domains: "zrzy nync", Object: objAll, Days: 30, DayUnit: "自然日",
		Basis: []ref{{lawTD, "第八十三条", "设定依据"}, {lawQZ, "第五十三条", "实施依据"}}},
	{Cat: "QZ", Name: "对到期不缴纳罚款的当事人加处罚款", Domains: "zrzy sthj zj cg scjg nync xz", Object: objAll, Days: 30, DayUnit: "自然日",
		Basis: []ref{{lawCF, "第七十二条", "设定依据"}, {lawQZ, "第四十五条", "实施依据"}}},
	{Cat: "QZ", Name: "代履行", Domains: "zrzy sthj zj cg xz", Object: objAll, Days: 30, DayUnit: "自然日",
		Basis: []ref{{lawQZ, "第五十条", "设定依据"}}, Subs: []string{"排除妨碍", "恢复原状"}},
	{Cat: "QZ", Name: "对涉案场所、设施或者财物的查封、扣押", Domains: "scjg cg zj", Object: objAll, Days: 30, DayUnit: "自然日",
		Basis: []ref{{lawQZ, "第九条", "设定依据"}, {lawQZ, "第二十五条", "实施依据"}}, Subs: []string{"查封", "扣押"}},

	// 行政征收
	{Cat: "ZS", Name: "土地复垦费征收", Domains: "zrzy", Object: objAll, Days: 30,
		Basis: []ref{{lawTD, "第四十三条", "设定依据"}, {lawTD, "第七十六条", "实施依据"}}},
	{Cat: "ZS", Name: "土地闲置费征收", Domains: "zrzy", Object: objOrg, Days: 30,
		Basis: []ref{{lawTD, "第三十八条", "设定依据"}}},
	{Cat: "ZS", Name: "农民集体所有土地征收", Domains: "gov", Object: "农村集体经济组织及其成员", Days: 30, DayUnit: "自然日",
		Basis: []ref{{lawTD, "第四十七条", "设定依据"}, {lawTD, "第四十八条", "实施依据"}},
		Subs:  []string{"征收土地预公告", "拟征收土地现状调查", "征地补偿安置公告"}},

	// 行政给付
	{Cat: "GF", Name: "被征地农民社会保障费用发放", Domains: "gov zrzy", Object: "被征地农民", Days: 20,
		Basis: []ref{{lawTD, "第四十八条", "设定依据"}}},
	{Cat: "GF", Name: "土地补偿费、安置补助费支付", Domains: "gov zrzy", Object: "被征地的农村集体经济组织", Days: 20,
		Basis: []ref{{lawTD, "第四十八条", "设定依据"}}, Subs: []string{"土地补偿费", "安置补助费"}},
	{Cat: "GF", Name: "农村村民住宅、地上附着物和青苗补偿费发放", Domains: "xz gov", Object: "被征地农户", Days: 20,
		Basis: []ref{{lawTD, "第四十八条", "设定依据"}, {lawTD, "第四十九条", "实施依据"}}, Subs: []string{"住宅补偿", "地上附着物补偿", "青苗补偿"}},

	// 行政检查
	{Cat: "JC", Name: "对排放大气污染物的企业事业单位和其他生产经营者的监督检查", Domains: "sthj", Object: objOrg, Days: 30,
		Basis: []ref{{lawDQ, "第二十九条", "设定依据"}}, Subs: []string{"现场检查监测", "自动监测数据核查", "双随机抽查"}},
	{Cat: "JC", Name: "对机动车排放检验机构的监督检查", Domains: "sthj", Object: objOrg, Days: 30,
		Basis: []ref{{lawDQ, "第五十四条", "设定依据"}, {lawDQ, "第二十九条", "实施依据"}}},
	{Cat: "JC", Name: "对锅炉生产、进口、销售和使用环节执行环境保护标准或者要求情况的监督检查", Domains: "scjg", Object: objOrg, Days: 30,
		Basis: []ref{{lawDQ, "第四十条", "设定依据"}}},
	{Cat: "JC", Name: "对煤炭、石油焦和油品质量的监督检查", Domains: "scjg", Object: objAll, Days: 30,
		Basis: []ref{{lawDQ, "第三十五条", "设定依据"}, {lawDQ, "第六十五条", "设定依据"}}, Subs: []string{"煤炭、石油焦", "车用燃料"}},
	{Cat: "JC", Name: "土地管理监督检查", Domains: "zrzy", Object: objAll, Days: 30,
		Basis: []ref{{lawTD, "第六十七条", "设定依据"}, {lawTD, "第六十八条", "实施依据"}}, Subs: []string{"土地卫片执法检查", "日常巡查"}},
	{Cat: "JC", Name: "城乡规划实施情况监督检查", Domains: "zrzy", Object: objAll, Days: 30,
		Basis: []ref{{lawGH, "第五十三条", "设定依据"}}},
	{Cat: "JC", Name: "农村宅基地管理监督检查", Domains: "nync xz", Object: objVill, Days: 30,
		Basis: []ref{{lawTD, "第六十七条", "设定依据"}}},
	{Cat: "JC", Name: "施工工地扬尘污染防治监督检查", Domains: "zj cg", Object: objOrg, Days: 30,
		Basis: []ref{{lawDQ, "第二十九条", "设定依据"}, {lawDQ, "第六十九条", "实施依据"}}},
	{Cat: "JC", Name: "餐饮服务业油烟污染防治监督检查", Domains: "cg", Object: objAll, Days: 30,
		Basis: []ref{{lawDQ, "第二十九条", "设定依据"}, {lawDQ, "第八十一条", "实施依据"}}},
	{Cat: "JC", Name: "秸秆禁烧巡查检查", Domains: "xz nync", Object: objAll, Days: 30,
		Basis: []ref{{lawDQ, "第七十七条", "设定依据"}}},
	{Cat: "JC", Name: "村庄、集镇房屋、公共设施和村容镇貌检查", Domains: "xz", Object: objAll, Days: 30,
		Basis: []ref{{lawCZ, "第三十三条", "设定依据"}}},

	// 行政确认
	{Cat: "QR", Name: "土地所有权和使用权登记", Domains: "zrzy", Object: objAll, Days: 30,
		Basis: []ref{{lawTD, "第十二条", "设定依据"}}, Subs: []string{"首次登记", "变更登记", "转移登记", "注销登记"},
		Mats: []string{"不动产登记申请书", "申请人身份证明", "土地权属来源材料", "地籍调查成果"}},
	{Cat: "QR", Name: "建设工程规划条件核实", Domains: "zrzy", Object: objAll, Days: 20,
		Basis: []ref{{lawGH, "第四十五条", "设定依据"}}, Mats: []string{"规划核实申请表", "建设工程规划许可证", "竣工测量成果"}},
	{Cat: "QR", Name: "农村宅基地使用权确认初审", Domains: "xz", Object: objVill, Mode: "审核转报", Days: 20,
		Basis: []ref{{lawTD, "第十二条", "设定依据"}, {lawTD, "第六十二条", "实施依据"}}, Mats: []string{"宅基地使用权确认申请表", "宅基地批准文件", "村民委员会证明"}},
	{Cat: "QR", Name: "乡村建设规划许可竣工核实", Domains: "xz", Object: objAll, Days: 20,
		Basis: []ref{{lawGH, "第四十五条", "设定依据"}, {lawGH, "第四十一条", "实施依据"}}},
	{Cat: "QR", Name: "临时用地复垦验收确认", Domains: "zrzy", Object: objAll, Days: 20,
		Basis: []ref{{lawTD, "第五十七条", "设定依据"}, {lawTD, "第四十三条", "实施依据"}}},

	// 行政奖励
	{Cat: "JL", Name: "对在保护和开发土地资源、合理利用土地以及进行有关的科学研究等方面成绩显著的单位和个人的奖励", Domains: "zrzy gov xz", Object: objAll, Days: 30,
		Basis: []ref{{lawTD, "第八条", "设定依据"}}},
	{Cat: "JL", Name: "对实名举报大气污染违法行为查证属实的举报人的奖励", Domains: "sthj cg zj scjg", Object: objAll, Days: 30,
		Basis: []ref{{lawDQ, "第三十一条", "设定依据"}}},

	// 行政裁决
	{Cat: "CJ", Name: "土地所有权和使用权争议处理", Domains: "gov zrzy", Object: objAll, Days: 60, DayUnit: "自然日",
		Basis: []ref{{lawTD, "第十四条", "设定依据"}}, Subs: []string{"单位之间的争议", "个人与单位之间的争议"}},
	{Cat: "CJ", Name: "个人之间、个人与单位之间土地所有权和使用权争议处理", Domains: "xz", Object: objAll, Days: 60, DayUnit: "自然日",
		Basis: []ref{{lawTD, "第十四条", "设定依据"}}},

	// 其他行政权力
	{Cat: "QT", Name: "政府信息公开申请办理", Domains: "zrzy sthj zj cg scjg nync gov xz", Object: objAll, Days: 20,
		Basis: []ref{{lawGK, "第二十七条", "设定依据"}, {lawGK, "第三十三条", "实施依据"}, {lawGK, "第三十六条", "实施依据"}}},
	{Cat: "QT", Name: "国有土地使用权出让前规划条件提出", Domains: "zrzy", Object: objOrg, Days: 20,
		Basis: []ref{{lawGH, "第三十八条", "设定依据"}}},
	{Cat: "QT", Name: "重污染天气应急措施组织实施", Domains: "sthj gov", Object: objOrg, Days: 0,
		Basis: []ref{{lawDQ, "第九十六条", "设定依据"}}},
	{Cat: "QT", Name: "乡（镇）村公共设施、公益事业建设用地审核", Domains: "xz", Object: objOrg, Mode: "审核转报", Days: 20,
		Basis: []ref{{lawTD, "第六十一条", "设定依据"}}},
	{Cat: "QT", Name: "建设工程竣工验收资料接收", Domains: "zrzy", Object: objOrg, Days: 5,
		Basis: []ref{{lawGH, "第四十五条", "设定依据"}}},

	// 公共服务
	{Cat: "GG", Name: "政府信息公开查阅服务", Domains: "zrzy sthj zj cg scjg nync gov xz", Object: objAll, Days: 20,
		Basis: []ref{{lawGK, "第二十五条", "设定依据"}, {lawGK, "第二十条", "实施依据"}}},
	{Cat: "GG", Name: "城乡规划查询服务", Domains: "zrzy xz", Object: objAll, Days: 5,
		Basis: []ref{{lawGH, "第九条", "设定依据"}}},
	{Cat: "GG", Name: "大气污染举报受理", Domains: "sthj cg zj scjg", Object: objAll, Days: 15,
		Basis: []ref{{lawDQ, "第三十一条", "设定依据"}}, Subs: []string{"电话举报", "网络举报"}},
	{Cat: "GG", Name: "城乡规划监督检查情况和处理结果查阅", Domains: "zrzy", Object: objAll, Days: 5,
		Basis: []ref{{lawGH, "第五十四条", "设定依据"}}},
	{Cat: "GG", Name: "征地补偿费用收支情况公布", Domains: "xz gov", Object: "被征地的农村集体经济组织成员", Days: 10,
		Basis: []ref{{lawTD, "第四十九条", "设定依据"}}},
}

// hasDomain reports whether a space-separated domain list holds d.
func hasDomain(list, d string) bool {
	for _, x := range strings.Fields(list) {
		if x == d {
			return true
		}
	}
	return false
}

// categoryNames maps the codes to the names written in content files, in
// the portal's order.
var categories = []struct{ Code, Name string }{
	{"XK", "行政许可"}, {"CF", "行政处罚"}, {"QZ", "行政强制"}, {"ZS", "行政征收"}, {"GF", "行政给付"},
	{"JC", "行政检查"}, {"QR", "行政确认"}, {"JL", "行政奖励"}, {"CJ", "行政裁决"}, {"QT", "其他行政权力"}, {"GG", "公共服务"},
}

func categoryName(code string) string {
	for _, c := range categories {
		if c.Code == code {
			return c.Name
		}
	}
	return code
}

func categoryIndex(code string) int {
	for i, c := range categories {
		if c.Code == code {
			return i
		}
	}
	return len(categories)
}

// allTemplateRefs lists every legal reference the generator can write.
func allTemplateRefs() []ref {
	var out []ref
	for _, v := range append(append([]violation(nil), violations...), permitViolations...) {
		out = append(out, ref{v.Law, v.Art, "处罚依据"})
		if v.Violated != "" {
			out = append(out, ref{v.Law, v.Violated, "违反条款"})
		}
	}
	for _, t := range templates {
		out = append(out, t.Basis...)
	}
	for _, list := range accountabilities {
		for _, a := range list {
			out = append(out, a.Refs...)
		}
	}
	for _, f := range flowTemplates {
		for _, s := range f.Steps {
			out = append(out, s.Refs...)
		}
	}
	out = append(out, extraRefs...)
	return out
}
