package uax29

import (
	"fmt"
	"strings"
)

// digits used by the run encoding: a number is written base 45, least
// significant digit first; digits from lowDigits continue the number and
// digits from highDigits end it. Neither set needs escaping in a JS string.
const (
	lowDigits  = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHI"
	highDigits = "JKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}"
)

func encodeNum(b *strings.Builder, v int) {
	for v >= 45 {
		b.WriteByte(lowDigits[v%45])
		v /= 45
	}
	b.WriteByte(highDigits[v])
}

// JS returns the tables as JavaScript variable declarations:
//
//	U_NS   number of symbols
//	U_RUNS runs, each the number (gap*U_NS + symbol), where gap is the
//	       distance from the previous run's first code point
//	U_DFA  one character per (state, symbol): '0'+(next state+1)
//	U_ACC  one character per state: '0'+(accepted type+1)
func (t *Tables) JS() string {
	var runs, dfa, acc strings.Builder
	prev := rune(0)
	for _, r := range t.Runs {
		encodeNum(&runs, int(r.First-prev)*len(t.Symbols)+r.Symbol)
		prev = r.First
	}
	for _, d := range t.Trans {
		dfa.WriteByte(byte('0' + d + 1))
	}
	for _, a := range t.Accept {
		acc.WriteByte(byte('0' + a + 1))
	}
	return fmt.Sprintf("var U_NS=%d,\nU_RUNS=\"%s\",\nU_DFA=\"%s\",\nU_ACC=\"%s\";\n",
		len(t.Symbols), runs.String(), dfa.String(), acc.String())
}
