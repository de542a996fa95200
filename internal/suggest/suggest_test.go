package suggest

import "testing"

func TestClosest(t *testing.T) {
	tests := []struct {
		s    string
		c    []string
		want string
	}{
		{"nmae", []string{"name", "code"}, "name"},
		{"shencah", []string{"shenqing", "shencha", "jueding"}, "shencha"},
		{"行政处法", []string{"行政许可", "行政处罚"}, "行政处罚"},
		{"zzzzzz", []string{"name", "code"}, ""},
		{"a", nil, ""},
	}
	for _, tc := range tests {
		if got := Closest(tc.s, tc.c); got != tc.want {
			t.Errorf("Closest(%q, %v) = %q, want %q", tc.s, tc.c, got, tc.want)
		}
	}
	if d := Distance("kitten", "sitting"); d != 3 {
		t.Errorf("Distance = %d, want 3", d)
	}
}
