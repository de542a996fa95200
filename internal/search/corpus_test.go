package search

import (
	"math/rand/v2"
	"strings"
)

// analyzerAlphabet holds the pieces analyzerStrings draws from: CJK text,
// Latin, digits, full-width forms, punctuation, circled numbers, percent
// signs, and the characters that make word boundaries subtle.
var analyzerAlphabet = [][]string{
	strings.Split("行政处罚许可食品经营镇罚款第三十四条民政局风险点防控措施裁量基准一二三元以上下的单位流程受理审查决定送达县乡村人民政府中华共和国法规条例々〇", ""),
	strings.Split("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", ""),
	strings.Split("0123456789", ""),
	strings.Split("０１２３４５６７８９ＡＢＣａｂｃ％＃＆（）［］，。、；：？！“”‘’《》〔〕【】—…·", ""),
	strings.Split(" \t\n\r.,;:'\"_-/%#&()[]{}<>@!?+*=~^|\\$", ""),
	strings.Split("①②③⑩⑳㈠㊀ⅠⅡⅢⅫ½¼㎡℃№", ""),
	strings.Split("αβγΣσςΑΒΓабвАБВİıⱥȺȾßẞǅéèêëàñ", ""),
	strings.Split("ひらがなカタカナーｶﾀｶﾅﾞ한국어", ""),
	{"\u0301", "\u0308", "\u200d", "\u200b", "\u00ad", "\ufe0f", "\u3000", "\u00a0", "\u2028", "\U0001F600", "\U00020000", "\U0002A6D6", "\U0001F1E8\U0001F1F3", "\u302e", "\u3099"},
	{"GB 2763-2021", "XK-00012", "3.14", "1,000", "30%", "20％", "第34条", "（二）", "A股", "U盘", "e-mail", "don't", "C++", "v1.2.3", "10:30", "１２:００", "jb@example.gov.cn", "0571-12345678", "2024年", "2.5万元"},
}

// analyzerStrings returns n deterministic strings for comparing the Go
// and JavaScript analysers.
func analyzerStrings(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 7))
	weights := []int{30, 10, 10, 10, 10, 5, 5, 5, 5, 10}
	total := 0
	for _, w := range weights {
		total += w
	}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := 1 + rng.IntN(24); k > 0; k-- {
			x := rng.IntN(total)
			g := 0
			for x >= weights[g] {
				x -= weights[g]
				g++
			}
			b.WriteString(analyzerAlphabet[g][rng.IntN(len(analyzerAlphabet[g]))])
		}
		out[i] = b.String()
	}
	return out
}
