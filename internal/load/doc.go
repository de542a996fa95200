// Package load reads a content tree (an fs.FS) into the model, checking
// every file and reporting every problem with its position.
//
// This comment is the reference for content authors. Files are UTF-8
// (a BOM and CRLF line endings are accepted). Structured files are TOML;
// items that carry prose are Markdown with TOML front matter between two
// lines of +++. Unknown keys, wrong values and missing required keys are
// errors, reported as
//
//	units/qingshi/powers/CF-001.md:7:1: error: 未知的键 "nmae"
//	    hint: 是否想写 "name"?可用的键: code, name, sub_name, …
//
// Lines and columns start at 1 and count characters. Dates are TOML dates
// (2025-03-01) or strings ("2025-03-01", "2025年3月1日").
//
// # Layout
//
//	content/
//	  site.toml                       portal identity (below)
//	  laws/<id>.toml                  one law of the shared registry
//	  units/<unit>/unit.toml          unit profile; <unit> is the unit id
//	  units/<unit>/powers/<any>.md    one power item (权责清单 entry)
//	  units/<unit>/flows/<id>.toml    one flow (权力运行流程图), reusable
//	  units/<unit>/benchmarks/<id>.toml  one discretion benchmark (裁量基准)
//	  units/<unit>/risks/<year>.toml  the unit's risk catalogue for a year
//	  pages/<slug>.md                 free page (about, how to complain, …)
//
// Ids (unit folders, law, flow and benchmark file names, page slugs) are
// lower-case ASCII letters, digits and hyphens: they appear in URLs.
//
// # site.toml
//
//	title            * 网站名称, e.g. "示范县廉政风险防控公开平台"
//	region           * 县名, e.g. "示范县"
//	organiser        * 主办单位
//	undertaker         承办单位
//	site_code        * 网站标识码 (10 characters)
//	icp, icp_url       ICP备案号 and its registry link
//	police_record, police_url  公安机关备案号 and its registry link
//	phone, email, address      联系方式
//	base_url         * public URL of the portal, may be a sub-path
//	year             * current annual review cycle (e.g. 2025)
//	description        one paragraph for the home page and <meta>
//	keywords           list of strings
//	error_report_url   "我为政府网站找错" link
//	supervision        county-level text on how to report misconduct
//	supervise_phone, supervise_url  县纪委监委 举报电话 and 举报网站
//	min_tiers          minimum tiers per benchmark (default 3)
//	no_print           true turns off the print pages (volumes, posters)
//
// # laws/<id>.toml
//
//	title      * full title, e.g. "中华人民共和国行政处罚法"
//	short        short title used in citations, e.g. "行政处罚法"
//	level      * 法律 | 行政法规 | 地方性法规 | 自治条例 | 单行条例 | 部门规章 |
//	             地方政府规章 | 规范性文件 | 党内法规
//	issuer, doc_no
//	adopted, effective *, revised (list of dates)
//	status       现行 (default) | 已修订 | 已废止
//	[[articles]] number * ("第三十四条"), text *
//
// # units/<unit>/unit.toml
//
//	name           * full name, e.g. "示范县青石镇人民政府"
//	short            short name, e.g. "青石镇"
//	type           * 县人民政府 | 县政府工作部门 | 乡镇人民政府 | 街道办事处 | 事业单位 |
//	                 派驻机构 | 垂管机构 | 派出机构 | 村(社区)
//	division_code  * 6-digit 行政区划代码
//	parent           id of the supervising unit
//	order            position in unit lists (smaller first)
//	credit_code      统一社会信用代码
//	address, office_hours, phone
//	supervise_phone  监督电话; complaint_email, complaint_url
//	functions        主要职责 (multi-line string)
//	offices          list of internal offices (科室)
//	[[leaders]]      name, title *, duties (public officials only)
//	published *, reviewed *
//
// # units/<unit>/powers/<file>.md
//
// Front matter keys (the Markdown body below it is free prose: 办理须知 etc.):
//
//	code        * opaque, unique in the site; letters, digits, - _ . and 汉字
//	name        * 事项名称; sub_name 子项名称
//	category    * 行政许可 | 行政处罚 | 行政强制 | 行政征收 | 行政给付 | 行政检查 |
//	              行政确认 | 行政奖励 | 行政裁决 | 其他行政权力 | 公共服务
//	              (or the codes XK CF QZ ZS GF JC QR JL CJ QT GG)
//	subject       实施主体 (defaults to the unit's name)
//	office      * 承办机构
//	level         行使层级, e.g. "县级", "乡级"
//	mode          法定 (default) | 下放 | 委托 | 受委托 | 共同实施 | 审核转报
//	status        现行 (default) | 暂停 | 取消
//	service_object 实施对象
//	flow          id of a flow in units/<unit>/flows/, or "<unit>/<id>"
//	benchmark     id of a benchmark in units/<unit>/benchmarks/, or "<unit>/<id>"
//	conditions, materials   lists of strings (申请条件, 申请材料)
//	published *, reviewed *, effective
//	[[basis]]     law * (registry id), article * ("第四十条"), role, quote
//	              role: 设定依据 | 实施依据 | 处罚依据 | 违反条款 | 责任依据 | 追责依据
//	[time_limit]  statutory_days, promised_days, unit (工作日 | 自然日), note
//	[fee]         charged (bool), standard, basis
//	[[responsibilities]]  step, content *
//	[[accountabilities]]  situation *, [[accountabilities.basis]] as basis
//	[[risks]]     step, description *, level * (高 | 中 | 低, or 一级/二级/三级,
//	              ★★★/★★/★), category, measures * (list), owner
//
// # units/<unit>/flows/<id>.toml
//
//	name       * 流程名称
//	category     category it is meant for
//	template     start from a standard template; steps below override by id
//	note
//	published, reviewed
//	[[steps]]  id * (ASCII), name *, kind (start | step | decision | end),
//	           post (责任岗位), days, day_unit (工作日 | 自然日), time_note,
//	           basis (text), next (list of step ids or {to = "id", label = "…"}),
//	           [[steps.risks]] as power risks
//
// A flow without kinds gets start for the first step and end for steps with
// no next.
//
// # units/<unit>/benchmarks/<id>.toml
//
//	title      * 基准名称
//	issuer     * 制定机关; doc_no 文号
//	style        tiered (default) | factor
//	source       upstream benchmark "<unit>/<id>" this one adopts
//	effective *, expires, published *, reviewed *
//	[[violations]]  no, name * (违法行为), statutory (法定处罚幅度 text), remarks,
//	                violated (list of legal refs), penalty_basis * (list of legal refs)
//	[[violations.tiers]]  label *, kind, conditions * (list), standard * (裁量标准)
//	[[violations.tiers.penalties]]  optional override of what is read from
//	                standard: type * (罚款, 警告, 没收违法所得 …), target (单位 | 个人),
//	                min, max, unit (元 | 倍 | % | 日), base (违法所得 …)
//
// # units/<unit>/risks/<year>.toml
//
//	year * (must match the file name), title, published *, reviewed *
//	[[items]]  object_type * (重点对象 | 重点领域 | 关键岗位), object *,
//	           category (思想道德 | 岗位职责 | 业务流程 | 制度机制 | 外部环境),
//	           risk * (风险点), manifestation (表现形式), level *,
//	           measures * (list), owner (责任部门/岗位), leader (责任领导 post)
//
// # pages/<slug>.md
//
//	title *, summary, weight (menu order), published, reviewed
package load
