package pii_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"sunlight/internal/pii"
)

// All numbers below are fictional. Check characters are computed here,
// independently of the package, so that the tests also check the
// package's arithmetic.

// id18 appends the ISO 7064 MOD 11-2 check character to 17 digits.
func id18(body string) string {
	sum := 0
	for i := range 17 {
		w := 1
		for range 17 - i {
			w = w * 2 % 11
		}
		sum += int(body[i]-'0') * w
	}
	c := (12 - sum%11) % 11
	if c == 10 {
		return body + "X"
	}
	return body + fmt.Sprint(c)
}

// luhn appends the Luhn check digit.
func luhn(body string) string {
	for d := '0'; d <= '9'; d++ {
		s := body + string(d)
		sum := 0
		for i := range len(s) {
			n := int(s[len(s)-1-i] - '0')
			if i%2 == 1 {
				n *= 2
				if n > 9 {
					n -= 9
				}
			}
			sum += n
		}
		if sum%10 == 0 {
			return s
		}
	}
	panic("unreachable")
}

// orgCode appends the GB 11714 check character to 8 characters; ok is false
// when it would be X.
func orgCode(body string) (string, bool) {
	w := []int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range body {
		n := int(c - '0')
		if c >= 'A' {
			n = int(c-'A') + 10
		}
		sum += n * w[i]
	}
	switch c := 11 - sum%11; c {
	case 11:
		return body + "0", true
	case 10:
		return body + "X", false
	default:
		return body + fmt.Sprint(c), true
	}
}

const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// uscc appends the GB 32100 check character to 17 characters.
func uscc(body string) string {
	sum, w := 0, 1
	for i := range 17 {
		sum += strings.IndexByte(usccChars, body[i]) * w
		w *= 3
		w %= 31
	}
	return body + string(usccChars[(31-sum%31)%31])
}

// fullWidth converts ASCII digits and X to their full-width forms.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == 'X' {
			return r + 0xFEE0
		}
		return r
	}, s)
}

// idEndingX returns an identity card number with the given 14-character
// prefix whose check character is X.
func idEndingX(prefix string) string {
	for n := range 1000 {
		if v := id18(fmt.Sprintf("%s%03d", prefix, n)); strings.HasSuffix(v, "X") {
			return v
		}
	}
	panic("no X")
}

// idThatIsUSCC returns an 18-digit value that is a valid identity card
// number and also a plausible unified social credit code: GB 32100 wins.
func idThatIsUSCC() string {
	for day := 1; day <= 28; day++ {
		for n := range 100 {
			body := fmt.Sprintf("341102199001%02d%02d", day, n) // division code 1102… at [2:8]
			org, ok := orgCode(body[8:16])
			if !ok {
				continue
			}
			v := id18(body + org[8:])
			if uscc(v[:17]) == v {
				return v
			}
		}
	}
	panic("none found")
}

// usccCard returns an all-digit unified social credit code that passes Luhn
// and starts like a card.
func usccCard() string {
	for n := range 100000 {
		org, ok := orgCode(fmt.Sprintf("%08d", 70000000+n))
		if !ok {
			continue
		}
		v := uscc("913416" + "21" + org)
		if v[17] <= '9' && luhn(v[:17]) == v {
			return v
		}
	}
	panic("none found")
}

// taxNumber returns a 15-digit old tax registration number (division code
// plus organisation code) whose organisation code starts with a valid date.
func taxNumber() string {
	for n := range 1000 {
		if org, ok := orgCode(fmt.Sprintf("491231%02d", n%100)); ok {
			return "110105" + org
		}
	}
	panic("none found")
}

var (
	idA     = id18("11010519491231002")
	idX     = idEndingX("34162119850704")
	idHK    = id18("81000019900101123")
	idBad   = idA[:17] + string("0123456789"[(idA[17]-'0'+1)%10]) // wrong check digit
	idUSCC  = idThatIsUSCC()
	card16  = luhn("622202123456789")
	card19  = luhn("621700123456789012")
	cardV   = luhn("411111111111111")
	cardBad = card16[:15] + string("0123456789"[(card16[15]-'0'+1)%10])
	usccL   = uscc("91341621MA2N0ABC1")
	usccD   = usccCard()
	tax15   = taxNumber()
)

func init() {
	if idBad[17] == 'X' || idBad == idA {
		panic("bad fixture")
	}
}

func group(s string, sep string, sizes ...int) string {
	var parts []string
	for _, n := range sizes {
		parts = append(parts, s[:n])
		s = s[n:]
	}
	return strings.Join(parts, sep)
}

