package textenc_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"

	"sunlight/internal/textenc"
)

const (
	sample   = "+++\ntitle = \"廉政风险防控\"\n+++\n\n## 权力运行流程图\n\n办理时限:3个工作日,监督电话 12345。“一把手”负责。\n"
	sampleCR = "+++\r\ntitle = \"公示\"\r\n+++\r\n正文\r\n"
)

func mustEncode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

var (
	bom     = []byte{0xEF, 0xBB, 0xBF}
	utf16LE = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16BE = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	raw16LE = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf32LE = utf32.UTF32(utf32.LittleEndian, utf32.UseBOM)
	utf32BE = utf32.UTF32(utf32.BigEndian, utf32.UseBOM)
	gbk     = simplifiedchinese.GBK
	gb18030 = simplifiedchinese.GB18030
)

type decodeCase struct {
	name     string
	in       func(t testing.TB) []byte
	wantText string
	wantInfo textenc.Info
	wantErr  *textenc.EncodingError
}

func lit(s string) func(testing.TB) []byte { return func(testing.TB) []byte { return []byte(s) } }

func encoded(enc encoding.Encoding, prefix, s string) func(testing.TB) []byte {
	return func(t testing.TB) []byte { return cat([]byte(prefix), mustEncode(t, enc, s)) }
}

// long is a realistic page, for GBK detection.
const long = `为进一步规范权力运行,强化廉政风险防控,根据《中华人民共和国监察法》和省、市有关规定,结合本县实际,制定本清单。
一、适用范围:本清单适用于县直各单位及乡镇(街道)办理的行政许可、行政处罚、行政给付、行政检查等事项。
二、风险等级:分为高、中、低三级(★★★/★★/★),对应的防控措施见附表①至③。
三、监督方式:群众可通过来信、来访、电话(12345)、网络等方式举报,受理后 15 个工作日内答复;涉及补助资金 50000 元以上的,实行“双公示”。
`

// damaged is a long UTF-8 document with one stray Latin-1 byte.
var damaged = strings.Repeat("廉政风险防控措施落实到位。\n", 5) + "第六行 caf\xe9\n" + strings.Repeat("公开透明。\n", 3)

