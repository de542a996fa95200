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
