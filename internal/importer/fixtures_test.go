package importer

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// xsheet is a worksheet of a fixture: rows of cells ("" is an empty cell;
// a merged range has its value in its top-left cell only, as Excel keeps
// it) and the merged ranges.
type xsheet struct {
	name   string
	rows   [][]string
	merges []string // "A1:H1"
	hidden bool
}

// buildXLSX writes a workbook with the given sheets to dir/name and returns
// its path.
func buildXLSX(t testing.TB, dir, name string, sheets ...xsheet) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, cells := range s.rows {
			for c, v := range cells {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range s.merges {
			a, b, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s.name, a, b); err != nil {
				t.Fatal(err)
			}
		}
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	writeFile(t, p, buf.Bytes())
	return p
}

// benchmarkSheets is a discretion benchmark as units keep it: a title row,
// a two-row header with 裁量基准 spanning three columns, violations
// numbered 1-1/1-2 whose 序号, 违法行为 and 依据 cells are merged over
// their four tier rows, a blank separator row, a multi-line conditions
// cell, a violation citing a law the registry lacks, notes rows at the
// foot, an unknown column, and a second sheet with other column names.
// changed gives the updated version used by the merge test: tier 2 of 1-1
// gets a new standard, 1-1 gets a fifth tier, 1-2 is gone.
func benchmarkSheets(changed bool) []xsheet {
	std2 := "处二万元以上四万元以下的罚款"
	if changed {
		std2 = "处二万元以上五万元以下的罚款"
	}
	rows := [][]string{
		{"示范县青石镇生态环境领域行政处罚裁量基准"},
		{"序号", "违法行为", "违则", "处罚依据", "裁量基准", "", "", "备注", "内部编号"},
		{"", "", "", "", "裁量阶次", "适用条件", "具体标准", "", ""},
		{"1-1", "在人口集中地区焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质", "《中华人民共和国大气污染防治法》第八十二条第一款",
			"《中华人民共和国大气污染防治法》（2018年10月26日修正）第一百一十九条第二款", "1", "1.焚烧量少于1立方米\n2.配合调查并及时改正", "处一万元以上二万元以下的罚款", "同一违法行为不得给予两次以上罚款", "HB-01"},
		{"", "", "", "", "2", "焚烧量1立方米以上3立方米以下", std2, "", "HB-01"},
		{"", "", "", "", "3", "焚烧量3立方米以上，或者拒不改正", "处四万元以上七万元以下的罚款", "", "HB-01"},
		{"", "", "", "", "4", "造成严重后果或者一年内再次违法", "处七万元以上十万元以下的罚款", "", "HB-01"},
	}
	merges := []string{"A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:H3", "I2:I3", "A4:A7", "B4:B7", "C4:C7", "D4:D7", "H4:H7"}
	if changed {
		rows = append(rows, []string{"", "", "", "", "5", "造成重大社会影响", "处十万元的罚款", "", "HB-01"})
		merges = []string{"A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:H3", "I2:I3", "A4:A8", "B4:B8", "C4:C8", "D4:D8", "H4:H8"}
	}
	rows = append(rows, []string{})
	if !changed {
		n := len(rows) + 1
		rows = append(rows,
			[]string{"1-2", "露天焚烧秸秆、落叶等产生烟尘污染的物质", "", "《大气污染防治法》第一百一十九条第一款", "从轻处罚", "①初次违法②焚烧面积较小③及时改正", "处五百元以上一千元以下的罚款", "", "HB-02"},
			[]string{"", "", "", "", "一般", "焚烧面积较大", "处一千元以上一千五百元以下的罚款", "", "HB-02"},
			[]string{"", "", "", "", "从重处罚", "拒不改正或者在禁烧区内焚烧", "处一千五百元以上二千元以下的罚款", "", "HB-02"},
		)
		merges = append(merges, fmt.Sprintf("A%d:A%d", n, n+2), fmt.Sprintf("B%d:B%d", n, n+2), fmt.Sprintf("D%d:D%d", n, n+2))
	}
	n := len(rows) + 1
	rows = append(rows,
		[]string{"1-3", "在禁燃区内燃放烟花爆竹", "", "《河北省大气污染防治条例》第八十九条", "一般", "在禁燃区内燃放", "处五百元罚款", "", "HB-03"},
		[]string{},
		[]string{"备注：本基准所称“以上”包括本数，“以下”不包括本数。"},
		[]string{"注：同时符合两个以上阶次的，按较重的阶次处罚。"},
	)
	merges = append(merges, fmt.Sprintf("A%d:I%d", n+2, n+2), fmt.Sprintf("A%d:I%d", n+3, n+3))
	return []xsheet{
		{name: "生态环境类", rows: rows, merges: merges},
		{name: "城乡建设类", rows: [][]string{
			{"编号", "违法行为名称", "法律依据", "情节", "裁量情节", "处罚标准"},
			{"2-1", "擅自在村庄、集镇规划区内的街道、广场、市场和车站等场所修建临时建筑物、构筑物和其他设施", "《村庄和集镇规划建设管理条例》第四十条",
				"情节轻微", "初次违法，占用面积10平方米以下，及时自行拆除", "责令限期拆除，不予罚款"},
			{"", "", "", "情节一般", "占用面积10平方米以上50平方米以下", "责令限期拆除，并处临时建设工程造价百分之三十以下的罚款"},
			{"", "", "", "情节严重", "占用面积50平方米以上，或者拒不拆除", "责令限期拆除，并处临时建设工程造价百分之五十以上一倍以下的罚款"},
		}, merges: []string{"A2:A4", "B2:B4", "C2:C4"}},
		{name: "填写说明", hidden: true, rows: [][]string{{"本表由综合行政执法办公室填写"}}},
	}
}