var decodeCases = []decodeCase{
	{name: "empty", in: lit(""), wantInfo: textenc.Info{Empty: true}},
	{name: "bom only", in: lit("\xef\xbb\xbf"), wantInfo: textenc.Info{BOM: true, Empty: true}},
	{name: "ascii", in: lit("title = \"x\"\n"), wantText: "title = \"x\"\n"},
	{name: "utf8 chinese", in: lit(sample), wantText: sample},
	{name: "utf8 bom stripped", in: lit("\xef\xbb\xbf" + sample), wantText: sample, wantInfo: textenc.Info{BOM: true}},
	{name: "crlf kept", in: lit(sampleCR), wantText: sampleCR, wantInfo: textenc.Info{HasCRLF: true}},
	{name: "lone cr", in: lit("第一行\r第二行"), wantText: "第一行\r第二行", wantInfo: textenc.Info{HasLoneCR: true}},
	{name: "cr at eof", in: lit("a\r\nb\r"), wantText: "a\r\nb\r", wantInfo: textenc.Info{HasCRLF: true, HasLoneCR: true}},
	{name: "lone cr before crlf", in: lit("a\rb\r\nc\r\n"), wantText: "a\rb\r\nc\r\n", wantInfo: textenc.Info{HasCRLF: true, HasLoneCR: true}},
	{name: "cr at start", in: lit("\r\na"), wantText: "\r\na", wantInfo: textenc.Info{HasCRLF: true}},
	{name: "whitespace only is not empty", in: lit("\n"), wantText: "\n"},
	{name: "four-byte utf8", in: lit("𠀀𝄞😀\n"), wantText: "𠀀𝄞😀\n"},

	{name: "gbk", in: encoded(gbk, "", sample),
		wantErr: &textenc.EncodingError{Encoding: textenc.GB18030, Line: 2, Col: 10, Offset: 13}},
	// 为 is CE AA in GBK, which happens to be valid UTF-8 (Ϊ).
	{name: "gbk long", in: encoded(gbk, "", long),
		wantErr: &textenc.EncodingError{Encoding: textenc.GB18030, Line: 1, Col: 2, Offset: 2}},
	{name: "gbk after bom", in: encoded(gbk, "\xef\xbb\xbf", "标题"),
		wantErr: &textenc.EncodingError{Encoding: textenc.GB18030, Line: 1, Col: 1, Offset: 3}},
	{name: "gb18030 four-byte", in: encoded(gb18030, "", "㐀㐁是扩展A区汉字,€欧元"),
		wantErr: &textenc.EncodingError{Encoding: textenc.GB18030, Line: 1, Col: 1, Offset: 0}},
	{name: "gbk after utf8 line", in: encoded(gbk, "标题\n", "正文,内容"),
		wantErr: &textenc.EncodingError{Encoding: textenc.GB18030, Line: 2, Col: 1, Offset: 7}},
	{name: "gbk crlf", in: encoded(gbk, "", sampleCR),
		wantErr: &textenc.EncodingError{Encoding: textenc.GB18030, Line: 2, Col: 10, Offset: 14}},

	{name: "utf16le bom", in: encoded(utf16LE, "", sample),
		wantErr: &textenc.EncodingError{Encoding: textenc.UTF16LE, Line: 1, Col: 1}},
	{name: "utf16be bom", in: encoded(utf16BE, "", sample),
		wantErr: &textenc.EncodingError{Encoding: textenc.UTF16BE, Line: 1, Col: 1}},
	{name: "utf16le no bom", in: encoded(raw16LE, "", sample),
		wantErr: &textenc.EncodingError{Encoding: textenc.UTF16LE, Line: 1, Col: 1}},
	{name: "utf32le bom", in: encoded(utf32LE, "", "标题"),
		wantErr: &textenc.EncodingError{Encoding: textenc.UTF32LE, Line: 1, Col: 1}},
	{name: "utf32be bom", in: encoded(utf32BE, "", "标题"),
		wantErr: &textenc.EncodingError{Encoding: textenc.UTF32BE, Line: 1, Col: 1}},

	{name: "binary png", in: lit("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		wantErr: &textenc.EncodingError{Encoding: textenc.Binary, Line: 1, Col: 1, Offset: 0}},
	{name: "binary nul in text", in: lit("abc\n中\x00文"),
		wantErr: &textenc.EncodingError{Encoding: textenc.Binary, Line: 2, Col: 2, Offset: 7}},
	{name: "binary odd length nul", in: lit("abc\x00def"),
		wantErr: &textenc.EncodingError{Encoding: textenc.Binary, Line: 1, Col: 4, Offset: 3}},
	{name: "binary invalid before nul", in: lit("ab\xffc\x00"),
		wantErr: &textenc.EncodingError{Encoding: textenc.Binary, Line: 1, Col: 3, Offset: 2}},

	{name: "truncated at eof", in: lit("标题\n测\xe8\xaf"),
		wantErr: &textenc.EncodingError{Encoding: textenc.UTF8, Line: 2, Col: 2, Offset: 10}},
	{name: "truncated lead byte at eof", in: lit("a\xf0"),
		wantErr: &textenc.EncodingError{Encoding: textenc.UTF8, Line: 1, Col: 2, Offset: 1}},
	{name: "stray byte in utf8", in: lit(damaged),
		wantErr: &textenc.EncodingError{Encoding: textenc.UTF8, Line: 6, Col: 8, Offset: 5*40 + 13}},
	{name: "latin1", in: lit("caf\xe9 au lait\n"),
		wantErr: &textenc.EncodingError{Encoding: textenc.Unknown, Line: 1, Col: 4, Offset: 3}},
	{name: "lone continuation byte", in: lit("\x80"),
		wantErr: &textenc.EncodingError{Encoding: textenc.Unknown, Line: 1, Col: 1, Offset: 0}},
	{name: "control bytes", in: lit("\xa0\x01\x02\x03"),
		wantErr: &textenc.EncodingError{Encoding: textenc.Unknown, Line: 1, Col: 1, Offset: 0}},
}

func init() {
	seen := map[string]bool{}
	for _, tc := range decodeCases {
		if seen[tc.name] {
			panic("duplicate decode case " + tc.name)
		}
		seen[tc.name] = true
	}
}

func TestDecode(t *testing.T) {
	t.Parallel()
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.in(t)
			text, info, err := textenc.Decode(in)
			var got *textenc.EncodingError
			if err != nil && !errors.As(err, &got) {
				t.Fatalf("Decode(%q) error %T %v, want *EncodingError", in, err, err)
			}
			if diff := cmp.Diff(tc.wantErr, got); diff != "" {
				t.Errorf("Decode(%q) error mismatch (-want +got):\n%s", in, diff)
			}
			if text != tc.wantText {
				t.Errorf("Decode(%q) text = %q, want %q", in, text, tc.wantText)
			}
			if err == nil && info != tc.wantInfo {
				t.Errorf("Decode(%q) info = %+v, want %+v", in, info, tc.wantInfo)
			}
		})
	}
}

