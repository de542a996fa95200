package pii

// Match is a finding with the normalised value allow-lists compare.
type Match struct {
	Finding
	Value string
}

// ScanMatches scans text as [Scanner.ScanAllow] does, with the units
// appendSignificant keeps, or, if all, as the scan did before it learned
// to skip: with every unit of text, copying every digit.
func ScanMatches(text string, all bool) []Match {
	var u []unit
	if all {
		u = appendUnits(nil, text, 0, len(text))
	} else {
		u = appendSignificant(nil, text)
	}
	var s Scanner
	var out []Match
	for _, m := range s.scanUnits(text, u, !all) {
		out = append(out, Match{m.Finding, m.value})
	}
	return out
}
