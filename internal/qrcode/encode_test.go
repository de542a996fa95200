package qrcode

import (
	"math/rand/v2"
	"strings"
	"testing"

	goqr "github.com/skip2/go-qrcode"
)

// goQRLevel is go-qrcode's name for each level.
var goQRLevel = map[Level]goqr.RecoveryLevel{LevelL: goqr.Low, LevelM: goqr.Medium, LevelQ: goqr.High, LevelH: goqr.Highest}

// TestSameAsGoQRCode compares the encoder with github.com/skip2/go-qrcode,
// which drew Sunlight's codes before it, module for module: portal URLs,
// and texts of every length up to version 40 in numeric, alphanumeric,
// byte and mixed alphabets, and byte-mode texts that just fill each
// version at each level, all at every level. Every version is met at every
// level, so every row of the block table is checked.
func TestSameAsGoQRCode(t *testing.T) {
	alphabets := []string{
		"0123456789",
		"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
		"abcdefghijklmnopqrstuvwxyz/-_.~%0123456789",
		"0123456789ABCDEF-/abc青石镇",
	}
	texts := []string{
		"https://lzfk.sfx.example.gov.cn/units/qingshi/powers/990101-001-CF-001-00/",
		"https://lzfk.example.gov.cn/units/baihua-cgj/powers/990104-006-QZ-001-05/poster/",
		"HTTPS://LZFK.SFX.EXAMPLE.GOV.CN/P/990101-001-CF-001-00/",
		"990101001001000012345678",
		"a", "1", "A", "12", "123", "1234", "A1", "1A", "a1b2c3", "1234a5678",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, alphabet := range alphabets {
		runes := []rune(alphabet)
		for n := 1; n <= 1000; n += 1 + n/6 {
			var b strings.Builder
			for range n {
				b.WriteRune(runes[rng.IntN(len(runes))])
			}
			texts = append(texts, b.String())
		}
	}
	// Byte-mode texts that just fill each version at each level.
	for row := range 4 {
		for v := 1; v <= 40; v++ {
			countBits := 8
			if v >= 10 {
				countBits = 16
			}
			n := (8*dataCapacity(v, row) - 4 - countBits) / 8
			var b strings.Builder
			for range n {
				b.WriteByte(byte('a' + rng.IntN(26)))
			}
			texts = append(texts, b.String())
		}
	}
	versions := map[Level]map[int]bool{}
	for _, text := range texts {
		for _, level := range []Level{LevelL, LevelM, LevelQ, LevelH} {
			want, wantErr := goqr.New(text, goQRLevel[level])
			got, err := encode([]byte(text), level)
			if wantErr != nil || err != nil {
				if (wantErr == nil) != (err == nil) {
					t.Fatalf("%d bytes at %v: error %v, go-qrcode's %v", len(text), level, err, wantErr)
				}
				continue
			}
			want.DisableBorder = true
			wm := want.Bitmap()
			if len(got) != len(wm) {
				t.Fatalf("%d bytes at %v: %d modules a side, go-qrcode %d (version %d)", len(text), level, len(got), len(wm), want.VersionNumber)
			}
			for y := range wm {
				for x := range wm[y] {
					if got[y][x] != wm[y][x] {
						t.Fatalf("%d bytes %.40q… at %v, version %d: module (%d, %d) differs from go-qrcode's", len(text), text, level, want.VersionNumber, x, y)
					}
				}
			}
			if versions[level] == nil {
				versions[level] = map[int]bool{}
			}
			versions[level][want.VersionNumber] = true
		}
	}
	for _, level := range []Level{LevelL, LevelM, LevelQ, LevelH} {
		for v := 1; v <= 40; v++ {
			if !versions[level][v] {
				t.Errorf("no text of version %d at %v", v, level)
			}
		}
	}
}

// TestTooLong: a text beyond version 40 fails, as go-qrcode's does.
func TestTooLong(t *testing.T) {
	text := strings.Repeat("a", 2954) // version 40-L holds 2,953 bytes
	if _, err := encode([]byte(text), LevelL); err == nil {
		t.Error("2,954 bytes at L encoded")
	}
	if _, err := encode([]byte(text[:2953]), LevelL); err != nil {
		t.Errorf("2,953 bytes at L: %v", err)
	}
}

func TestFormatAndVersionBits(t *testing.T) {
	// ISO/IEC 18004 Annex C and D examples.
	if got := formatBits(0b01001); got != 0x72f3 {
		t.Errorf("format bits of L, mask 1 = %#x, want 0x72f3", got)
	}
	if got := versionBits(7); got != 0x07c94 {
		t.Errorf("version bits of 7 = %#x, want 0x07c94", got)
	}
}

func BenchmarkEncode(b *testing.B) {
	text := []byte("https://lzfk.example.gov.cn/units/baihua-cgj/powers/990104-006-QZ-001-05/poster/")
	for b.Loop() {
		if _, err := encode(text, LevelM); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGoQRCode(b *testing.B) {
	text := "https://lzfk.example.gov.cn/units/baihua-cgj/powers/990104-006-QZ-001-05/poster/"
	for b.Loop() {
		q, err := goqr.New(text, goqr.Medium)
		if err != nil {
			b.Fatal(err)
		}
		q.DisableBorder = true
		q.Bitmap()
	}
}

func BenchmarkSVG(b *testing.B) {
	text := "https://lzfk.example.gov.cn/units/baihua-cgj/powers/990104-006-QZ-001-05/poster/"
	for b.Loop() {
		if _, err := SVG(text, Options{Size: "40mm", Label: "二维码:" + text}); err != nil {
			b.Fatal(err)
		}
	}
}
