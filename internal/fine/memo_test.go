package fine

import (
	"reflect"
	"testing"
)

func TestMemoReturnsParseAndOwnCopies(t *testing.T) {
	var m Memo
	for _, text := range []string{"处五百元以上二千元以下的罚款", "没收违法所得,并处违法所得一倍以上三倍以下的罚款", "处罚款若干", ""} {
		want := Parse(text)
		first := m.Parse(text)
		if !reflect.DeepEqual(first, want) {
			t.Fatalf("Memo.Parse(%q) = %+v, want %+v", text, first, want)
		}
		for i := range first.Penalties { // callers fill bases and may change ranges
			first.Penalties[i].Base = "改过"
			if first.Penalties[i].Min != nil {
				*first.Penalties[i].Min = -1
			}
		}
		if again := m.Parse(text); !reflect.DeepEqual(again, want) {
			t.Fatalf("second Memo.Parse(%q) = %+v after the caller changed the first result, want %+v", text, again, want)
		}
	}
	var nilMemo *Memo
	if got := nilMemo.Parse("处一万元罚款"); !reflect.DeepEqual(got, Parse("处一万元罚款")) {
		t.Fatalf("nil memo = %+v", got)
	}
}

// TestPrefill: texts parsed ahead on all cores give what Parse gives, once
// each, and Parse then finds them in the memo.
func TestPrefill(t *testing.T) {
	texts := []string{"处一万元罚款", "处五千元以上二万元以下的罚款", "警告", "处一万元罚款", "", "没收违法所得,并处违法所得一倍以上三倍以下的罚款"}
	for range 50 { // more texts than cores, so that workers share them
		texts = append(texts, texts[len(texts)-6:]...)
	}
	var m Memo
	m.Prefill(texts)
	if len(m.results) != 5 {
		t.Errorf("the memo holds %d texts after Prefill, want the 5 distinct ones", len(m.results))
	}
	for _, text := range texts {
		if got, want := m.Parse(text), Parse(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Parse(%q) after Prefill = %+v, want %+v", text, got, want)
		}
	}
	if len(m.results) != 5 {
		t.Errorf("Parse after Prefill parsed again: %d texts in the memo", len(m.results))
	}
}