func TestToUTF8(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      func(testing.TB) []byte
		want    string
		wantEnc string
		wantErr string // Encoding of the *EncodingError, "" for none
	}{
		{"empty", lit(""), "", textenc.UTF8, ""},
		{"utf8", lit(sample), sample, textenc.UTF8, ""},
		{"utf8 bom removed", lit("\xef\xbb\xbf名称,金额\r\n"), "名称,金额\r\n", textenc.UTF8, ""},
		{"gbk csv", encoded(gbk, "", "事项名称,责任人,金额\r\n低保审核,张三,50000元\r\n"), "事项名称,责任人,金额\r\n低保审核,张三,50000元\r\n", textenc.GB18030, ""},
		{"gb18030 four-byte", encoded(gb18030, "", "㐀㐁是扩展A区汉字,€欧元"), "㐀㐁是扩展A区汉字,€欧元", textenc.GB18030, ""},
		{"utf16le bom", encoded(utf16LE, "", sampleCR), sampleCR, textenc.UTF16LE, ""},
		{"utf16be bom", encoded(utf16BE, "", sample), sample, textenc.UTF16BE, ""},
		{"utf16le no bom", encoded(raw16LE, "", sample), sample, textenc.UTF16LE, ""},
		{"utf16be no bom", encoded(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "", sampleCR), sampleCR, textenc.UTF16BE, ""},
		{"utf32le bom", encoded(utf32LE, "", sample), sample, textenc.UTF32LE, ""},
		{"utf32be bom", encoded(utf32BE, "", "名称"), "名称", textenc.UTF32BE, ""},
		{"binary", lit("PK\x03\x04\x14\x00\x06\x00"), "", textenc.Binary, textenc.Binary},
		{"truncated utf8", lit("名称\xe5\x90"), "", textenc.UTF8, textenc.UTF8},
		{"unknown", lit("caf\xe9 au lait"), "", textenc.Unknown, textenc.Unknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			in := tc.in(t)
			got, enc, err := textenc.ToUTF8(in)
			var ee *textenc.EncodingError
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("ToUTF8(%q) error %v, want none", in, err)
			case tc.wantErr != "" && (!errors.As(err, &ee) || ee.Encoding != tc.wantErr):
				t.Fatalf("ToUTF8(%q) error %v, want *EncodingError for %s", in, err, tc.wantErr)
			}
			if string(got) != tc.want || enc != tc.wantEnc {
				t.Errorf("ToUTF8(%q) = %q, %q, want %q, %q", in, got, enc, tc.want, tc.wantEnc)
			}
		})
	}
}

