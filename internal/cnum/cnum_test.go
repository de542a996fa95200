package cnum

import (
	"math"
	"testing"
	"unicode/utf8"
)

type scanCase struct {
	in   string
	want float64
	n    int // runes consumed; 0 = no numeral
}

var scanCases = []scanCase{
	// Arabic
	{"0", 0, 1},
	{"5", 5, 1},
	{"500", 500, 3},
	{"5000元", 5000, 4},
	{"1.5", 1.5, 3},
	{"0.5万元", 5000, 4},
	{"１２０", 120, 3},
	{"１．５万", 15000, 4},
	{"10,000元", 10000, 6},
	{"1,000,000", 1e6, 9},
	{"1,00元", 1, 1},         // not a thousands group
	{"10000,000", 10000, 5}, // a group needs a 1-3 digit lead
	{"5.", 5, 1},
	{"5.x", 5, 1},
	{"123456789012345", 123456789012345, 15},
	{"1234567890123456", 0, 0}, // too long: rejected, never truncated
	{"1万1234567890123456", 10000, 2},
	// single Chinese digits
	{"零", 0, 1},
	{"〇", 0, 1},
	{"一", 1, 1},
	{"二", 2, 1},
	{"两", 2, 1},
	{"兩", 2, 1},
	{"三", 3, 1},
	{"九", 9, 1},
	// units
	{"十", 10, 1},
	{"十五", 15, 2},
	{"三十五", 35, 3},
	{"二十", 20, 2},
	{"一十", 10, 2},
	{"一百", 100, 2},
	{"一百一十九", 119, 5},
	{"一百一十", 110, 4},
	{"一百零一", 101, 4},
	{"一千零五", 1005, 4},
	{"一千零五十", 1050, 5},
	{"五百", 500, 2},
	{"五千", 5000, 2},
	{"两千", 2000, 2},
	{"二千", 2000, 2},
	{"一千五百", 1500, 4},
	{"一万", 10000, 2},
	{"十万", 100000, 2},
	{"二十万", 200000, 3},
	{"一百万", 1e6, 3},
	{"五十万", 500000, 3},
	{"一万零五百", 10500, 5},
	{"一万零五", 10005, 4},
	{"三万五千", 35000, 4},
	{"一亿", 1e8, 2},
	{"一亿二千万", 1.2e8, 5},
	{"一亿零五十万", 100500000, 6},
	{"三千万", 3e7, 3},
	// colloquial final digit
	{"一万五", 15000, 3},
	{"一千五", 1500, 3},
	{"三百五", 350, 3},
	{"两万五", 25000, 3},
	{"一亿五", 1.5e8, 3},
	// financial and traditional forms
	{"壹佰", 100, 2},
	{"贰仟", 2000, 2},
	{"叁拾", 30, 2},
	{"伍萬", 50000, 2},
	{"壹億", 1e8, 2},
	{"肆佰伍拾陆", 456, 5},
	{"柒", 7, 1},
	{"捌", 8, 1},
	{"玖", 9, 1},
	{"陆", 6, 1},
	// mixed Arabic and Chinese
	{"1万", 10000, 2},
	{"1.5万", 15000, 4},
	{"0.3万", 3000, 4},
	{"5千", 5000, 2},
	{"3百万", 3e6, 3},
	{"1万5千", 15000, 4},
	{"20万元", 200000, 3},
	{"5000万", 5e7, 5},
	{"1.2亿", 1.2e8, 4},
	{"1万5元", 10000, 2}, // Arabic after a unit needs a smaller unit after it
	{"50百", 50, 2},
	// digit by digit
	{"二〇二三", 2023, 4},
	{"二〇", 20, 2},
	{"一九九三年", 1993, 4},
	{"五六", 5, 1}, // "five or six": only 五 is read
	// stops
	{"十百", 10, 1},
	{"百分之五", 0, 0},
	{"千分之五", 0, 0},
	{"万元", 0, 0},
	{"千万", 0, 0},
	{"一千零", 1000, 2},
	{"一万万", 10000, 2},
	{"一万亿", 10000, 2},
	{"三十五六", 35, 3},
	{"二〇万", 20, 2},
	{"5五", 5, 1},
	{"五5", 5, 1},
	{"元", 0, 0},
	{"", 0, 0},
	{"第一百一十九条", 0, 0},
	{"一般", 1, 1},
	{"一倍以上三倍以下", 1, 1},
}

