// Package textenc checks the encoding of content files before they are
// parsed, so that an author who saved a file in the wrong encoding gets one
// clear message instead of a page of mojibake or a confusing parse error.
//
// Content files must be UTF-8. [Decode] accepts UTF-8, with or without a
// byte-order mark, and returns the text without the mark. Line endings are
// left exactly as they are, because later stages report byte-accurate
// positions; [Info] only says whether CRLF or lone CR endings occur. When
// a UTF-8 BOM was removed, byte offsets into the returned text are three
// less than offsets into the input.
//
// Anything else is an [*EncodingError] naming what the bytes look like:
//
//   - "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE": a byte-order mark
//     for that encoding, or (UTF-16 only, no mark) NUL bytes in every other
//     position and text that decodes cleanly. Reported at 1:1, offset 0.
//   - "binary": NUL bytes, not UTF-16. Reported at the first NUL or the
//     first invalid UTF-8 byte, whichever comes first.
//   - "UTF-8": a file cut off in the middle of a multi-byte character, or
//     mostly UTF-8 (at least four valid multi-byte characters per invalid
//     byte) with a few invalid bytes.
//   - "GBK/GB18030": invalid as UTF-8, but decoding as GB18030, from the
//     start of the line holding the first invalid byte, gives clean text
//     (no control characters or undecodable bytes) with at least one
//     Chinese character, whose non-ASCII characters are at least 90%
//     Chinese characters, Chinese punctuation, full-width forms or other
//     symbols found in GBK.
//   - "unknown": none of the above.
//
// Line, Col and Offset locate the first byte that is not valid UTF-8 (or
// the first NUL), except for UTF-16/32 where they are 1, 1 and 0. Lines
// start at 1 and are separated by "\n"; Col counts runes and starts at 1;
// a UTF-8 BOM is not counted as a column; Offset is a byte offset into the
// input, BOM included. The error's message and [EncodingError.Hint] are
// written for content authors, in Chinese, without the position, so that
// the caller can put Line and Col into a diagnostic.
//
// An empty file (no bytes, or only a UTF-8 BOM) is not an error; [Info]
// reports it as Empty and the caller decides.
//
// [ToUTF8] is for importers that must accept what spreadsheets and Windows
// tools produce: it converts GBK/GB18030, UTF-16 and UTF-32 to UTF-8 and
// removes any byte-order mark, and it still refuses binary, damaged UTF-8
// and unknown encodings.
package textenc
