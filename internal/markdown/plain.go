package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// renderPlain renders src into b when it is plain prose: blocks separated
// by one empty line, each a one-line paragraph, an ATX heading ("## 标题"),
// a tight bullet list of one-line items ("- 条目") or a table whose every
// line starts and ends with '|', with text that no inline rule of
// goldmark touches (no `*_~[]!<>&\|#` and no backquote, no control
// character, no space at either end of a line or cell) but for **strong**
// spans in a paragraph or list item. That is most of what units write (a
// paragraph, a table of the office's address and hours, a paragraph
// opening with "**法定处罚**："), and goldmark spends 20–35 µs parsing it.
// The output is goldmark's, byte for byte (FuzzPlainSame); anything else
// returns false with b untouched, and goldmark renders it.
func renderPlain(b *bytes.Buffer, src string, shift int) bool {
	// Empty lines before and after the text change nothing (a loaded
	// item's body starts with one for each line of its front matter).
	src = strings.Trim(src, "\n")
	if src == "" || !utf8.ValidString(src) {
		return false
	}
	start := b.Len()
	fail := func() bool { b.Truncate(start); return false }
	list := false // the block before was a list
	for block := range strings.SplitSeq(src, "\n\n") {
		prevList := list
		list = false
		switch {
		case block == "" || block[0] == '\n':
			return fail() // more than one empty line, or the document starts with one
		case block[0] == '|':
			if !plainTable(b, block) {
				return fail()
			}
		case block[0] == '#':
			level := 0
			for level < len(block) && block[level] == '#' {
				level++
			}
			text := block[level:]
			if level > 6 || len(text) < 2 || text[0] != ' ' || !plainText(text[1:]) {
				return fail()
			}
			tag := byte('0' + min(level+shift, 6))
			b.WriteString("<h")
			b.WriteByte(tag)
			b.WriteByte('>')
			writeEscaped(b, text[1:])
			b.WriteString("</h")
			b.WriteByte(tag)
			b.WriteString(">\n")
		case strings.HasPrefix(block, "- "):
			// Two lists with an empty line between are one loose list.
			if prevList || !plainList(b, block) {
				return fail()
			}
			list = true
		default:
			parts, ok := strongParts(block)
			if !ok || !plainLineStart(block) {
				return fail()
			}
			b.WriteString("<p>")
			writeStrong(b, parts)
			b.WriteString("</p>\n")
		}
	}
	return true
}

// plainTable renders a table of a header row, a delimiter row of dashes
// only (no alignment) and body rows, all with the same number of cells.
func plainTable(b *bytes.Buffer, block string) bool {
	lines := strings.Split(block, "\n")
	if len(lines) < 2 {
		return false
	}
	var cells [][]string
	for _, line := range lines {
		if len(line) < 2 || line[0] != '|' || line[len(line)-1] != '|' {
			return false
		}
		row := strings.Split(line[1:len(line)-1], "|")
		if len(cells) > 0 && len(row) != len(cells[0]) {
			return false
		}
		for i, c := range row {
			c = strings.TrimSuffix(strings.TrimPrefix(c, " "), " ")
			if len(cells) == 1 {
				if c == "" || strings.Trim(c, "-") != "" {
					return false
				}
			} else if c == "" || !plainText(c) {
				return false
			}
			row[i] = c
		}
		cells = append(cells, row)
	}
	b.WriteString("<table>\n<thead>\n<tr>\n")
	for _, c := range cells[0] {
		b.WriteString("<th>")
		writeEscaped(b, c)
		b.WriteString("</th>\n")
	}
	b.WriteString("</tr>\n</thead>\n")
	if len(cells) > 2 {
		b.WriteString("<tbody>\n")
		for _, row := range cells[2:] {
			b.WriteString("<tr>\n")
			for _, c := range row {
				b.WriteString("<td>")
				writeEscaped(b, c)
				b.WriteString("</td>\n")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table>\n")
	return true
}

// strongParts splits a line of plain text in which "**" may mark strong
// spans: at "**", into an odd number of parts, the odd ones strong, each
// a plain text beginning and ending with a letter or digit; the even ones
// may be empty only at the ends of the line (between two spans "****"
// would be one run of four). Then every "**" opens or closes as goldmark
// pairs them: a run of two asterisks with a letter on its inside is
// left-flanking where it opens and right-flanking where it closes, and
// 2 + 2 is no multiple of 3. It returns false for any other line.
func strongParts(line string) ([]string, bool) {
	parts := strings.Split(line, "**")
	if len(parts)%2 == 0 {
		return nil, false
	}
	for i, p := range parts {
		if i%2 == 1 {
			first, _ := utf8.DecodeRuneInString(p)
			last, _ := utf8.DecodeLastRuneInString(p)
			if !plainText(p) || !letterOrDigit(first) || !letterOrDigit(last) {
				return nil, false
			}
		} else if p == "" && i > 0 && i < len(parts)-1 {
			return nil, false // "****": one run of four asterisks
		} else if p != "" && !plainText(p) && !(len(parts) > 1 && plainInner(p, i > 0, i < len(parts)-1)) {
			return nil, false
		}
	}
	return parts, true
}

// writeStrong writes the parts of a line made by strongParts.
func writeStrong(b *bytes.Buffer, parts []string) {
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("<strong>")
			writeEscaped(b, p)
			b.WriteString("</strong>")
		} else {
			writeEscaped(b, p)
		}
	}
}

// plainList renders a tight bullet list: every line "- " and an item of
// one line that strongParts takes and that cannot start a block itself.
func plainList(b *bytes.Buffer, block string) bool {
	lines := strings.Split(block, "\n")
	items := make([][]string, len(lines))
	for i, line := range lines {
		item, ok := strings.CutPrefix(line, "- ")
		if !ok || item == "" || !plainLineStart(item) {
			return false
		}
		if items[i], ok = strongParts(item); !ok {
			return false
		}
	}
	b.WriteString("<ul>\n")
	for _, parts := range items {
		b.WriteString("<li>")
		writeStrong(b, parts)
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
	return true
}

// plainInner reports whether s, a part of a line beside strong spans, is
// plain text but for one space at an end that touches a span (afterStrong:
// its start; beforeStrong: its end). Between two spans it may be only
// spaces; at the end of the line, where goldmark drops them, it may not.
func plainInner(s string, afterStrong, beforeStrong bool) bool {
	t := s
	if afterStrong {
		t = strings.TrimPrefix(t, " ")
	}
	if beforeStrong {
		t = strings.TrimSuffix(t, " ")
	}
	if t == "" {
		return afterStrong && beforeStrong
	}
	return plainText(t)
}

func letterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// plainText reports whether s is one line that goldmark's inline parsers
// leave as it is, with no space at either end.
func plainText(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || strings.IndexByte("`*_~[]!<>&\\|#", c) >= 0 {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(first) && !unicode.IsSpace(last) && first != utf8.RuneError && last != utf8.RuneError
}

// plainLineStart reports whether a paragraph line cannot start another
// block: a list item ("-", "+", a number and "." or ")"), a thematic
// break or setext underline ("-", "=") or an indented code block.
func plainLineStart(s string) bool {
	switch s[0] {
	case '-', '+', '=', ' ', '\t':
		return false
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i == 0 || i == len(s) || (s[i] != '.' && s[i] != ')')
}

// writeEscaped writes text as goldmark does: only the double quote needs
// escaping in text plainText accepts.
func writeEscaped(b *bytes.Buffer, s string) {
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		b.WriteString("&quot;")
		s = s[i+1:]
	}
}