func TestScanRunes(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, tc := range scanCases {
		if seen[tc.in] {
			t.Fatalf("duplicate case %q", tc.in)
		}
		seen[tc.in] = true
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			v, n := ScanRunes([]rune(tc.in))
			if v != tc.want || n != tc.n {
				t.Errorf("ScanRunes(%q) = %v, %d, want %v, %d", tc.in, v, n, tc.want, tc.n)
			}
			// Scan agrees, in bytes.
			bv, bn := Scan(tc.in)
			wantBytes := len(string([]rune(tc.in)[:tc.n]))
			if bv != tc.want || bn != wantBytes {
				t.Errorf("Scan(%q) = %v, %d, want %v, %d", tc.in, bv, bn, tc.want, wantBytes)
			}
		})
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"一百一十九", 119, true},
		{" 1.5万 ", 15000, true},
		{"二十万", 200000, true},
		{"1万元", 0, false},
		{"五六", 0, false},
		{"", 0, false},
		{"十百", 0, false},
	}
	for _, tc := range tests {
		v, ok := Parse(tc.in)
		if v != tc.want || ok != tc.ok {
			t.Errorf("Parse(%q) = %v, %v, want %v, %v", tc.in, v, ok, tc.want, tc.ok)
		}
	}
}

func TestParseInt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"一百一十九", 119, true},
		{"119", 119, true},
		{"１１９", 119, true},
		{"1.5", 0, false},
		{"1.5万", 15000, true},
		{"第一", 0, false},
	}
	for _, tc := range tests {
		v, ok := ParseInt(tc.in)
		if v != tc.want || ok != tc.ok {
			t.Errorf("ParseInt(%q) = %v, %v, want %v, %v", tc.in, v, ok, tc.want, tc.ok)
		}
	}
}

func TestItoa(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   int64
		want string
	}{
		{0, "零"},
		{1, "一"},
		{10, "十"},
		{11, "十一"},
		{15, "十五"},
		{20, "二十"},
		{35, "三十五"},
		{100, "一百"},
		{101, "一百零一"},
		{110, "一百一十"},
		{119, "一百一十九"},
		{1000, "一千"},
		{1005, "一千零五"},
		{1010, "一千零一十"},
		{2000, "二千"},
		{10000, "一万"},
		{10005, "一万零五"},
		{10500, "一万零五百"},
		{100000, "十万"},
		{110000, "十一万"},
		{200000, "二十万"},
		{1000000, "一百万"},
		{1e8, "一亿"},
		{100500000, "一亿零五十万"},
		{120000000, "一亿二千万"},
		{100000005, "一亿零五"},
		{-5, "负五"},
	}
	for _, tc := range tests {
		if got := Itoa(tc.in); got != tc.want {
			t.Errorf("Itoa(%d) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestItoaRoundTrip checks that Parse reads back what Itoa writes.
func TestItoaRoundTrip(t *testing.T) {
	t.Parallel()
	check := func(n int64) {
		s := Itoa(n)
		got, ok := ParseInt(s)
		if !ok || got != n {
			t.Errorf("ParseInt(Itoa(%d) = %q) = %d, %v", n, s, got, ok)
		}
	}
	for n := int64(0); n <= 20000; n++ {
		check(n)
	}
	for n := int64(1); n < 1e12; n = n*7 + 3 {
		check(n)
	}
}

func FuzzScan(f *testing.F) {
	for _, tc := range scanCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, n := Scan(s)
		if n < 0 || n > len(s) || !utf8.ValidString(s[:n]) && utf8.ValidString(s) {
			t.Fatalf("Scan(%q) consumed %d bytes", s, n)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Fatalf("Scan(%q) = %v", s, v)
		}
		if n > 0 {
			// The consumed prefix is itself a numeral with the same value.
			pv, ok := Parse(s[:n])
			if !ok || pv != v {
				t.Fatalf("Parse(%q) = %v, %v; Scan gave %v", s[:n], pv, ok, v)
			}
		}
	})
}