// powerSheets is a 权责清单 with category section headings, odd column
// names (权力事项名称, 权力类型, 行使主体, 责任科室, 风险环节, 风险级别,
// 责任岗位), main items merged over their risk rows, sub-items numbered
// 2-1/2-2, an item without an office, a risk level the portal does not
// know, and a notes row. No code column: codes are generated.
func powerSheets(changed bool) []xsheet {
	office := "村镇建设办公室"
	if changed {
		office = "自然资源和规划办公室"
	}
	return []xsheet{{name: "权责清单", rows: [][]string{
		{"示范县青石镇权责清单"},
		{"序号", "权力事项名称", "子项", "权力类型", "设定依据", "行使主体", "责任科室", "办理时限", "收费", "风险环节", "风险点描述", "风险级别", "防控措施", "责任岗位", "追责情形", "备注", "责任事项"},
		{"一、行政许可"},
		{"1", "乡村建设规划许可", "", "行政许可", "《中华人民共和国城乡规划法》第四十一条\n《行政许可法》第十二条", "示范县青石镇人民政府", office, "法定20个工作日，承诺10个工作日", "不收费",
			"受理", "对不符合条件的申请予以受理，或者对符合条件的申请不予受理", "三级", "1.一次性告知申请材料\n2.受理登记留痕", "窗口受理人员", "1.对符合法定条件的申请不予受理的；2.不在法定期限内作出决定的", "", "受理责任：公示依法应当提交的材料，一次性告知补正材料\n审查责任：对申请材料进行审查，提出审查意见"},
		{"", "", "", "", "", "", "", "", "", "审查", "擅自增加或者减少审查条件", "一级", "1.量化审查标准；2.集体评议", "科室负责人", "", ""},
		{"二、行政处罚"},
		{"2-1", "对损坏村庄和集镇的房屋、公共设施的处罚", "损坏房屋", "", "《村庄和集镇规划建设管理条例》第三十九条", "示范县青石镇人民政府", "综合行政执法办公室", "90日", "不收费",
			"调查取证", "执法人员少于两人或者不出示执法证件", "高", "执法记录仪全程记录", "执法人员", "擅自改变行政处罚种类、幅度的", "由县级部门下放"},
		{"2-2", "", "损坏公共设施", "", "", "", "", "", "",
			"决定", "擅自改变处罚种类、幅度", "较高", "严格执行裁量基准", "分管领导", "", ""},
		{"3", "对违反规划建设住宅的处罚", "", "", "《村庄和集镇规划建设管理条例》第三十七条", "示范县青石镇人民政府", "", "90日", "不收费", "", "", "", "", "", "", ""},
		{"填表说明：风险级别按高、中、低填写。"},
	}, merges: []string{
		"A1:Q1", "A3:Q3", "A6:Q6", "A10:Q10",
		"A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:G5", "H4:H5", "I4:I5", "O4:O5", "P4:P5", "Q4:Q5",
		"B7:B8", "E7:E8", "F7:F8", "G7:G8", "H7:H8", "I7:I8",
	}}}
}

// riskCSV is a unit's 廉政风险防控目录 as a CSV export of a table whose
// 单位/科室 and 责任领导 cells were merged: they are blank below their
// first row. It has an unknown column (部门负责人) and level words
// 一级/二级/三级.
const riskCSV = `序号,单位/科室,风险类别,岗位,风险点,廉政风险主要内容及表现形式,风险等级,防控措施,部门负责人,责任领导
1,党政综合办公室,岗位职责风险,公车管理员,公车使用管理,公车私用、违规加油及维修。,三级,"1.加强教育提醒; 2.制定加油、维修及车辆管理制度; 3.每月汇总核对并公示",（略）,分管副镇长
2,,业务流程风险,财务人员,重大经济事项决策,"重大事项决策、大额资金使用未按规定经集体讨论。",一级,"严格落实“三重一大”集体决策制度",,
3,村镇建设办公室,岗位职责风险,审批人员,宅基地审批,"1.对不符合条件的申请予以审批
2.批后监管缺位",二级,"审批联审联办，全程留痕
审批结果在村务公开栏公示",,
,,,,,,,审批资料归档备查,,
4,,岗位职责风险,,工程招标,违规设置招标条件,特高,加强监督,,
`

// encodings returns riskCSV as UTF-8, UTF-8 with a BOM, and GBK.
func encodings(t testing.TB) map[string][]byte {
	t.Helper()
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(riskCSV))
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"utf8":    []byte(riskCSV),
		"utf8bom": append([]byte("\ufeff"), riskCSV...),
		"gbk":     gbk,
	}
}

var _ = bytes.Equal
