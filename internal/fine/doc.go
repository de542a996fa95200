// Package fine reads the penalties stated in the standard text of a
// discretion tier (裁量标准, 具体标准, 裁量幅度) or of a statute's 罚则.
//
//	Parse("责令改正，对单位处一万元以上三万元以下，对个人处五百元以上一千元以下的罚款")
//
// gives two [Penalty] values of type 罚款, one for 单位 (10000–30000 元) and
// one for 个人 (500–1000 元), and the measure 责令改正.
//
// # Rule one: never a wrong number
//
// A penalty is only returned when its numbers were read with certainty.
// A clause that states an amount the parser cannot read completely is put
// in [Result.Unparsed] (with rune offsets) and none of its fines are
// returned; other penalties in it (没收, 吊销 …) are kept. Callers show
// unparsed clauses to authors, who may state the penalty by hand (the
// [Penalty] type has toml tags for that).
//
// # Text structure
//
// The text is split into sentences at 。；; and line breaks, and each
// sentence into clauses at ，,：: (never inside brackets). A clause that
// ends in 的 and does not start with a penalty verb is a condition
// ("逾期未改正的", "情节严重的", "违法所得不足一万元的"): it is not searched
// for amounts, and it becomes the Condition of the penalties that follow
// in the same sentence. "情节严重的处…" is split at 的 the same way.
//
// # Amounts
//
// Numerals are read by package cnum (五百, 二千, 1万, 1.5万, 一百一十九,
// full-width digits). Amounts are normalised to 元 (1.5万元 → 15000).
//
//	五百元  1万元  1.5万元               exact: Min = Max
//	十万元以下  不超过五万元  五万元以内    Max only (Min stays unset, not 0)
//	五千元以上  不低于五千元                Min only
//	五万元以上十万元以下                   Min and Max
//	1万元至3万元  1万-3万元  1万~3万元  1万元到3万元  1万—3万元
//	1-3万元  五百至一千元                   the unit (and 万) of the second
//	                                       number applies to a bare first one
//	一倍以上三倍以下  一至三倍  一倍以下     Unit 倍
//	百分之五以上百分之十以下  5%-10%  百分之五至十   Unit %; 千分之五 = 0.5%
//	货值金额百分之五十以上三倍以下         mixed % and 倍 become 倍 (0.5–3)
//	五日以上十日以下拘留                   Unit 日 (行政拘留 only)
//
// The Base of a 倍 or % range is the noun phrase before the numbers:
// 违法所得, 货值金额, (建设/临时建设)工程造价 → 工程造价, (建设项目)总投资额
// → 总投资额, 合同约定的规划编制费 → 规划编制费, 销售额, 直接(经济)损失
// → 直接损失, 上一年度…收入 → 上一年度收入; an unknown phrase is kept as
// written. When a tier names no base ("一倍以上三倍以下"), Base is empty
// and the caller takes it from the statute. A range in 元 or 日 must have
// nothing but a verb (处, 处以, 并处 …) before it.
//
// These make a clause unparsed: an amount per unit (每日, 每辆, 每平方米),
// approximate amounts (万余元, 左右), 以上 followed by 不满/不足, text
// other than a base before a range, units other than 元 倍 % 日 (个月, 年), an amount in
// brackets, a range whose minimum exceeds its maximum, a malformed
// numeral (五六千元), an ellipsis (处以……的罚款), or any other text right
// after a range.
//
// # Penalties and verbs
//
//	处 处以 并处 可处 可以处 可以并处 可并处 并可处以 按照…计算罚款
//	罚款 (with an amount before or after it, or none: "可以并处罚款")
//	警告  通报批评
//	没收违法所得  没收非法财物 (没收原材料、产品和违法所得 gives both)
//	暂扣…许可证/执照  降低资质等级  吊销…许可证/执照/资质证书
//	限制生产(经营)  限制开展生产经营活动  责令停产停业/停业整顿/停产整治/
//	停工整治/停业/停产  责令关闭 予以关闭 关闭  限制从业 禁止从业
//	行政拘留 拘留  取缔 取消…资格 (其他)
//
// A verb with 可 (可以并处, 可处, 并可处以) marks the penalties after it in
// the clause Optional. "对单位处…", "对个人处…", "对直接负责的主管人员…处…"
// set the Target of the clause's penalties (单位, 个人; "" if unclear).
// 或者, 和, 及, 、 just separate penalties.
//
// Measures that are not penalties (责令改正, 责令停止违法行为, 责令限期改正,
// 限期拆除, 恢复土地原状, 责令退还…) go to [Result.Measures]; clauses on
// 赔偿, 处分, 刑事责任, 治安管理处罚, 按日连续处罚 and 不予(行政)处罚 go to
// [Result.Notes].
//
// # Comparing penalties
//
// [Penalty.Contains] checks that a tier's range lies inside the statutory
// one; [Compare], [Overlap] and [Gap] order adjacent tiers and find holes
// and overlaps between them; [FormatAmount] writes 元 amounts the Chinese
// way (15000 → "1.5万元").
package fine
