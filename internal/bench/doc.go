// Package bench reads discretion benchmarks (行政处罚裁量基准) as numbers,
// checks their tiers against each other and against the statute, and
// groups them by the legal provision they apply so that units can be
// compared. It runs after package link; [Analyze] returns an [Analysis]
// for pages and the diagnostics below.
//
// # Reading tiers
//
// Every tier's standard text is read by package fine ([fine.Parse]). When
// a tier has [[violations.tiers.penalties]], those replace the parse and
// the standard is not read ([TierInfo.Overridden]). A clause the parser
// cannot read is never turned into a number: it is kept in
// [TierInfo.Unparsed], reported, and the tier counts as not Known, which
// keeps it out of the ordering and comparison rules.
//
// A multiple that names no base ("处一倍以上三倍以下的罚款") takes the base of
// the statute when the statute names exactly one. For comparisons, % is
// converted to 倍 (百分之五十 = 0.5倍).
//
// # The statutory range
//
// The statutory range of a violation ([ViolationInfo]) is read from its
// statutory text if it has one; otherwise from the registered text of
// every article its penalty_basis cites (the cited paragraph when it names
// one, paragraphs being the non-empty lines of the article text). It is
// Known only when every source was found and read completely; otherwise
// tiers are not checked against it.
//
// # Rules
//
// Positions are those of the tier's standard key (or its penalties key
// when overridden), unless said otherwise. Amounts are written by
// [fine.FormatAmount] ("1.5万元").
//
//	fine-unparsed        warning  a clause of a tier's standard cannot be read
//	                              ("裁量标准中 “…” 无法解析为处罚幅度"); the hint names
//	                              [[violations.tiers.penalties]]
//	penalty-override     error    an author's penalty is invalid: type not one of
//	                              行政处罚法 第九条, target not 单位/个人, unit not
//	                              元/倍/%/日, base without 倍/%, negative amounts, min > max;
//	                              at the offending key. The penalty is dropped.
//	tier-order           error    a tier is lighter than the tier before it: for a
//	                              range of the same type, target, unit and base,
//	                              neither end is higher and one is lower. Lower ends
//	                              count only when both are stated, so "百分之十以下"
//	                              after "百分之八以上百分之十以下" (a statute's second
//	                              branch) is not an error. Not for style = "factor".
//	tier-gap             warning  adjacent tiers leave values of the statutory range
//	                              to no tier (more than 1 元 or 1 日 apart)
//	tier-overlap         warning  adjacent tiers share more than an end point;
//	                              "一万元以上三万元以下" and "三万元以上七万元以下" touch
//	                              and are fine
//	tier-beyond-statute  error    a tier's range is not inside any statutory range
//	                              of the same type, unit and base (and a compatible
//	                              target): its maximum is above the statutory maximum,
//	                              its minimum below the statutory minimum, it states
//	                              no minimum or maximum where the statute does, or it
//	                              falls between two statutory ranges
//	statutory-unparsed   warning  a clause of a violation's statutory text cannot be
//	                              read; at the statutory key. Tiers are then not
//	                              checked against the statute.
//	basis-article        warning  a penalty_basis article cannot be read; at its
//	                              article key. The violation is then not compared.
//
// Ordering follows each kind of range (type, target, unit, base) through
// the tiers that state exactly one range of that kind; ranges of different
// targets are never compared with each other, and a tier with an unread
// clause ends every sequence. Gaps and overlaps are only checked where the
// statute is Known and gives exactly one range of that kind, and not next
// to a tier of kind 不予处罚, 免予处罚 or 减轻处罚 (or labelled so). Those
// tiers may also go below the statutory minimum (行政处罚法 第三十二条).
//
// # Provisions
//
// Benchmarks are grouped by the provision their penalty_basis cites. The
// key is the law title normalised by [cite.NormalizeLawTitle] (the
// registry id when the law is not registered), "#", and the key of the
// article read by [cite.ParseArticle]: 《中华人民共和国大气污染防治法》第一百一十九条第一款,
// 第119条第1款 and 第一百一十九条第一款 of a law registered under that title
// are all "大气污染防治法#119.1". The article may also be written as a whole
// citation of the same law. A reference to several articles files the
// violation under each; 第一百一十九条 and 第一百一十九条第一款 are different
// provisions. Benchmarks that only adopt another (source, without
// violations of their own) add nothing.
//
// The URL segment of a provision ([Provision.Slug]) is the law's registry
// id, "-", and the article key with "." written "-" and "之" written "z":
// "daqi-wuran-fangzhi-fa-119-1", "xingzheng-chufa-fa-28z1".
//
// # Comparison
//
// A provision applied by two or more units is compared. Its entries are
// one violation when every unit has one entry; otherwise entries are
// matched by violation name (without 对…的处罚 and punctuation). Within each
// violation, between entries of different units, a note is written when
//
//   - the number of tiers differs;
//   - tiers with the same label (ignoring 情节, a trailing 的 and spaces;
//     failing that, with the same kind) state different penalties: types,
//     targets and ranges, ignoring wording, order, 可以 and conditions;
//     tiers not Known are left out;
//   - the highest fine in 元 differs.
//
// [Entry.Differs] marks the differing tiers and [Entry.RangeDiffers] the
// differing fines within them.
//
// # Chart
//
// [RangeChart] draws a provision as an inline SVG (no script, no external
// resources, ids prefixed with "rc-" and the slug). Each entry is a block
// headed by the unit's name; each tier has one row per fine in 元 (one per
// target), labelled with the tier label and target as text, so colour (a
// light-to-dark blue by tier position) is never needed to read it. A range
// is a bar, a single amount a diamond, a range open at one end a hatched bar
// with an arrow. The range is also written as text at the right ("1万–3万元",
// "1万元以下"), in bold with "≠" where it differs from another unit. Tiers
// without a fine in 元 show their penalties, measures or "未能解析" as text.
//
// The scale is logarithmic, so that 200元 and 50万元 can both be read, and
// common to all entries: from the 1-2-5 value at or below the smallest
// amount to the one at or above the largest ([Provision.Max]), one step
// further at an open end. Ticks are at powers of ten (with 2 and 5 between
// them over at most two decades) and at both ends, labelled with
// [fine.FormatAmount]. The SVG has role="img", a <title> naming the
// provision and a <desc> giving every unit's tiers, the notes and the
// scale in words; every row has a <title> tooltip. All text is
// XML-escaped. RangeChart returns nil when no tier states a fine in 元.
package bench
