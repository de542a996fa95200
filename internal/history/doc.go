// Package history reads the revision history of the content folder from
// the git repository it lives in, and describes every change to a power
// item, flow, benchmark or risk catalogue as field-level differences in
// plain Chinese ("风险等级: 中 → 高"), not as a text diff.
//
// # Why the git command line
//
// Units publish by committing to git, so git is installed wherever there
// is history to read. Read starts four processes in all, whatever the
// size of the history: `git rev-parse` twice (the repository, the commit),
// one `git log` for the whole log, and one `git cat-file --batch` for
// every needed file version. That avoids cgo (libgit2) and a large pure-Go
// dependency, and reads exactly what `git log` shows. It needs git 2.31 or
// later (--diff-merges); options that the user's git configuration could
// change (log.follow, diff.relative, i18n.logOutputEncoding, colours,
// signatures, abbreviation) are fixed on the command line. Without git, outside
// a repository, or before the first commit, Read returns a History with
// Available false and a Reason; the build goes on without history.
//
// # What is read
//
// One `git log --raw -M --diff-merges=first-parent --full-history --sparse
// --topo-order -- <content>` lists every commit reachable from Head with
// the blob ids of the content files it changed compared with its first
// parent, and their renames (-M, git's default similarity of 50%). The
// versions of a file are the commits on the first-parent line of Head (the
// published branch) where its content or its path changed: a file is
// followed across renames, and a version that only moved it has the change
// "文件: 旧路径 → 新路径". A file that is deleted ends its history (it is
// listed in History.Removed with the deleting commit); a file added again
// later at the same path starts a new history. Every distinct version is
// fetched once and parsed with [load.ParseFile], the loader the build uses.
//
// # Merges
//
// A merge commit on the first-parent line is one version: the state the
// merge published, compared with the state before it, with the merge's
// date and subject. Version.Merged lists the subjects of the commits of
// the merged branch that changed the file, so the individual steps stay
// visible. Commits on a branch are never versions of their own: a branch
// state that was not merged was never published. A fast-forward merge
// leaves no merge commit; its commits are on the first-parent line.
//
// # Dates
//
// Version.Date is the commit's author date, in the author's time zone. It
// survives rebases, cherry-picks and amended messages, which the committer
// date does not, and it is what `git log` shows. Both are stated by
// whoever commits; nothing here uses the clock of the build. A version
// belongs to the year of its author date in the author's time zone
// ([History.Year]). Versions are ordered by history (first parent), not by
// date, so a back-dated commit keeps its place.
//
// # New year's catalogues
//
// The first version of units/<u>/risks/<year>.toml is compared with the
// unit's catalogue of the latest earlier year as it stood in the same
// commit (Version.Baseline names it): "新增廉政风险防控目录: 2025年度…(与
// 2024年度… 比较)" followed by the rows whose level, measures … differ,
// and the rows added and removed. That is the year-over-year diff of the
// annual review.
//
// # Vocabulary
//
// Each [Change] has Kind added, removed or changed and a Text:
//
//	<context><field>: <old> → <new>     风险点「违规审批」风险等级: 中 → 高
//	<context>新增<field>: <value>        风险点「违规审批」新增防控措施: 双人复核
//	<context>删除<field>: <value>        删除申请材料: 身份证复印件
//	办理时限(承诺): 10 → 7 个工作日     (the unit is written once when it did not change)
//	正文已修改 / 新增正文 / 删除正文     (Markdown bodies are not diffed line by line)
//
// An empty value is absent: setting one is 新增, clearing it is 删除.
// Lists of strings (防控措施, 申请材料, 适用条件 …) are compared as sets:
// reordering them is no change. Contexts name a part of the entity by its
// old name: 风险点「…」, 步骤「…」, 连线「受理 → 审查」, 追责情形「…」,
// 违法行为「…」 (omitted when the benchmark has one violation in both
// versions) and 裁量阶次 N(label), N counting from 1 in that version.
//
// Matching: power and step risk points by description, else by stage;
// flow steps by id, else by name; edges by the two step ids; violations by
// name, else by number; tiers by label, else by position; catalogue rows
// by object and risk text, else by object; legal references by law,
// article and role; leaders by title. "Else" pairs only when exactly one
// element is left unmatched on each side with that key; the rest are
// added or removed.
//
// Fields compared, in this order, with their labels:
//
//	power      事项编码 名称 子项名称 事项类型 实施主体 承办机构 行使层级 行使方式 状态
//	           实施对象 法律依据 办理时限(法定) 办理时限(承诺) 办理时限说明 收费
//	           收费标准 收费依据 流程图 裁量基准 申请条件 申请材料 责任事项 追责情形
//	           风险点 (描述 环节 风险等级 风险类别 防控措施 责任岗位) 正文
//	           生效日期 发布日期 审核日期
//	flow       名称 事项类型 标准模板 说明 步骤 (编号 名称 类型 责任岗位 时限 依据
//	           风险点) 步骤顺序 连线 (标注) 发布日期 审核日期
//	benchmark  名称 制定机关 文号 基准类型 采用上级基准 生效日期 有效期至
//	           违法行为 (编号 违法行为 违反条款 处罚依据 法定处罚幅度 裁量阶次
//	           (阶次名称 阶次类型 适用条件 裁量标准, then the fine ranges read by
//	           package fine: 罚款上限(单位): 3万元 → 5万元, 罚款下限 …) 备注)
//	           发布日期 审核日期
//	catalogue  年度 标题 风险点 (风险点 防控对象类型 风险类别 表现形式 风险等级
//	           防控措施 责任部门 责任领导) 发布日期 审核日期
//	law, unit, page and site.toml: their main fields; pii_allow is not compared.
//
// The first version of a file has one change, "新增<kind>: <title>"
// (权力事项, 流程图, 裁量基准, 廉政风险防控目录, 法规, 单位, 页面); a deletion
// has "删除<kind>: <title>". A version whose entity cannot be read says so;
// a version that changes nothing that is published says "公开内容未变
// (仅调整格式或注释)".
//
// Each change has a Topic for the annual page: item added, removed,
// cancelled (状态 → 取消), suspended, restored; risk raised or lowered
// (by 高 > 中 > 低), risk point added or removed; measure added or
// removed; benchmark revised (every other change to a benchmark); reviewed
// (审核日期); other.
package history
