// Package flowchart draws 权力运行流程图 (power-operation flowcharts) at
// build time, as accessible inline SVG, and checks them for authors.
//
// It depends on nothing in Sunlight but [sunlight/internal/diag], and on
// the Go standard library only. The content loader converts its model
// into a [Flow]; this package validates it ([Validate]), lays it out
// ([Layout]), draws it ([Render]), and gives the reading order for the text
// alternative printed beside the drawing ([Order]). A [Cache] does each
// distinct flow once per build.
//
// # Input model
//
// A [Flow] is an ordered list of [Step] values. Each step has a short ASCII
// id unique in the flow ("shouli"), a name (受理), a [Kind] (start, process,
// decision, end), a responsible post (责任岗位, a role such as 窗口受理人员,
// never a person), a time limit as display text ("5个工作日"), its
// 廉政风险点 ([Risk]: level 高/中/低, text, 防控措施) and its outgoing
// edges ([Edge]: target id and an optional label such as 材料不全 or
// 不予受理). Steps, edges and the flow carry a [diag.Position] so problems
// point at the author's file. Reading begins at the first step of kind
// start, or at the first step if there is none.
//
// # Validation
//
// [Validate] reports, in step order, with the position of the step or edge
// at fault (the flow's position for flow-wide problems):
//
//   - errors: a flow with no steps; a step without an id or a name; a
//     duplicate id (the hint gives the first definition); an edge without a
//     target, or to a step that does not exist (the hint lists the ids and
//     suggests the closest one by edit distance, or the id of a step whose
//     name was written instead: 流程步骤 "shouli" 指向不存在的步骤 "shencah",
//     hint 可用的步骤: …; 是否想写 "shencha"?); a risk level other than
//     高/中/低 (or 一级/二级/三级, ★★★/★★/★); no end step; a step that cannot be
//     reached from the start; a cycle with no exit (a strongly connected set
//     of steps, or a step looping to itself, from which no end step can be
//     reached). Reachability and cycles are checked only when every edge
//     resolves.
//   - warnings: an end step with edges; a non-end step with none; a
//     decision with a single exit; more than one start step; two edges
//     from one step to the same target.
//
// Every diagnostic has a stable Code (step-id-duplicate, edge-target-unknown,
// cycle-no-exit, …). [Layout] and [Render] refuse only flows they cannot
// draw (no steps, missing or duplicate ids, unknown targets); anything else
// is drawn as written.
//
// # Templates
//
// [Template] returns a fresh copy of a standard flow; [TemplateNames] lists
// them; [Override] lays a unit's own steps over one (non-empty fields
// replace, new ids are appended). 行政确认, 行政奖励, 行政裁决, 行政征收,
// 其他行政权力 and 公共服务 use 通用. Day counts in 行政许可法 and 行政处罚法
// are working days (行政许可法 第八十二条, 行政处罚法 第八十五条).
//
// # 行政许可
//
// 行政许可法 第二十九—五十条:
//
//	shenqing   申请 (start, 申请人) → shouli
//	shouli     受理 (decision, 窗口受理人员, 5个工作日: 材料不全的当场或五日内一次性告知, 第三十二条)
//	           予以受理 → shencha; 材料不全 → buzheng; 不予受理 → buyushouli
//	buzheng    一次性告知补正 (当场或5个工作日内) → 补正后 → shouli
//	buyushouli 不予受理，出具书面凭证 (end)
//	shencha    审查 (承办科室, 两名以上工作人员, 第三十四条) → jueding
//	jueding    决定 (decision, 分管领导, 20个工作日，经批准可延长10个工作日, 第四十二条)
//	           准予许可 → songda; 不予许可 → buyuxuke
//	buyuxuke   不予许可，书面说明理由 (end)
//	songda     送达（颁发证件） (决定后10个工作日内, 第四十四条) → banjie
//	banjie     办结 (end)
//
// # 行政处罚
//
// 普通程序, 行政处罚法 第五十四—六十五条:
//
//	anyuan     案件来源 (start) → lian
//	lian       立案 (decision) 符合立案条件 → diaocha; 不予立案 → buyulian (end)
//	diaocha    调查取证 (执法人员, 不少于两人, 第四十二条) → shencha
//	shencha    审查 (decision, 第五十七条) 拟予处罚 → fazhi; 违法事实不成立 → chexiao (end);
//	           涉嫌犯罪 → yisong (end)
//	fazhi      法制审核 (decision, 第五十八条) 审核通过 → gaozhi; 退回补充调查 → diaocha
//	gaozhi     告知拟处罚内容和权利 (第四十四条) → chenshu
//	chenshu    陈述申辩 (decision) 要求听证 → tingzheng; 无需听证 → jueding
//	tingzheng  听证 (告知后5日内申请，举行前7日通知, 第六十四条) → jueding
//	jueding    决定 (decision, 立案之日起90日内, 第六十条) 给予处罚 → songda; 不予处罚 → buyuchufa (end)
//	songda     送达 (当场交付或7日内送达, 第六十一条) → zhixing
//	zhixing    执行 (15日内缴纳罚款, 第六十七条) → jiean
//	jiean      结案归档 (end)
//
// # 行政处罚-简易程序
//
// 行政处罚法 第五十一—五十三条, 第六十八、七十一条:
//
//	faxian      现场发现违法行为 (start) → shiyong
//	shiyong     是否适用简易程序 (decision) 事实确凿、数额较小 → gaozhi; 不符合条件 → zhuanputong (end, 转为普通程序)
//	gaozhi      出示证件，告知事实、理由和权利 → chenshu
//	chenshu     听取陈述申辩 → jueding
//	jueding     当场作出处罚决定 (当场交付决定书) → zhixing
//	zhixing     执行 (当场收缴罚款的，2日内交至行政机关) → beian
//	beian       报所属行政机关备案 (end)
//
// # 行政强制
//
// 行政强制措施, 行政强制法 第十八—二十七条:
//
//	faxian      发现违法行为 (start) → baopi
//	baopi       报批 (decision, 情况紧急的24小时内补办批准) 批准 → tongzhi; 不予批准 → buyushishi (end)
//	tongzhi     出示证件、通知当事人到场 (不少于两人) → gaozhi
//	gaozhi      告知理由和权利，听取陈述申辩 → bilu
//	bilu        制作现场笔录 → chafeng
//	chafeng     查封、扣押 (不超过30日，情况复杂经批准可延长30日, 第二十五条) → chuli
//	chuli       作出处理决定 (decision) 依法处理 → jiean (end); 解除强制措施 → jiechu (end)
//
// # 行政检查
//
//	fangan      制定检查方案 (start) → tongzhi
//	tongzhi     公告或通知（暗访不通知） → shishi
//	shishi      实施检查 (不少于两人) → baogao
//	baogao      检查报告 (decision) 发现违法行为 → chuli; 未发现违法行为 → banjie
//	chuli       处理决定 → luoshi
//	luoshi      落实情况跟踪 → banjie
//	banjie      办结 (end)
//
// # 行政给付
//
//	shenqing    申请 (start) → shouli
//	shouli      受理 (decision) 予以受理 → shencha; 材料不全 → buzheng (补正后 → shouli); 不予受理 → buyushouli (end)
//	shencha     审查 → niding
//	niding      拟定给付对象和标准 → gongshi
//	gongshi     公示 (decision) 无异议 → jueding; 有异议 → hecha
//	hecha       调查核实 (decision) 异议不成立 → jueding; 异议成立 → buyugeifu (end)
//	jueding     决定 → gonggao
//	gonggao     公告 → geifu
//	geifu       给付 (end)
//
// # 通用
//
// For 确认, 奖励, 裁决 and other powers:
//
//	shenqing → shouli (decision: 予以受理 → shencha; 材料不全 → buzheng → shouli; 不予受理 → buyushouli)
//	→ shencha → jueding (decision: 同意 → songda; 不同意 → buyu) → songda → banjie
//
// # Layout
//
// The layout is layered and top-down (Sugiyama style):
//
//  1. A depth-first search from the start step, following each step's edges
//     in the author's order, marks the edges that close a cycle (补正 →
//     受理, 退回补充调查); they are drawn as back edges.
//  2. Each step's row is the length of the longest path that reaches it
//     without back edges. The main path is the longest path from the start
//     to an end step (ties go to the one a reader following first edges meets
//     first); its steps share one column.
//  3. A step reached only from one main step that ends there (不予受理,
//     移送) or only loops back (补正) is a side step: it sits in its main
//     step's row, beside it (dead ends to the right, loops to the left),
//     joined by horizontal edges.
//  4. Edges spanning several rows get a dummy cell in each row between;
//     barycenter sweeps, down and up, order every row to reduce crossings,
//     keeping the best order seen. Columns follow the order, each cell as
//     close as it can be to the column of what leads to it.
//  5. Edges turn only in the channels between rows, each on a horizontal
//     track of its own, with ends spaced along box sides, ordered to reduce
//     crossings; a long edge runs straight down through its dummy cells.
//     Back edges run in lanes beside the drawing, one lane per edge where
//     their spans overlap, shorter spans nearer the boxes, leaving and
//     entering through the box side when nothing stands between.
//  6. A label sits where nothing else is: on its edge near the target, in
//     a band reserved in the channel, or beside a lane. If none is free, the
//     layout widens the gaps and tries again, and as a last resort gives the
//     label a row of its own.
//
// The guarantees, which [CheckGeometry] verifies (the tests run it on every
// template, every tricky shape and hundreds of random flows): no two boxes
// overlap; no edge passes through a box; no two edges share a line; every
// line of text fits inside its box's outline; labels touch no box, no
// other label and no other edge; everything lies inside the viewBox.
// [Diagram.Crossings] counts edge crossings; the templates have none.
//
// Text is measured, not rendered: a full-width character is 1em, ASCII
// about 0.55em (wide capitals more), and names wrap at 150px (10 characters
// of 15px) into balanced lines, breaking after punctuation where it can.
// Boxes grow to fit. Start and end steps are pills, decisions are
// pointed boxes (a flat hexagon, whose text always fits), other steps
// rectangles. The post and time limit form a smaller second line ("窗口受理人员
// · 5个工作日"). A step's highest risk level shows as colour and, so that
// it reads in black and white, as a border (高: thick, 中: dashed, 低: plain)
// and a badge with an icon and text (▲高风险, ◆中风险, ●低风险).
//
// # SVG
//
// [Render] returns one <svg> element for inline use:
//
//   - role="img" and aria-labelledby naming its <title> (the flow's title
//     followed by 流程图) and <desc> (every step in [Order]: name, post, time
//     limit, risk level, and where each edge leads, e.g. "材料不全的，进入
//     “一次性告知补正”");
//   - a viewBox, width="100%" and a max-width of its natural size, so it
//     shrinks to a phone's width and prints within an A4 page;
//   - ids (title, desc, arrowhead marker) that start with
//     RenderOptions.IDPrefix, by default "fc-" and the first 8 hex digits
//     of [Flow.Hash], so several flows can share a page;
//   - arrowheads from one <marker> in <defs>; system fonts only
//     ([FontFamily]); no script, no style sheet, no external resource;
//     all text escaped, with characters XML forbids dropped;
//   - presentation attributes set once per group, so an eight-step flow is
//     about 4–5 KB.
//
// The same flow always gives the same bytes.
package flowchart