func maskID(v string) string { return v[:4] + "**********" + v[14:] }
func maskCard(v string) string {
	return v[:4] + strings.Repeat("*", len(v)-8) + v[len(v)-4:]
}

// want describes an expected finding by the text it covers; Start, End,
// Line and Col are found by searching for that text after the previous
// finding and counting lines and runes independently of the package.
type want struct {
	kind   pii.Kind
	text   string
	masked string
}

func expand(t *testing.T, text string, ws []want) []pii.Finding {
	t.Helper()
	var out []pii.Finding
	from := 0
	for _, w := range ws {
		i := strings.Index(text[from:], w.text)
		if i < 0 {
			t.Fatalf("bad test: %q not in %q after %d", w.text, text, from)
		}
		start := from + i
		line := 1 + strings.Count(text[:start], "\n")
		col := 1 + utf8.RuneCountInString(text[strings.LastIndexByte(text[:start], '\n')+1:start])
		out = append(out, pii.Finding{Kind: w.kind, Start: start, End: start + len(w.text), Line: line, Col: col, Masked: w.masked})
		from = start + len(w.text)
	}
	return out
}

type scanCase struct {
	name string
	text string
	want []want
}

var scanCases = []scanCase{
	// Identity cards.
	{"id plain", "身份证号:" + idA + "。", []want{{pii.IDCard, idA, maskID(idA)}}},
	{"id check X", "证件号码 " + idX + " 已核实", []want{{pii.IDCard, idX, maskID(idX)}}},
	{"id check lower x", "证件号码" + strings.ToLower(idX), []want{{pii.IDCard, strings.ToLower(idX), maskID(idX)}}},
	{"id full width", "身份证：" + fullWidth(idX) + "。", []want{{pii.IDCard, fullWidth(idX), maskID(idX)}}},
	{"id grouped spaces", "身份证 " + group(idA, " ", 6, 8, 4), []want{{pii.IDCard, group(idA, " ", 6, 8, 4), maskID(idA)}}},
	{"id grouped hyphens", group(idX, "-", 6, 8, 4), []want{{pii.IDCard, group(idX, "-", 6, 8, 4), maskID(idX)}}},
	{"id hong kong resident", "港澳居民居住证 " + idHK, []want{{pii.IDCard, idHK, maskID(idHK)}}},
	{"id at start and end", idA, []want{{pii.IDCard, idA, maskID(idA)}}},
	{"id in parentheses", "张三(" + idA + ")", []want{{pii.IDCard, idA, maskID(idA)}}},
	{"id legacy 15", "旧身份证 110105491231002", []want{{pii.IDCard, "110105491231002", "1101*******1002"}}},
	{"id two on lines", idA + "\n" + idX, []want{{pii.IDCard, idA, maskID(idA)}, {pii.IDCard, idX, maskID(idX)}}},
	{"id bad check digit", "号码 " + idBad, nil},
	{"id bad date", "号码 " + id18("11010519490230002"), nil},
	{"id year before 1900", "号码 " + id18("11010518991231002"), nil},
	{"id bad province", "号码 " + id18("91010519491231002"), nil},
	{"id first digit 7", "号码 " + id18("71010519491231002"), nil},
	{"id leap day", "号码 " + id18("11010520000229002"), []want{{pii.IDCard, id18("11010520000229002"), maskID(id18("11010520000229002"))}}},
	{"id not leap day 1900", "号码 " + id18("11010519000229002"), nil},
	{"id inside longer run", "编号 1" + idA, nil},
	{"id glued to letters", "NO" + idA, nil},
	{"id that is a credit code", "代码 " + idUSCC, nil},
	{"id legacy bad date", "110105491331002", nil},
	{"id legacy tax number", "税务登记号 " + tax15, nil},

	// Mobile numbers.
	{"mobile plain", "电话13812345678联系", []want{{pii.Mobile, "13812345678", "138****5678"}}},
	{"mobile hyphens", "手机:138-1234-5678。", []want{{pii.Mobile, "138-1234-5678", "138****5678"}}},
	{"mobile spaces", "手机 138 1234 5678", []want{{pii.Mobile, "138 1234 5678", "138****5678"}}},
	{"mobile plus86 spaced", "Tel: +86 138 1234 5678", []want{{pii.Mobile, "+86 138 1234 5678", "138****5678"}}},
	{"mobile plus86 glued", "+8613812345678", []want{{pii.Mobile, "+8613812345678", "138****5678"}}},
	{"mobile 86 hyphen", "86-13912345678", []want{{pii.Mobile, "86-13912345678", "139****5678"}}},
	{"mobile 0086", "0086 15912345678", []want{{pii.Mobile, "0086 15912345678", "159****5678"}}},
	{"mobile paren plus86", "(+86)19912345678", []want{{pii.Mobile, "(+86)19912345678", "199****5678"}}},
	{"mobile full width", "电话：１３８１２３４５６７８", []want{{pii.Mobile, "１３８１２３４５６７８", "138****5678"}}},
	{"mobile full width hyphens", "１３８－１２３４－５６７８", []want{{pii.Mobile, "１３８－１２３４－５６７８", "138****5678"}}},
	{"mobile two in a row", "13812345678 13912345678", []want{{pii.Mobile, "13812345678", "138****5678"}, {pii.Mobile, "13912345678", "139****5678"}}},
	{"mobile after landline", "0551-12345678 138 1234 5678", []want{{pii.Mobile, "138 1234 5678", "138****5678"}}},
	{"mobile list with commas", "13812345678,17712345678、16612345678", []want{{pii.Mobile, "13812345678", "138****5678"}, {pii.Mobile, "17712345678", "177****5678"}, {pii.Mobile, "16612345678", "166****5678"}}},
	{"mobile sentence end", "请拨打13812345678.", []want{{pii.Mobile, "13812345678", "138****5678"}}},
	{"mobile second digit 2", "12812345678", nil},
	{"mobile second digit 0", "10812345678", nil},
	{"mobile longer run", "138123456789", nil},
	{"mobile longer run before", "2138123456780", nil},
	{"mobile grouped continues", "138 1234 5678 9012", nil},
	{"mobile glued to letters", "ID13812345678", nil},
	{"mobile file name", "13812345678.jpg", nil},
	{"mobile decimal", "3.13812345678", nil},
	{"mobile amount", "13812345678元", nil},
	{"mobile currency", "¥13812345678", nil},
	{"mobile item code", "CF-13812345678", nil},
	{"mobile in url path", "https://example.cn/p/13812345678", nil},
	{"mobile mixed separators", "138-1234 5678", nil},

	// Bank cards.
	{"card unionpay 16", "卡号:" + card16, []want{{pii.BankCard, card16, maskCard(card16)}}},
	{"card unionpay 19", "账号 " + card19 + " 开户行", []want{{pii.BankCard, card19, maskCard(card19)}}},
	{"card visa", "card " + cardV, []want{{pii.BankCard, cardV, maskCard(cardV)}}},
	{"card grouped spaces", "卡号 " + group(card16, " ", 4, 4, 4, 4), []want{{pii.BankCard, group(card16, " ", 4, 4, 4, 4), maskCard(card16)}}},
	{"card grouped hyphens", group(card16, "-", 4, 4, 4, 4), []want{{pii.BankCard, group(card16, "-", 4, 4, 4, 4), maskCard(card16)}}},
	{"card grouped 19", group(card19, " ", 4, 4, 4, 4, 3), []want{{pii.BankCard, group(card19, " ", 4, 4, 4, 4, 3), maskCard(card19)}}},
	{"card full width", fullWidth(card19), []want{{pii.BankCard, fullWidth(card19), maskCard(card19)}}},
	{"card bad luhn", "卡号:" + cardBad, nil},
	{"card bad prefix", luhn("123456789012345"), nil},
	{"card grouped continues", group(card16, " ", 4, 4, 4, 4) + " 12 34", nil},
	{"card five groups of four", group(card16, " ", 4, 4, 4, 4) + " 1234", nil},
	{"card 20 digits", luhn("6222021234567890123"), nil},
	{"card amount", card16 + "元", nil},
	{"card credit code all digits", "统一社会信用代码:" + usccD, nil},
	{"card timestamp", "20240315143000123", nil},
	{"card two dates", "2024031520240316", nil},

	// E-mail.
	{"email plain", "邮箱:zhangsan@163.com。", []want{{pii.Email, "zhangsan@163.com", "z******n@163.com"}}},
	{"email official still reported", "jw@ahsx.gov.cn", []want{{pii.Email, "jw@ahsx.gov.cn", "j*@ahsx.gov.cn"}}},
	{"email one letter", "a@example.org", []want{{pii.Email, "a@example.org", "*@example.org"}}},
	{"email full width at", "li.si＠example.cn", []want{{pii.Email, "li.si＠example.cn", "l***i@example.cn"}}},
	{"email digits not a mobile", "13812345678@qq.com", []want{{pii.Email, "13812345678@qq.com", "1*********8@qq.com"}}},
	{"email trailing dot", "写信给 wang_wu+tip@mail.example.com.", []want{{pii.Email, "wang_wu+tip@mail.example.com", "w*********p@mail.example.com"}}},
	{"email no tld", "user@localhost", nil},
	{"email one letter tld", "a@b.c", nil},
	{"email numeric tld", "a@b.123", nil},
	{"email empty label", "a@b..com", nil},
	{"email no local", "@example.com", nil},
	{"email two at", "a@b@c.com", []want{{pii.Email, "b@c.com", "*@c.com"}}},

	// Plainly not personal data.
	{"division code", "行政区划代码 341621", nil},
	{"date", "2024年3月15日(20240315)", nil},
	{"document number", "涡政办〔2024〕3号", nil},
	{"credit code letters", "统一社会信用代码 " + usccL, nil},
	{"landline hyphen", "0551-12345678", nil},
	{"landline parentheses", "(0558)1234567", nil},
	{"landline spaces", "021 6123 4567", nil},
	{"hotline", "请拨打12345热线", nil},
	{"hotline 400", "400-123-4567", nil},
	{"item code", "341621-001-CF-003-00", nil},
	{"amount", "补助资金50000元", nil},
	{"no digits", "涡阳县纪委监委", nil},
	{"empty", "", nil},

	// Several kinds, positions across lines.
	{"mixed", "联系人:张三\n手机 13812345678,邮箱 zs@example.cn\n\t身份证 " + idA + "\r\n卡号 " + card16,
		[]want{
			{pii.Mobile, "13812345678", "138****5678"},
			{pii.Email, "zs@example.cn", "z*@example.cn"},
			{pii.IDCard, idA, maskID(idA)},
			{pii.BankCard, card16, maskCard(card16)},
		}},
}

