package search

import (
	"encoding/json"
	"math"
	"strconv"

	"sunlight/internal/jsonstr"
)

// encodeChunks encodes the result chunks from chunk c on into out, from
// ix.docs, as json.Marshal encodes [][]any{{ID, URL, Title, Body,
// FineMin, FineMax}, ...} (see doc.go), without its reflection and
// allocations: the chunks share one array (each capped at its end), and
// buf is scratch space, returned for reuse. TestRecordJSON compares the
// encodings.
func (ix *Index) encodeChunks(out [][]byte, c int, buf []byte) ([]byte, error) {
	cd := ix.opt.ChunkDocs
	buf = buf[:0]
	ends := make([]int, len(out))
	for j := range out {
		lo := (c + j) * cd
		buf = append(buf, '[')
		for i := lo; i < min(len(ix.docs), lo+cd); i++ {
			if i > lo {
				buf = append(buf, ',')
			}
			var err error
			if buf, err = appendRecord(buf, &ix.docs[i]); err != nil {
				return buf, err
			}
		}
		buf = append(buf, ']')
		ends[j] = len(buf)
	}
	all := make([]byte, len(buf))
	copy(all, buf)
	start := 0
	for j, end := range ends {
		out[j] = all[start:end:end]
		start = end
	}
	return buf, nil
}

// appendRecord appends the result record of d: [id, url ("" when equal to
// id), title, body, fineMin, fineMax (only if HasFine)].
func appendRecord(b []byte, d *Doc) ([]byte, error) {
	url := d.URL
	if url == d.ID {
		url = "" // the common case: the ID is the URL
	}
	b = append(b, '[')
	b = jsonstr.Append(b, d.ID)
	b = append(b, ',')
	b = jsonstr.Append(b, url)
	b = append(b, ',')
	b = jsonstr.Append(b, d.Title)
	b = append(b, ',')
	b = jsonstr.Append(b, d.Body)
	if d.HasFine {
		var err error
		b = append(b, ',')
		if b, err = appendJSONFloat(b, d.FineMin); err != nil {
			return b, err
		}
		b = append(b, ',')
		if b, err = appendJSONFloat(b, d.FineMax); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// appendJSONFloat appends f as json.Marshal encodes a float64, or returns
// its error for an infinity or NaN.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		_, err := json.Marshal(f)
		return b, err
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 is written e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}
