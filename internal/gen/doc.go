// Package gen generates realistic, deterministic integrity-risk portals of
// any size, for tests and for measuring Sunlight against Hugo at county,
// prefecture and province scale (1,000, 10,000 and 100,000 items).
//
//	gen.Generate(gen.Options{Units: 100, Items: 10000, Seed: 1}, gen.DirWriter("content"))
//	gen.GenerateHugo(gen.Options{Units: 100, Items: 10000, Seed: 1}, gen.DirWriter("hugo-site"))
//
// # Output (Sunlight)
//
// [Generate] writes a content tree in the format of internal/load/doc.go;
// it loads, links and checks without a single error (tested):
//
//	site.toml                        portal identity (网站标识码, ICP/公安备案, 监督举报 …)
//	laws/<id>.toml                   9 statutes with a curated subset of their real articles
//	pages/about.md                   关于本站
//	units/<unit>/unit.toml           profile: type, 行政区划代码, parent, valid 统一社会信用代码,
//	                                 address, phones, 主要职责, 内设机构, 领导分工
//	units/<unit>/flows/<id>.toml     one flow per category the unit publishes (+ 简易程序)
//	units/<unit>/powers/<code>.md    the items (权责清单), TOML front matter + Markdown
//	units/<unit>/benchmarks/<id>.toml  裁量基准 of most 行政处罚 items
//	units/<unit>/risks/<Year>.toml   the unit's 廉政风险防控目录 for the year
//
// # Determinism and memory
//
// The same [Options] give byte-identical files, on any platform and Go
// release: the generator uses its own SplitMix64 stream (not math/rand),
// seeded per unit from Seed and the unit's index, and no map iteration or
// clock. Units are generated and written one after another and every item
// is written as soon as it is made, so memory stays flat (about 17 MB peak
// RSS for 100,000 items); a unit's content depends only on the small
// site plan (units, item and category counts), not on other units'.
// Writers are called from one goroutine, in a fixed order.
//
// Defaults ([Options.Normalized]): Items 1000, Units Items/100 (at most
// Items), Year 2025. All dates fall between 1 January of Year-2 and the
// end of Year; about 93% of items were reviewed in Year (the rest trigger
// Sunlight's not-reviewed warning, as real portals do).
//
// # Units and names
//
// Units are grouped in counties of 16–22 units: the 县人民政府, six
// departments (自然资源局, 生态环境分局 — a 派出机构 —, 住房和城乡建设局,
// 城市管理局, 市场监督管理局, 农业农村局) and townships (镇 70%, 乡 30%).
// The first positions interleave departments and townships, so even a
// five-unit portal has both. County and township names are two syllables
// from fixed tables (青 + 石 + 镇 = 青石镇, 凤 + 化 + 县) whose pinyin gives the
// unit ids (qingshi-zhen, fenghua-zrzyj); every name is unique in the site
// and a numeric suffix (青石二镇) appears only when the combinations run
// out. A portal with one county is titled after it (凤化县廉政风险防控公开平台);
// with several, after a city named the same way. Division codes use the
// fictional prefix 99 (like the demo's 990101), so nothing can be mistaken
// for a real county. Phone numbers are landlines and e-mail addresses are
// under example.gov.cn, so the loader's personal-data guard stays silent.
// Items are spread over units in proportion to a weight per unit kind
// (自然资源局 200 … 乡镇 100, 县人民政府 60).
//
// # Items
//
// Each unit's items are split over the ten categories plus 公共服务 with
// weights per unit type (departments 46% 行政处罚, townships 43%, county
// government none); a category the unit has no template for gives its
// weight to the others (never to 行政处罚), and the fractional parts are
// carried from unit to unit, so the whole site stays close to the mix —
// about 45% 行政处罚 and every category present (tested at 1,000 items).
//
// 行政处罚 items are the violations of the statutes' 罚则 chapters
// (templates.go: 75 entries, in the statute's own words): "对" + violation +
// "的处罚", with the 处罚依据 article (paragraph and item:
// 第一百一十九条第二款, 第一百零八条第四项) and, where the statute has one,
// the 违反条款. The 行政许可法 第七十八—八十条 penalties are listed once per
// unit for its main permit, as 子项. Other categories come from hand-written
// templates (建设工程规划许可证核发, 农村村民宅基地审批, 查封施工现场,
// 土地复垦费征收, 土地所有权和使用权争议处理, 政府信息公开申请办理 …), each citing
// real articles as 设定依据/实施依据. Every cited article is in the embedded
// registry (tested). When a unit needs more items of a category than it has
// templates, items repeat with a 子项 (单位实施, 新办, 专项检查 …, then
// 其他情形N).
//
// Codes are <division>-<unit>-<CAT>-<seq>-<sub> (990101-003-CF-012-00),
// unique in the site. Every item has office, level (县级/乡级), mode (法定,
// or 下放/委托/审核转报/受委托 where the statute or practice says so),
// 实施对象, statutory and promised time limits (promised ≤ statutory:
// 行政处罚 90 自然日 per 行政处罚法 第六十条, 行政许可 20 工作日 per 行政许可法
// 第四十二条 …), a fee statement (不收费), the flow's 责任事项, two to
// seven 追责情形 with their articles (行政处罚法 第七十六—八十三条, 行政许可法
// 第七十二—七十七条, 行政强制法 第六十一—六十四条, the sector statute and
// 公职人员政务处分法 第三十九条), one to three 廉政风险点 with level, category,
// measures and owner post, and a Markdown body (办理须知: who handles it,
// a table of place, hours and phones, the party's rights, the statutory
// penalty).
//
// # Benchmarks
//
// About 92% of the 行政处罚 items whose statute states a range (or, for a
// few 拆除/退还 penalties, a ladder of measures) get a benchmark with one
// violation and 3–5 tiers: optionally 不予处罚 (首违不罚, 行政处罚法 第三十三条),
// then 从轻, 一般 and one or two 从重 tiers. Amounts subdivide the statutory
// range into contiguous, monotonic sub-ranges inside it: geometric and
// rounded for 元 ("处二万元以上四万五千元以下的罚款"), linear for 倍
// ("处货值金额1倍以上1.5倍以下的罚款") and % ("处建设工程造价百分之五以上百分之七以下的罚款");
// split statutes give "对单位处…，对个人处…". Conditions quote 行政处罚法
// 第三十二条、第三十三条 and common local wording. All standards are read with
// certainty by package fine and lie inside the statutory range (checked
// while developing; the build's benchmark checks report nothing).
//
// # Flows, risks and the risk catalogue
//
// Flows follow the stage templates of DOMAIN.md §2.1 (行政处罚一般程序 and
// 简易程序, 行政许可, 行政强制措施, 行政检查, 行政给付, 行政征收, 行政裁决, a
// generic 依申请 flow and 公共服务), with decision steps and labelled exits,
// back edges (补正 → 申请, 事实不清 → 调查取证, 整改不到位 → 处理, 延长期限 →
// 处理决定), several end steps, statutory day limits and the articles they
// rest on; every step is reachable and can reach an end. Posts carry the
// unit's office (综合行政执法队执法人员). Risky steps carry a risk point.
// Each unit's catalogue for Year has 6–10 rows (重点对象/重点领域/关键岗位)
// in the style of the 亳州 and 宝安 tables.
//
// # Laws
//
// laws.txt (about 100 KB, embedded) holds 221 articles of 行政处罚法,
// 行政许可法, 行政强制法, 土地管理法, 城乡规划法, 大气污染防治法, 村庄和集镇规划
// 建设管理条例, 政府信息公开条例 and 公职人员政务处分法: the 法律责任 chapters,
// the procedure articles the flows cite and every article a template cites,
// verbatim. The selection is lawMeta.Select in laws.go; TestLawsText checks
// laws.txt against the full texts in /work/shared/domain/laws (or
// $SUNLIGHT_LAWS_DIR) and rewrites it with -update.
//
// # Hugo
//
// [GenerateHugo] writes the same corpus — same units, items, codes, texts,
// dates — as a Hugo site (tested with hugo 0.111 from Debian):
//
//	config.toml                      baseURL, title, zh-CN, hasCJKLanguage, taxonomy
//	                                 category = "categories", disableKinds = ["RSS"],
//	                                 [params] with the site.toml identity
//	layouts/                         minimal theme: _default/baseof, single, list,
//	                                 taxonomy (category index), term (category page:
//	                                 items grouped by unit), index (home with counts),
//	                                 units/list (units index and unit pages),
//	                                 power/single (item page), risks/single, partials
//	static/css/site.css
//	data/laws/<id>.toml              title, short, [articles] "第…条" = text
//	data/flows/<unit>/<id>.toml      the unit's flows (edges always as tables)
//	data/benchmarks/<unit>/<id>.toml the benchmarks
//	content/_index.md, about.md, units/_index.md, categories/_index.md
//	content/units/<unit>/_index.md   the unit (a section; profile in front matter)
//	content/units/<unit>/powers/<code>.md  item: type = "power", categories = [类别],
//	                                 the Sunlight front matter keys plus title, date
//	                                 (published), lastmod (reviewed), weight (category,
//	                                 then code), unit, unit_name, unit_order; same body
//	content/units/<unit>/risks-<Year>.md   the risk catalogue (type = "risks")
//
// Item pages show what Sunlight's do: basic facts, time limits and fee,
// legal basis with the article text (from data/laws), conditions and
// materials, the body, the flow's steps as an ordered list with posts,
// time limits, exits and step risks (data/flows), 责任事项, the risk table,
// the benchmark's tier table (data/benchmarks), 追责情形 and where to
// complain. Units are sections rather than a taxonomy: a unit taxonomy
// would render every unit's list twice and make Hugo do work Sunlight does
// not. Sunlight's page set is a superset (it also writes flow, benchmark,
// law, search and coverage pages), so the comparison does not favour it.
//
// # Measuring
//
// testdata/bench.sh builds each size with Sunlight (with and without the
// search index, and with -p with the print pages, which the generated
// site.toml turns off) and with Hugo, several runs each, and prints a Markdown
// table of median wall time and peak RSS with the Sunlight/Hugo ratios; it
// expects `sunlight gen` and `sunlight build` (see the script's header).
// TestBenchScript in cmd/sunlight runs it end to end on a 40-item portal
// and checks its table against the files the builds wrote.
// testdata/gencmd is a stand-alone generator with the same flags as
// `sunlight gen`. testdata/pgo.sh profiles builds of the generated 1,000-
// and 10,000-item portals and of the demo content into
// cmd/sunlight/default.pgo, from which the Go toolchain optimises the
// binary (profile-guided optimisation). Generation alone:
// go test -bench Generate ./internal/gen.
package gen