func init() {
	seen := map[string]bool{}
	for _, tc := range scanCases {
		if seen[tc.name] || seen[tc.text] {
			panic("duplicate scan case " + tc.name)
		}
		seen[tc.name], seen[tc.text] = true, true
	}
}

func TestScan(t *testing.T) {
	t.Parallel()
	for _, tc := range scanCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			want := expand(t, tc.text, tc.want)
			got := pii.Scan(tc.text)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Scan(%q) mismatch (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestScannerReuse scans every case, longest first, with one Scanner: what
// it keeps from a text must not leak into the next.
func TestScannerReuse(t *testing.T) {
	t.Parallel()
	cases := slices.Clone(scanCases)
	slices.SortStableFunc(cases, func(a, b scanCase) int { return len(b.text) - len(a.text) })
	var s pii.Scanner
	for _, tc := range cases {
		want := expand(t, tc.text, tc.want)
		if diff := cmp.Diff(want, s.ScanAllow(tc.text, pii.Allow{})); diff != "" {
			t.Errorf("%s: reused Scanner mismatch (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestScanPositions spells out offsets by hand: byte offsets, rune columns.
func TestScanPositions(t *testing.T) {
	t.Parallel()
	text := "电话:13812345678\n邮箱 a.b@x.org 与 ＋８６－１３９１２３４５６７８"
	got := pii.Scan(text)
	want := []pii.Finding{
		{Kind: pii.Mobile, Start: 7, End: 18, Line: 1, Col: 4, Masked: "138****5678"},
		{Kind: pii.Email, Start: 26, End: 35, Line: 2, Col: 4, Masked: "a*b@x.org"},
		{Kind: pii.Mobile, Start: 40, End: 85, Line: 2, Col: 16, Masked: "139****5678"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Scan(%q) mismatch (-want +got):\n%s", text, diff)
	}
}

func TestScanAllow(t *testing.T) {
	t.Parallel()
	text := "办公室 138-1234-5678,举报 13912345678,邮箱 JW@AHSX.GOV.CN、zs@example.cn,身份证 " + strings.ToLower(idX)
	tests := []struct {
		name  string
		allow pii.Allow
		want  []pii.Kind
	}{
		{"nothing allowed", pii.Allow{}, []pii.Kind{pii.Mobile, pii.Mobile, pii.Email, pii.Email, pii.IDCard}},
		{"number as written elsewhere", pii.Allow{Numbers: []string{"13812345678"}}, []pii.Kind{pii.Mobile, pii.Email, pii.Email, pii.IDCard}},
		{"number with country code", pii.Allow{Numbers: []string{"+86 139 1234 5678"}}, []pii.Kind{pii.Mobile, pii.Email, pii.Email, pii.IDCard}},
		{"number full width", pii.Allow{Numbers: []string{"１３８１２３４５６７８", "0086-13912345678"}}, []pii.Kind{pii.Email, pii.Email, pii.IDCard}},
		{"email any case", pii.Allow{Emails: []string{" jw@ahsx.gov.cn "}}, []pii.Kind{pii.Mobile, pii.Mobile, pii.Email, pii.IDCard}},
		{"id upper X", pii.Allow{Numbers: []string{idX}}, []pii.Kind{pii.Mobile, pii.Mobile, pii.Email, pii.Email}},
		{"unrelated", pii.Allow{Numbers: []string{"0551-12345678"}, Emails: []string{"x@example.cn"}}, []pii.Kind{pii.Mobile, pii.Mobile, pii.Email, pii.Email, pii.IDCard}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []pii.Kind
			for _, f := range pii.ScanAllow(text, tc.allow) {
				got = append(got, f.Kind)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ScanAllow(%q, %+v) kinds mismatch (-want +got):\n%s", text, tc.allow, diff)
			}
		})
	}
}

func TestIsOfficialEmail(t *testing.T) {
	t.Parallel()
	tests := []struct {
		addr string
		want bool
	}{
		{"jw@ahsx.gov.cn", true},
		{"JW@AHSX.GOV.CN", true},
		{"info@gov.cn", true},
		{"office@state.gov", true},
		{"jw＠ahsx．gov．cn", true},
		{"zhangsan@163.com", false},
		{"x@gov.cn.example.com", false},
		{"x@notgov.cn", false},
		{"x@mygov.cn", false},
		{"@gov.cn", false},
		{"gov.cn", false},
		{"a b@gov.cn", false},
		{"", false},
	}
	for _, tc := range tests {
		t.Run(tc.addr, func(t *testing.T) {
			t.Parallel()
			if got := pii.IsOfficialEmail(tc.addr); got != tc.want {
				t.Errorf("IsOfficialEmail(%q) = %v, want %v", tc.addr, got, tc.want)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		k    pii.Kind
		want string
	}{
		{pii.IDCard, "身份证号"},
		{pii.Mobile, "手机号码"},
		{pii.BankCard, "银行卡号"},
		{pii.Email, "电子邮箱"},
		{0, "Kind(0)"},
	}
	for _, tc := range tests {
		if got := tc.k.String(); got != tc.want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(tc.k), got, tc.want)
		}
	}
	f := pii.Finding{Kind: pii.Mobile, Line: 2, Col: 3, Masked: "138****5678"}
	if got, want := f.String(), "2:3: 手机号码 138****5678"; got != want {
		t.Errorf("Finding.String() = %q, want %q", got, want)
	}
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune(r - 0xFEE0)
		}
	}
	return b.String()
}

func FuzzScan(f *testing.F) {
	for _, tc := range scanCases {
		f.Add(tc.text)
	}
	f.Add("\xff13812345678\xe4")
	f.Add("a@b.cn@c.cn 138 1234 5678 9 +86 86 0086")
	f.Fuzz(func(t *testing.T, text string) {
		got := pii.Scan(text)
		prevEnd := 0
		for _, fd := range got {
			if fd.Start < prevEnd || fd.Start >= fd.End || fd.End > len(text) {
				t.Fatalf("Scan(%q): bad offsets in %+v (previous end %d)", text, fd, prevEnd)
			}
			prevEnd = fd.End
			if fd.Kind < pii.IDCard || fd.Kind > pii.Email {
				t.Fatalf("Scan(%q): bad kind in %+v", text, fd)
			}
			line := 1 + strings.Count(text[:fd.Start], "\n")
			col := 1 + utf8.RuneCountInString(text[strings.LastIndexByte(text[:fd.Start], '\n')+1:fd.Start])
			if fd.Line != line || fd.Col != col {
				t.Fatalf("Scan(%q): %+v, want line %d col %d", text, fd, line, col)
			}
			raw := text[fd.Start:fd.End]
			if !strings.Contains(fd.Masked, "*") || fd.Masked == raw || fd.Masked == digitsOf(raw) {
				t.Fatalf("Scan(%q): %+v reveals the value %q", text, fd, raw)
			}
			var a pii.Allow
			if fd.Kind == pii.Email {
				a.Emails = []string{raw}
			} else {
				a.Numbers = []string{raw}
			}
			for _, g := range pii.ScanAllow(text, a) {
				if g.Start == fd.Start && g.End == fd.End {
					t.Fatalf("ScanAllow(%q, %+v) still reports %+v", text, a, g)
				}
			}
		}
	})
}
