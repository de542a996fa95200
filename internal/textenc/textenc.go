package textenc

import (
	"bytes"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Encoding names used in [EncodingError.Encoding] and returned by [ToUTF8].
const (
	UTF8    = "UTF-8"
	GB18030 = "GBK/GB18030"
	UTF16LE = "UTF-16LE"
	UTF16BE = "UTF-16BE"
	UTF32LE = "UTF-32LE"
	UTF32BE = "UTF-32BE"
	Binary  = "binary"
	Unknown = "unknown"
)

// Info describes a file that decoded successfully.
type Info struct {
	// BOM reports that a UTF-8 byte-order mark was present and removed.
	BOM bool
	// HasCRLF reports that the text contains "\r\n".
	HasCRLF bool
	// HasLoneCR reports that the text contains "\r" not followed by "\n".
	HasLoneCR bool
	// Empty reports that there is no text (after the BOM).
	Empty bool
}

// EncodingError reports a file that is not UTF-8 text.
type EncodingError struct {
	// Encoding is what the bytes look like: one of the constants above
	// except UTF8 for damaged UTF-8.
	Encoding string
	// Line and Col (in runes) are the 1-based position of the first
	// invalid byte; Offset is its byte offset in the input.
	Line, Col int
	Offset    int
}

// Error returns the message for content authors, without the position.
func (e *EncodingError) Error() string {
	switch e.Encoding {
	case GB18030:
		return "文件不是 UTF-8 编码(看起来是 GBK/GB18030,常见于 Windows 记事本或 Excel 另存)"
	case UTF16LE, UTF16BE:
		return "文件不是 UTF-8 编码(是 " + e.Encoding + `,常见于 Windows 记事本"Unicode"格式或 Excel"Unicode 文本"另存)`
	case UTF32LE, UTF32BE:
		return "文件不是 UTF-8 编码(是 " + e.Encoding + ")"
	case Binary:
		return "文件不是文本文件(含有 NUL 字节,可能是图片、Office 文档或压缩包)"
	case UTF8:
		return "文件含有无效的 UTF-8 字节(文件可能被截断,或混入了其他编码的文字)"
	}
	return "文件不是 UTF-8 编码(无法识别是哪种编码)"
}

// Hint says how to fix the file.
func (e *EncodingError) Hint() string {
	switch e.Encoding {
	case Binary:
		return "内容文件必须是 UTF-8 纯文本;请确认没有把图片、Word 或 Excel 文件误放到这里"
	case UTF8:
		return "请在编辑器中找到该位置,删除乱码并重新输入这些文字,然后以 UTF-8 编码保存"
	}
	return `请用 UTF-8 编码另存此文件,例如在记事本中"另存为"时选择 UTF-8`
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF32LE = []byte{0xFF, 0xFE, 0, 0}
	bomUTF32BE = []byte{0, 0, 0xFE, 0xFF}
)

// Decode checks that b is UTF-8 text and returns it without a UTF-8 BOM.
// Otherwise it returns an [*EncodingError]. The text shares b's memory
// instead of copying it (a content tree is tens of megabytes): the caller
// hands b over and must not change it afterwards.
func Decode(b []byte) (string, Info, error) {
	if enc := bomEncoding(b); enc != "" {
		return "", Info{}, &EncodingError{Encoding: enc, Line: 1, Col: 1}
	}
	var info Info
	body := b
	if bytes.HasPrefix(b, bomUTF8) {
		info.BOM = true
		body = b[len(bomUTF8):]
	}
	if len(body) == 0 {
		info.Empty = true
		return "", info, nil
	}
	if enc, off, ok := classify(body); !ok {
		return "", info, errorAt(b, len(b)-len(body), enc, off)
	}
	// Carriage returns are rare: jump from one to the next.
	for rest := body; !(info.HasCRLF && info.HasLoneCR); {
		i := bytes.IndexByte(rest, '\r')
		if i < 0 {
			break
		}
		if i+1 < len(rest) && rest[i+1] == '\n' {
			info.HasCRLF = true
		} else {
			info.HasLoneCR = true
		}
		rest = rest[i+1:]
	}
	return unsafe.String(unsafe.SliceData(body), len(body)), info, nil
}

// ToUTF8 converts b to UTF-8 and reports the encoding it was in: UTF-8
// (any BOM removed; the result may share memory with b), GBK/GB18030,
// UTF-16 or UTF-32. Binary files, damaged UTF-8 and unknown encodings are
// an [*EncodingError], as in [Decode]. Line endings are kept.
func ToUTF8(b []byte) ([]byte, string, error) {
	var dec *encoding.Decoder
	switch enc := bomEncoding(b); enc {
	case UTF32LE:
		dec = utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM).NewDecoder()
	case UTF32BE:
		dec = utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM).NewDecoder()
	case UTF16LE:
		dec = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	case UTF16BE:
		dec = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	}
	if dec != nil {
		out, err := dec.Bytes(b)
		return out, bomEncoding(b), err
	}
	body := bytes.TrimPrefix(b, bomUTF8)
	enc, off, ok := classify(body)
	switch {
	case ok:
		return body, UTF8, nil
	case enc == GB18030:
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(body)
		return out, enc, err
	case enc == UTF16LE:
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder().Bytes(body)
		return out, enc, err
	case enc == UTF16BE:
		out, err := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder().Bytes(body)
		return out, enc, err
	}
	return nil, enc, errorAt(b, len(b)-len(body), enc, off)
}

