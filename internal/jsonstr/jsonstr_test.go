package jsonstr

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestSameAsMarshal compares Append with json.Marshal on every BMP
// character alone and between ASCII, every byte, every two- and
// three-byte sequence starting with a lead byte, and random strings rich
// in the bytes that matter.
func TestSameAsMarshal(t *testing.T) {
	strs := []string{"", "\u2028\u2029", "a\u2028b", "\xe2\x80", "\xe2\x80\xa8\xe2", "<a href=\"x\">&amp;</a>",
		"\\\"\b\f\n\r\t\x00\x1f\x7f", "\xff\xfe", "\xed\xa0\x80", "行政处罚 第十二条", "\U0001F600"}
	for c := rune(0); c < 0x10000; c++ {
		strs = append(strs, string(c), "a"+string(c)+"b")
	}
	for c := range 256 {
		strs = append(strs, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"\xe2\x80\xa9")
	}
	edges := []byte{0x00, 0x41, 0x7f, 0x80, 0x9f, 0xa0, 0xa8, 0xa9, 0xbf, 0xc0, 0xff}
	for lead := 0xc0; lead < 0x100; lead++ {
		for _, b1 := range edges {
			strs = append(strs, string([]byte{byte(lead), b1}), "x"+string([]byte{byte(lead)}))
			for _, b2 := range edges {
				strs = append(strs, string([]byte{byte(lead), b1, b2}), string([]byte{byte(lead), b1, b2, 0x80}))
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = []byte{byte(r.IntN(256)), 0xe2, 0x80, 0xa8, 'a', '<', 0xe4, 0xb8, 0xad}[r.IntN(9)]
		}
		strs = append(strs, string(b))
	}
	for _, s := range strs {
		want, _ := json.Marshal(s)
		if got := Append([]byte("x"), s); !bytes.Equal(got, append([]byte("x"), want...)) {
			t.Fatalf("Append(%q) = %s, want x%s", s, got, want)
		}
	}
}

func BenchmarkAppend(b *testing.B) {
	s := "本事项由竹阳县龙河乡人民政府综合行政执法队承办。<办理地点> \"竹阳县龙河乡新华路189号\"\n"
	var buf []byte
	for b.Loop() {
		buf = Append(buf[:0], s)
	}
}
