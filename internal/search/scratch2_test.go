package search

import (
	"encoding/json"
	"os"
	"testing"
)

func TestScratchDumpAnalyze(t *testing.T) {
	out := os.Getenv("DUMP")
	if out == "" {
		t.Skip()
	}
	strs := analyzerStrings(20000, 7)
	type tok struct {
		Term     string `json:"term"`
		Position int    `json:"position"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		Type     string `json:"type"`
	}
	type c struct {
		Text   string `json:"text"`
		Tokens []tok  `json:"tokens"`
	}
	var cs []c
	for _, s := range strs {
		ts := []tok{}
		for _, x := range Analyze(s) {
			ts = append(ts, tok{x.Term, x.Position, x.Start, x.End, x.Type})
		}
		cs = append(cs, c{s, ts})
	}
	b, _ := json.Marshal(cs)
	os.WriteFile(out, b, 0o644)
}