func bomEncoding(b []byte) string {
	switch {
	case bytes.HasPrefix(b, bomUTF32LE):
		return UTF32LE
	case bytes.HasPrefix(b, bomUTF32BE):
		return UTF32BE
	case bytes.HasPrefix(b, bomUTF16LE):
		return UTF16LE
	case bytes.HasPrefix(b, bomUTF16BE):
		return UTF16BE
	}
	return ""
}

// errorAt builds the error for offset off in body, which starts at byte
// base of the input b.
func errorAt(b []byte, base int, enc string, off int) *EncodingError {
	if enc == UTF16LE || enc == UTF16BE {
		return &EncodingError{Encoding: enc, Line: 1, Col: 1}
	}
	body := b[base:]
	line := 1 + bytes.Count(body[:off], []byte("\n"))
	ls := bytes.LastIndexByte(body[:off], '\n') + 1
	col := 1 + utf8.RuneCount(body[ls:off])
	return &EncodingError{Encoding: enc, Line: line, Col: col, Offset: base + off}
}

// classify reports whether body (without BOM) is clean UTF-8 text; if not,
// it returns what the bytes look like and the offset of the first bad byte.
func classify(body []byte) (enc string, off int, ok bool) {
	firstBad, firstNUL := -1, bytes.IndexByte(body, 0)
	if firstNUL < 0 && utf8.Valid(body) { // the usual case, without the rune-by-rune count
		return UTF8, 0, true
	}
	multi, bad := 0, 0
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRune(body[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			if firstBad < 0 {
				firstBad = i
			}
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	if firstBad < 0 && firstNUL < 0 {
		return UTF8, 0, true
	}
	if firstNUL >= 0 {
		if enc := utf16NoBOM(body); enc != "" {
			return enc, 0, false
		}
		if firstBad < 0 || firstNUL < firstBad {
			return Binary, firstNUL, false
		}
		return Binary, firstBad, false
	}
	// Cut off inside the last character: everything before it is valid.
	if tail := body[firstBad:]; len(tail) < utf8.UTFMax && !utf8.FullRune(tail) {
		return UTF8, firstBad, false
	}
	if multi >= 4*bad {
		return UTF8, firstBad, false
	}
	// Lines before the first bad byte are valid UTF-8; judge the rest.
	// A line start is a character boundary in GB18030 too.
	if looksGB18030(body[bytes.LastIndexByte(body[:firstBad], '\n')+1:]) {
		return GB18030, firstBad, false
	}
	return Unknown, firstBad, false
}

// utf16NoBOM reports whether body, which contains NUL bytes, is UTF-16
// without a byte-order mark: NULs mostly at odd (LE) or even (BE) offsets
// and a clean decoding.
func utf16NoBOM(body []byte) string {
	if len(body)%2 != 0 {
		return ""
	}
	var zeros [2]int
	for i, c := range body {
		if c == 0 {
			zeros[i%2]++
		}
	}
	var enc string
	var order unicode.Endianness
	switch {
	case zeros[1] > 4*zeros[0]:
		enc, order = UTF16LE, unicode.LittleEndian
	case zeros[0] > 4*zeros[1]:
		enc, order = UTF16BE, unicode.BigEndian
	default:
		return ""
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(body)
	if err != nil || !cleanText(out) {
		return ""
	}
	return enc
}

// cleanText reports whether s has no NULs, replacement characters or
// control characters other than tab, newline, carriage return and form feed.
func cleanText(s []byte) bool {
	for _, r := range string(s) {
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7F {
			return false
		}
	}
	return true
}

// looksGB18030 reports whether body decodes as GB18030 to clean text with
// at least one Chinese character, whose non-ASCII characters are nearly
// all ones that Chinese text uses.
func looksGB18030(body []byte) bool {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(body)
	if err != nil || !cleanText(out) {
		return false
	}
	han, common, other := 0, 0, 0
	for _, r := range string(out) {
		if r >= 0x4E00 && r <= 0x9FFF {
			han++
		}
		switch {
		case r < utf8.RuneSelf:
		case chineseTextRune(r):
			common++
		default:
			other++
		}
	}
	return han > 0 && common >= 9*other
}

// chineseTextRune reports whether r is a character commonly found in
// Chinese documents and encodable in GBK.
func chineseTextRune(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0x20A0 && r <= 0x20CF, // currency symbols €
		r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0xFF00 && r <= 0xFFEF, // full-width forms
		r >= 0x2000 && r <= 0x206F, // general punctuation “”‘’…—
		r >= 0x2100 && r <= 0x22FF, // letterlike ℃ №, number forms Ⅰ, arrows, maths ≤ ≥
		r >= 0x2460 && r <= 0x24FF, // enclosed ①
		r >= 0x2500 && r <= 0x26FF, // box drawing, shapes ■ ○ ★
		r >= 0x3200 && r <= 0x32FF, // enclosed CJK ㈠
		r >= 0x3040 && r <= 0x312F, // kana, bopomofo
		r >= 0x0391 && r <= 0x03C9, // Greek
		r >= 0x0401 && r <= 0x0451, // Cyrillic
		r >= 0x0100 && r <= 0x01DC, // pinyin with tones ā ǎ
		r == 0x00A4, r == 0x00A7, r == 0x00A8, r == 0x00B0, r == 0x00B1,
		r == 0x00B7, r == 0x00D7, r == 0x00E0, r == 0x00E1, r == 0x00E8,
		r == 0x00E9, r == 0x00EA, r == 0x00EC, r == 0x00ED, r == 0x00F2,
		r == 0x00F3, r == 0x00F7, r == 0x00F9, r == 0x00FA, r == 0x00FC:
		return true
	}
	return false
}
