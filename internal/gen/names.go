package gen

import (
	"strconv"
	"strings"
)

// Place names are built from two syllables (e.g. 青 + 石 + 镇). Each
// syllable carries its pinyin, which makes the unit id (qingshi-zhen).

type syl struct{ Han, Pin string }

func syls(s string) []syl {
	var out []syl
	for _, f := range strings.Fields(s) {
		i := 0
		for i < len(f) && f[i] >= 0x80 {
			i++
		}
		// The Han character is the leading non-ASCII part.
		han := f[:i]
		out = append(out, syl{han, f[i:]})
	}
	return out
}

var (
	// first syllables of township and county names
	firstSyl = syls(`青qing 柳liu 石shi 白bai 黄huang 清qing 龙long 凤feng 金jin 银yin 桃tao 杏xing 松song 梅mei 花hua 云yun 马ma
		东dong 西xi 南nan 北bei 新xin 安an 平ping 长chang 永yong 太tai 双shuang 三san 大da 小xiao 高gao 上shang 下xia 古gu 红hong
		碧bi 翠cui 兴xing 和he 宁ning 丰feng 福fu 德de 仁ren 义yi 礼li 泰tai 瑞rui 祥xiang 宝bao 玉yu 鹤he 鹿lu 虎hu 柏bai 槐huai
		竹zhu 兰lan 荷he 桑sang 麻ma 茶cha 盐yan 铁tie 铜tong 沙sha 湖hu 江jiang 海hai 溪xi 泉quan 峰feng 岭ling 坪ping`)
	// second syllables of township names
	townSyl = syls(`石shi 河he 溪xi 山shan 岭ling 桥qiao 湾wan 坪ping 塘tang 沟gou 口kou 庄zhuang 集ji 店dian 铺pu 坝ba 林lin 田tian
		泉quan 峰feng 台tai 冈gang 滩tan 埠bu 寨zhai 堡bao 营ying 关guan 洲zhou 岗gang 陂bei 垭ya 渡du 亭ting 场chang 园yuan`)
	// second syllables of county names
	countySyl = syls(`川chuan 阳yang 源yuan 城cheng 江jiang 宁ning 安an 丰feng 平ping 化hua 水shui 山shan 陵ling 昌chang 乐le 兴xing`)
)

// nameGen hands out unique place names in a fixed pseudo-random order.
type nameGen struct {
	first, second []syl
	order         []int // permutation of the first×second combinations
	next          int
	used          map[string]bool
	round         int
}

func newNameGen(r *rng, first, second []syl) *nameGen {
	n := len(first) * len(second)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	shuffle(r, order)
	return &nameGen{first: first, second: second, order: order, used: map[string]bool{}}
}

// take returns a new name (Han, pinyin) that was not handed out before and
// is not in avoid. When every combination is used, names get a numeric
// suffix (青石二, qingshi2), as the brief allows.
func (g *nameGen) take() (string, string) {
	for {
		if g.next == len(g.order) {
			g.next = 0
			g.round++
		}
		k := g.order[g.next]
		g.next++
		a, b := g.first[k/len(g.second)], g.second[k%len(g.second)]
		if a.Han == b.Han {
			continue
		}
		han, pin := a.Han+b.Han, a.Pin+b.Pin
		if g.round > 0 {
			han += cn(g.round + 1)
			pin += itoa(g.round + 1)
		}
		if g.used[han] {
			continue
		}
		g.used[han] = true
		return han, pin
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func pad(n, width int) string {
	s := itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
