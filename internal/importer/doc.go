// Package importer brings the tables units already keep — 权责清单,
// 行政处罚裁量基准, 廉政风险防控目录 — into content files. It is the
// engine of `sunlight import -unit ID -kind powers|benchmarks|risks
// [-sheet NAME] [-map 'column=field'] [-dry-run] FILE`:
//
//	res, err := importer.Import(importer.Options{Content: "content", Unit: "qingshi",
//		Kind: importer.KindBenchmarks, File: "裁量基准.xlsx", DryRun: true})
//	fmt.Print(res.Diff())
//
// An error means nothing was written (bad options, an unreadable file, no
// table found, an existing content file with errors). Otherwise the
// [Result] lists the files created, updated or unchanged, and everything
// the import could not take over as it was.
//
// # Formats
//
//   - .xlsx (and .xlsm): every visible worksheet, or only the one named by
//     Options.Sheet (hidden sheets are skipped). Merged cells are expanded:
//     each cell of a merged range holds the range's value, so a 违法行为
//     merged over its four tier rows is read on all four. Cells are read
//     as Excel shows them; line breaks inside a cell (Alt+Enter) are kept.
//   - .csv (and .txt): UTF-8, UTF-8 with BOM, GBK/GB18030 and UTF-16 are
//     detected and converted (textenc.ToUTF8); the encoding is in
//     Result.Encoding. The separator is a comma, or a tab or semicolon if
//     the first line has more of those; lines starting with # are skipped.
//     A CSV file is one sheet named after the file.
//   - .xls is refused: save it as .xlsx.
//
// # Reading a table
//
// The header is the row, among the first 20, whose cells select the most
// fields (at least two); a single text above it is the title row (the
// default title of a new benchmark or catalogue). The row below is a
// second header row when each of its filled cells selects a field,
// repeats the cell above (a merged header) or sits under a header cell
// spanning several columns; a column is then named by its lower header,
// else the two joined, else the upper one ("裁量基准" over "裁量阶次 |
// 适用条件 | 具体标准").
//
// Below the header:
//
//   - blank rows (separators) and repetitions of the header are skipped;
//   - a row starting with 备注：, 注：, 说明：, 填表说明 or 附注, and any
//     one-cell rows after it, is a note: its text goes to Result.Notes;
//   - a row with a single text (merged across, or alone) that looks like a
//     section heading (一、…, （二）…, 第三部分, …类, …事项) is skipped; for
//     powers, a heading naming a category (一、行政许可) gives that
//     category to the items below it that have none;
//   - any other one-cell row is reported and skipped;
//   - a cell reading 同上, (同上) or 〃 takes the value above it.
//
// Numbers such as 1-1, 1-2 are kept as a violation's no; tier rows
// numbered 3-1, 3-2 give the violation the number 3.
//
// # Columns
//
// A header selects a field, tried in this order: a -map entry
// (Options.Map, header → field id, or "-" to drop the column on purpose);
// a synonym below, exactly (white space, * and a trailing colon ignored);
// the same without bracketed notes ("风险等级（高/中/低）"); one part of a
// header written "甲/乙", "甲、乙" or "甲及乙", the first that is a
// synonym; the longest synonym of three or more characters the header
// contains ("廉政风险主要内容及表现形式"). When two columns select one
// field, the one whose synonym comes first in the list wins. Columns that
// select nothing are listed in Result.Unknown and not imported; map them
// with -map or drop them with '列名=-'. Field ids:
//
// Powers (-kind powers; one file per item, units/ID/powers/<code>.md):
//
//	no              序号 编号 (not imported)
//	code            事项编码 职权编码 基本编码 实施编码 事项代码 业务编码 权力编码 事项编号 编码
//	name            事项名称 职权名称 权力事项名称 权责事项名称 权力名称 主项名称 主项 事项名称(主项) 权责事项
//	sub_name        子项名称 子项 事项子项 实施事项 子项事项名称
//	category        事项类型 职权类型 职权类别 权力类别 权力类型 权责类型 权责类别 事项类别 类别 类型
//	subject         实施主体 行使主体 法定主体 责任主体 部门名称 实施机关
//	office          承办机构 承办科室 责任科室 办理机构 内设机构 承办部门 承办单位
//	level           行使层级 实施层级 实施层级及权限 层级
//	mode            行使方式 赋权方式 实施方式
//	status          状态 事项状态 有效状态
//	service_object  实施对象 服务对象 行使对象
//	basis:设定依据   设定依据              (basis, role 设定依据)
//	basis:实施依据   实施依据              (basis, role 实施依据)
//	basis           法律依据 依据 权力依据 法定依据 设定和实施依据 法律法规依据 (no role)
//	conditions      申请条件 办理条件 受理条件 实施条件
//	materials       申请材料 办理材料 申报材料
//	step            环节 运行环节 环节名称 办理环节 流程环节 风险环节
//	responsibilities 责任事项 责任事项内容 责任内容
//	accountabilities 追责情形 问责情形 责任追究情形 追责情形及追责依据
//	statutory_days  法定时限 法定期限 法定办结时限 办理时限
//	promised_days   承诺时限 承诺期限 承诺办结时限
//	fee             收费依据及标准 收费标准 收费 是否收费 收费依据
//	risk            风险点 风险点描述 廉政风险点 风险描述 风险内容
//	manifestation   表现形式 风险点表现形式 主要表现形式
//	risk_level      风险等级 风险级别 等级
//	measures        防控措施 风险防控措施 预防措施 防范措施
//	owner           责任人 责任岗位 风险责任人 责任部门
//	risk_category   风险类别 风险类型
//
// Benchmarks (-kind benchmarks; one file, units/ID/benchmarks/<id>.toml,
// id from Options.ID or the file name; a row is a tier):
//
//	no              序号 编号
//	name            违法行为 违法行为名称 事项名称 处罚事项 违法事项
//	violated        违则 违反条款 违法依据 违法条款 违法行为依据
//	penalty_basis   处罚依据 法律依据 法定依据 设定依据 依据 法律法规依据 实施依据 行政处罚依据
//	statutory       法定处罚幅度 处罚种类和幅度 法定处罚种类及幅度 法定处罚 处罚种类
//	tier            裁量阶次 阶次 类别 情节 裁量等级 违法情节 违法程度 档次 处罚档次 裁量档次 情节程度
//	conditions      适用条件 裁量情节 情形 具体情形 情形描述 违法情节和后果 适用情形 具体情节
//	standard        裁量标准 具体标准 裁量幅度 处罚标准 处罚裁量标准 裁量基准 自由裁量基准 具体裁量标准 处罚幅度
//	kind            阶次类型 裁量类型
//	remarks         备注 说明
//
// Risks (-kind risks; one file, units/ID/risks/<year>.toml, year from
// Options.Year or site.toml; a row is an item):
//
//	no              序号 编号
//	object_type     防控对象类型 对象类型 风险对象类型 类型
//	object          防控对象 风险对象 对象 风险部位
//	object:关键岗位  岗位 关键岗位 风险岗位 岗位名称   (object, type 关键岗位)
//	object:重点领域  重点领域 业务领域 重要环节 重点环节 (object, type 重点领域)
//	object:重点对象  重点对象                        (object, type 重点对象)
//	category        风险类别 风险类型 风险分类
//	risk            风险点 风险点描述 廉政风险点 职权内容 风险事项 风险名称 主要风险点
//	manifestation   表现形式 风险点表现形式 主要表现形式 廉政风险主要内容及表现形式 风险表现 风险描述
//	level           风险等级 风险级别 等级
//	measures        防控措施 风险防控措施 预防措施 防范措施
//	owner           责任人 责任岗位 责任部门 单位/科室 责任主体/科室 责任科室 责任主体 科室 责任单位 直接责任人
//	leader          责任领导 分管领导
//
// # Rows to entries
//
// Powers: a row starts a new item unless its name is blank or the same as
// the item above and its code and sub-item add nothing new; rows of one
// item (a main item merged over its risk rows) each add a risk point, a
// 责任事项 and list values. A blank name (a CSV export of merged cells)
// inherits the item columns of the row above, so sub-items 2-1, 2-2 under
// one merged name become two items. Without a code column, an item keeps
// the code of the existing file with the same name and sub-item, or gets
// <unit>-<CAT>-NNN after the highest such code in use.
//
// Benchmarks: a row starts a new violation unless its 违法行为 is blank or
// the same as above (and its 处罚依据 blank or the same); each row with a
// tier, conditions or standard is a tier. A tier without a tier column is
// labelled 阶次N; a bare number n becomes 阶次n; kind is read from the
// label (从轻, 从重, 减轻, 不予处罚, 免予处罚, 一般) unless a kind column
// says it. A violation's remarks are its distinct 备注 joined by lines.
//
// Risks: each row is an item; a row with a blank 风险点 continues the item
// above (its 表现形式 and measures are added). Blank 防控对象, 类型, 风险类
// 别, 责任人 and 责任领导 cells take the value above (merged cells). With no
// object column the risk point is the object and the type is 重点领域.
//
// # Cells
//
//   - Lists (conditions, materials, measures, accountabilities,
//     responsibilities): one item per line and per numbered part
//     ("1.…；2.…", "（1）…；（2）…", "①…②…"), numbering and trailing
//     separators removed. A responsibility "受理责任：…" gets step 受理.
//   - Citations (basis, penalty_basis, violated) are read by
//     cite.ParseCitation: one reference per article, in canonical form
//     (第一百一十九条第二款), the law by its registry id (the title,
//     normalised, matched against each law's title and short title). A law
//     the registry lacks is a row problem naming its title — register it
//     in laws/ and import again; the row's other citations are imported.
//     Text after "：" following a one-article citation is its quote.
//     penalty_basis needs an article; a violation left without any is
//     skipped.
//   - Risk levels go through model.NormalizeRiskLevel (高/中/低, 一级…,
//     ★★★…); a level it does not know skips the risk point or item.
//     风险类别 "岗位职责风险" is written 岗位职责.
//   - Categories: names, codes, 行政处罚类, 其他职权 … (model.CategoryByName).
//   - Time limits: "20个工作日", "九十日"; a cell with more text is also kept
//     as time_limit.note; "法定20个工作日，承诺10个工作日" fills both.
//   - Fee: 不收费, 免费, 无, 否 → charged = false; otherwise charged = true;
//     the cell is the standard.
//
// # Files and merging
//
// Files are written in one canonical layout (model field order, empty
// values left out, the loader's defaults mode 法定 / status 现行 / style
// tiered left out, [[tables]] for records, inline tables for records
// inside records), read back through load.ParseFile and written again, so
// a second import of the same sheet finds every file unchanged and leaves
// it byte for byte. A new file gets published, reviewed (and a
// benchmark's effective) = Options.Date; a power's body is empty.
//
// An existing file is parsed (one with errors stops the import: fix it
// first) and the sheet's values are merged into it. The import owns only
// what the sheet has columns for: code, name and category of a power and
// the keys of the columns present; a benchmark's violations; a catalogue's
// items. Everything else — the Markdown body, flow, benchmark, dates, keys
// without a column, comments at the top of the file — is kept. Records are
// matched by key: violations by name, tiers by label, risk items by object
// and risk point, basis entries by law, article and role, risk points by
// step and description. A matched record keeps the author's keys (a tier's
// penalties, a basis quote, an accountability's basis). A violation or
// risk item the sheet no longer has is kept and listed in Result.Kept; a
// tier or record of the sheet's that is gone is removed, and listed in
// Result.Dropped when it carried keys the author had added. Basis entries
// with a role the sheet has no column for are the author's. Power files
// the sheet does not mention are not touched. A file that changes is
// rewritten in canonical form: comments other than the leading ones are
// not kept.
//
// # Reports and writing
//
// Result.Problems lists each row (sheet and 1-based row; a CSV line) that
// could not be imported as it is, with the reason; Skipped marks rows,
// tiers, items and risk points left out altogether. Result.Unknown lists
// unmapped columns, Result.Columns how every column was mapped,
// Result.MissingLaws the cited laws the registry lacks, Result.Notes the
// notes rows, Result.Kept and Result.Dropped what merging left or removed
// of the author's content.
//
// Nothing is half-written: every file is written to a temporary file next
// to it and renamed into place only when all are written; if a rename
// fails, the files already replaced are put back. With DryRun nothing is
// written and Result.Diff shows the changes. Codes unique across units and
// other site-wide rules are for `sunlight check` to report.
package importer
