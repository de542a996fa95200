// Package pii finds personal data in text that is about to be published:
// resident identity card numbers, mobile phone numbers, bank card numbers
// and e-mail addresses. It is a guard, not a validator: a [Finding] tells
// the caller where the number is and shows it masked, never in full, so the
// report itself does not leak what it warns about.
//
// # What is reported
//
// [Scan] reports, in byte order, every match of these kinds:
//
//   - [IDCard] (身份证号): 18 characters, 17 digits and a digit or X/x. The
//     first two digits must be a real province code (11–15, 21–23, 31–37,
//     41–46, 50–54, 61–65) or 81/82/83 for residents of Hong Kong, Macau and
//     Taiwan; digits 7–14 must be a real calendar date between 1900-01-01
//     and 2100-12-31; the ISO 7064 MOD 11-2 check character must be right.
//     The number may be written in one piece or as 6-8-4 groups separated
//     by one space or hyphen. Legacy 15-digit numbers are reported only when
//     the province code and the embedded YYMMDD date (read as 19YY) are
//     valid and the last nine digits are not a valid GB 11714 organisation
//     code (old tax registration numbers have that shape).
//   - [Mobile] (手机号码): 11 digits starting 13–19, written in one piece or
//     as 3-4-4 groups separated by spaces or hyphens, optionally preceded by
//     +86, 86, 0086 or (+86).
//   - [BankCard] (银行卡号): 16–19 digits in one piece or in groups of four
//     (the last group may be shorter) that pass the Luhn check and start
//     with 3, 4, 5, 6, 9 or 2221–2720 (so dates and timestamps, which
//     start with 19 or 20, never qualify). 18-digit numbers shaped like an
//     identity card number (valid province and birth date, whatever the
//     check digit) and valid unified social credit codes are not cards.
//   - [Email] (电子邮箱): ASCII addresses local@domain.tld. Every address is
//     reported, official ones included: the package cannot know whether a
//     mailbox belongs to an office or a person. Callers allow-list official
//     addresses with [ScanAllow]; [IsOfficialEmail] is a heuristic they may
//     use to build that list.
//
// Full-width forms (０-９, Ｘ, ＠, －, the ideographic space, …) are matched
// as their NFKC equivalents; positions still refer to the original text.
//
// # What is not reported
//
// A number is only considered when it stands on its own: a digit run that
// touches an ASCII letter or digit, or that is joined to one by "-", "/",
// "_" or "." (item codes such as 341621-001-CF-003-00, decimals, file
// names, URLs), is skipped. Phone and card candidates directly followed by
// 元, 万, 亿, % or ‰, or preceded by ¥ or $, are amounts. Runs of digit
// groups are only read as a grouped number when the grouping is exact and
// the run does not continue with more short groups in the same style.
// Consequently division codes (6 digits), dates (20240315), document
// numbers (〔2024〕3号), landlines (0551-12345678, (0558)1234567), hotlines
// (12345), amounts (50000元) and unified social credit codes (GB 32100,
// 18 characters whose check character validates, whose embedded
// organisation code validates and whose division code names a province)
// are not reported. Digits inside a reported e-mail address are not
// reported separately.
//
// # Positions and masks
//
// Start and End are byte offsets into the text passed in; Line and Col are
// 1-based, lines are separated by "\n" only and Col counts runes (an
// invalid UTF-8 byte counts as one), matching the rest of Sunlight.
// Masked shows the kind of value without revealing it: an identity card
// number keeps its first and last four characters (1101**********1234), a
// mobile number its first three and last four digits (138****5678), a bank
// card its first and last four digits, an e-mail address the first and last
// character of the local part and the whole domain (z******n@example.cn).
// Country prefixes and separators are not part of the mask.
//
// # Allow-lists
//
// [ScanAllow] drops findings whose normalised value is listed in an
// [Allow]: numbers compare as their digits (and a final X), with a +86/86/
// 0086 prefix removed from mobile numbers; e-mail addresses compare in
// lower case. Full-width characters are folded on both sides.
package pii
