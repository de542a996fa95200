package gen

import "strings"

// rng is a small deterministic generator (SplitMix64). It is defined here,
// not taken from math/rand, so that the corpus for a seed never changes
// with the Go release.
type rng struct{ s uint64 }

// newRNG derives an independent stream from the seed and a list of keys
// (unit index, purpose …), so each unit can be generated on its own.
func newRNG(seed int64, keys ...uint64) *rng {
	r := &rng{s: uint64(seed) ^ 0x5851f42d4c957f2d}
	for _, k := range keys {
		r.s ^= k * 0x9e3779b97f4a7c15
		r.next()
	}
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); n must be positive.
func (r *rng) intn(n int) int {
	if n <= 1 {
		return 0
	}
	// Lemire's multiply-shift; the tiny bias is irrelevant here.
	hi, _ := mul64(r.next(), uint64(n))
	return int(hi)
}

func mul64(a, b uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	a0, a1 := a&mask32, a>>32
	b0, b1 := b&mask32, b>>32
	w0 := a0 * b0
	t := a1*b0 + w0>>32
	w1 := t&mask32 + a0*b1
	hi = a1*b1 + t>>32 + w1>>32
	lo = a * b
	return
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with probability pct/100.
func (r *rng) chance(pct int) bool { return r.intn(100) < pct }

func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// pickN returns n distinct elements of xs (all of them if n ≥ len(xs)), in
// the order of xs.
func pickN[T any](r *rng, xs []T, n int) []T {
	if n >= len(xs) {
		return append([]T(nil), xs...)
	}
	idx := make([]bool, len(xs))
	for k := 0; k < n; {
		i := r.intn(len(xs))
		if !idx[i] {
			idx[i] = true
			k++
		}
	}
	out := make([]T, 0, n)
	for i, x := range xs {
		if idx[i] {
			out = append(out, x)
		}
	}
	return out
}

func shuffle[T any](r *rng, xs []T) {
	for i := len(xs) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		xs[i], xs[j] = xs[j], xs[i]
	}
}

// Chinese numerals in the style of statutes: 十一, 一百一十九, 二千, 一万五千.

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// cn writes a non-negative integer below 10^12 in Chinese numerals.
func cn(n int) string {
	if n == 0 {
		return "零"
	}
	var b strings.Builder
	yi, wan, rest := n/100000000, n/10000%10000, n%10000
	lead := true
	if yi > 0 {
		b.WriteString(cn4(yi, true))
		b.WriteString("亿")
		lead = false
	}
	if wan > 0 {
		if !lead && wan < 1000 {
			b.WriteString("零")
		}
		b.WriteString(cn4(wan, lead))
		b.WriteString("万")
		lead = false
	} else if !lead && rest > 0 {
		b.WriteString("零")
		lead = true // a zero was written; avoid a second one
		b.WriteString(cn4(rest, false))
		return b.String()
	}
	if rest > 0 {
		if !lead && rest < 1000 {
			b.WriteString("零")
		}
		b.WriteString(cn4(rest, lead))
	}
	return b.String()
}

// cn4 writes 1..9999; lead drops the 一 of a leading 一十 (十五, not 一十五).
func cn4(n int, lead bool) string {
	units := []string{"千", "百", "十", ""}
	digits := []int{n / 1000, n / 100 % 10, n / 10 % 10, n % 10}
	var b strings.Builder
	started, zero := false, false
	for i, d := range digits {
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(lead && !started && i == 2 && d == 1) {
			b.WriteString(cnDigits[d])
		}
		b.WriteString(units[i])
		started = true
	}
	return b.String()
}

// articleNo writes 第…条 for an article number.
func articleNo(n int) string { return "第" + cn(n) + "条" }