func TestEncodingErrorMessages(t *testing.T) {
	t.Parallel()
	const resave = `请用 UTF-8 编码另存此文件,例如在记事本中"另存为"时选择 UTF-8`
	tests := []struct {
		enc, msg, hint string
	}{
		{textenc.GB18030, "文件不是 UTF-8 编码(看起来是 GBK/GB18030,常见于 Windows 记事本或 Excel 另存)", resave},
		{textenc.UTF16LE, `文件不是 UTF-8 编码(是 UTF-16LE,常见于 Windows 记事本"Unicode"格式或 Excel"Unicode 文本"另存)`, resave},
		{textenc.UTF16BE, `文件不是 UTF-8 编码(是 UTF-16BE,常见于 Windows 记事本"Unicode"格式或 Excel"Unicode 文本"另存)`, resave},
		{textenc.UTF32LE, "文件不是 UTF-8 编码(是 UTF-32LE)", resave},
		{textenc.Binary, "文件不是文本文件(含有 NUL 字节,可能是图片、Office 文档或压缩包)", "内容文件必须是 UTF-8 纯文本;请确认没有把图片、Word 或 Excel 文件误放到这里"},
		{textenc.UTF8, "文件含有无效的 UTF-8 字节(文件可能被截断,或混入了其他编码的文字)", "请在编辑器中找到该位置,删除乱码并重新输入这些文字,然后以 UTF-8 编码保存"},
		{textenc.Unknown, "文件不是 UTF-8 编码(无法识别是哪种编码)", resave},
	}
	for _, tc := range tests {
		t.Run(tc.enc, func(t *testing.T) {
			t.Parallel()
			e := &textenc.EncodingError{Encoding: tc.enc, Line: 3, Col: 4, Offset: 20}
			if got := e.Error(); got != tc.msg {
				t.Errorf("Error() = %q, want %q", got, tc.msg)
			}
			if got := e.Hint(); got != tc.hint {
				t.Errorf("Hint() = %q, want %q", got, tc.hint)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, tc := range decodeCases {
		f.Add(tc.in(f))
	}
	f.Add(mustEncode(f, gbk, "事项名称,责任人\r\n低保审核,张三\r\n"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Add([]byte("\xef\xbb\xbf\xd6\xd0"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, info, err := textenc.Decode(b)
		body := bytes.TrimPrefix(b, bom)
		if err == nil {
			if text != string(body) || !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
				t.Fatalf("Decode(%q) = %q, want the input without BOM, valid and NUL-free", b, text)
			}
			if info.Empty != (text == "") || info.BOM != (len(body) < len(b)) || info.HasCRLF != strings.Contains(text, "\r\n") {
				t.Fatalf("Decode(%q) info = %+v", b, info)
			}
		} else {
			var e *textenc.EncodingError
			if !errors.As(err, &e) {
				t.Fatalf("Decode(%q) error %T, want *EncodingError", b, err)
			}
			if e.Offset < 0 || e.Offset >= len(b) || e.Line < 1 || e.Col < 1 || e.Error() == "" || e.Hint() == "" {
				t.Fatalf("Decode(%q) error %+v out of range", b, e)
			}
			if e.Encoding != textenc.UTF16LE && e.Encoding != textenc.UTF16BE && e.Encoding != textenc.UTF32LE && e.Encoding != textenc.UTF32BE {
				base := len(b) - len(body)
				if line := 1 + bytes.Count(b[:e.Offset], []byte("\n")); e.Line != line {
					t.Fatalf("Decode(%q) error line %d, want %d", b, e.Line, line)
				}
				ls := max(base, bytes.LastIndexByte(b[:e.Offset], '\n')+1)
				if col := 1 + utf8.RuneCount(b[ls:e.Offset]); e.Col != col {
					t.Fatalf("Decode(%q) error col %d, want %d", b, e.Col, col)
				}
			}
		}
		out, enc, err2 := textenc.ToUTF8(b)
		switch {
		case err2 == nil && !utf8.Valid(out):
			t.Fatalf("ToUTF8(%q) = %q (%s), not valid UTF-8", b, out, enc)
		case err == nil && (err2 != nil || string(out) != text || enc != textenc.UTF8):
			t.Fatalf("ToUTF8(%q) = %q, %q, %v; Decode gave %q", b, out, enc, err2, text)
		case err != nil && err2 != nil && err.Error() != err2.Error():
			t.Fatalf("ToUTF8(%q) error %v, Decode error %v", b, err2, err)
		}
	})
}
