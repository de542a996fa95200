// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file of the Go distribution.

package tmplexec

// The escaping functions that html/template inserts into the templates it
// escapes, as in its content.go, html.go and url.go (Go 1.26). Only the
// ones a template needs in HTML text, quoted attributes, RCDATA and URLs
// are here; a template that uses another one (JavaScript, CSS, srcset, …)
// is not compiled and runs in html/template.

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// escaper is one escaping function of html/template.
type escaper struct {
	// plain escapes a plain string: what every string value gets.
	plain func(s string) string
	// typed escapes the function's arguments like html/template does,
	// honouring typed content (template.HTML, template.URL, …); false when
	// html/template would do something this package does not (stripping
	// tags from HTML put into an attribute).
	typed func(args []any) (string, bool)
}

// escaperNamed returns the escaper html/template calls name in an escaped
// template.
func escaperNamed(name string) (escaper, bool) {
	switch name {
	case "_html_template_htmlescaper":
		return escaper{htmlEscape, func(args []any) (string, bool) {
			s, t := stringify(args)
			if t == contentHTML {
				return s, true
			}
			return htmlEscape(s), true
		}}, true
	case "_html_template_attrescaper":
		return escaper{htmlEscape, func(args []any) (string, bool) {
			s, t := stringify(args)
			if t == contentHTML {
				return "", false // html/template strips the tags first
			}
			return htmlEscape(s), true
		}}, true
	case "_html_template_rcdataescaper":
		return escaper{htmlEscape, func(args []any) (string, bool) {
			s, t := stringify(args)
			if t == contentHTML {
				return htmlNormalize(s), true
			}
			return htmlEscape(s), true
		}}, true
	case "_html_template_urlfilter":
		return escaper{urlFilter, func(args []any) (string, bool) {
			s, t := stringify(args)
			if t == contentURL {
				return s, true
			}
			return urlFilter(s), true
		}}, true
	case "_html_template_urlnormalizer":
		return escaper{func(s string) string { return urlProcess(s, true) }, func(args []any) (string, bool) {
			s, _ := stringify(args) // typed URLs are normalized too
			return urlProcess(s, true), true
		}}, true
	case "_html_template_urlescaper":
		return escaper{func(s string) string { return urlProcess(s, false) }, func(args []any) (string, bool) {
			s, t := stringify(args)
			return urlProcess(s, t == contentURL), true
		}}, true
	}
	return escaper{}, false
}

// content is the kind of typed content a value carries.
type content int

const (
	contentPlain content = iota
	contentHTML
	contentURL
	contentOther // CSS, JS, attributes, srcset: escaped as html/template does for plain text here
)

// stringify is html/template's stringify: one typed-content argument as
// it is, anything else printed with fmt.Sprint.
func stringify(args []any) (string, content) {
	if len(args) == 1 {
		switch s := indirectAny(args[0]).(type) {
		case string:
			return s, contentPlain
		case template.HTML:
			return string(s), contentHTML
		case template.URL:
			return string(s), contentURL
		case template.CSS:
			return string(s), contentOther
		case template.HTMLAttr:
			return string(s), contentOther
		case template.JS:
			return string(s), contentOther
		case template.JSStr:
			return string(s), contentOther
		case template.Srcset:
			return string(s), contentOther
		}
	}
	i := 0
	for _, arg := range args {
		// html/template skips untyped nil arguments (Go issue 25875).
		if arg == nil {
			continue
		}
		args[i] = indirectToStringerOrError(arg)
		i++
	}
	return fmt.Sprint(args[:i]...), contentPlain
}

// indirectAny returns the value after dereferencing as many times as
// necessary to reach the base type (or nil).
func indirectAny(a any) any {
	if a == nil {
		return nil
	}
	if t := reflect.TypeOf(a); t.Kind() != reflect.Pointer {
		return a
	}
	v := reflect.ValueOf(a)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// indirectToStringerOrError dereferences a until it reaches a
// fmt.Stringer, an error, or a value that is not a pointer.
func indirectToStringerOrError(a any) any {
	if a == nil {
		return nil
	}
	v := reflect.ValueOf(a)
	for !v.Type().Implements(fmtStringerType) && !v.Type().Implements(errorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// htmlEscape is htmlReplacer(s, htmlReplacementTable, true): the runes it
// replaces are all ASCII, and in UTF-8 an ASCII byte is always that rune,
// so a byte scan finds the same ones.
func htmlEscape(s string) string { return htmlReplace(s, false) }

// htmlNormalize is htmlReplacer(s, htmlNormReplacementTable, true): like
// htmlEscape but leaves '&' alone, so existing entities stay.
func htmlNormalize(s string) string { return htmlReplace(s, true) }

// shortText is the length up to which htmlReplace looks for the bytes it
// replaces in one pass (htmlFirst) rather than in seven IndexByte calls:
// most values in a page (names, codes, steps, dates) are shorter.
const shortText = 96

// htmlSpecial tells the bytes htmlReplace replaces.
var htmlSpecial = [256]bool{'<': true, '>': true, '"': true, '\'': true, '+': true, 0: true, '&': true}

// htmlFirst returns the index of the first byte of s that htmlReplace
// replaces ('&' only unless norm), or len(s). Every such byte is below
// 0x40, and Chinese text is all bytes of 0x80 and above: eight bytes at a
// time are let through when none of them is below 0x40 (the "has less"
// test of Bit Twiddling Hacks, exact for whether any byte is), and only
// the words that have one are looked at byte by byte.
func htmlFirst(s string, norm bool) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if (x-0x40*ones)&^x&highs == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if htmlSpecial[s[j]] && !(norm && s[j] == '&') {
				return j
			}
		}
	}
	for ; i < len(s); i++ {
		if htmlSpecial[s[i]] && !(norm && s[i] == '&') {
			return i
		}
	}
	return len(s)
}

func htmlReplace(s string, norm bool) string {
	// Most text has nothing to replace. A short text is looked through
	// once (htmlFirst); a long one for each byte with strings.IndexByte
	// (vectorised), narrowing to the first found. From the first byte to
	// replace on, it goes byte by byte.
	first := len(s)
	if len(s) <= shortText {
		first = htmlFirst(s, norm)
	} else {
		for _, c := range []byte{'<', '>', '"', '\'', '+', 0, '&'} {
			if c == '&' && norm {
				continue
			}
			if i := strings.IndexByte(s[:first], c); i >= 0 {
				first = i
			}
		}
	}
	if first == len(s) {
		return s
	}
	var b strings.Builder
	written := 0
	for i := first; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			if norm {
				continue
			}
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// urlFilter replaces a URL whose scheme is not http, https or mailto.
func urlFilter(s string) string {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return s
}

// urlProcess normalizes (norm) or escapes s as html/template's
// urlProcessor does.
func urlProcess(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		// As fmt's "%%%02x": through fmt the builder would escape to the
		// heap, at every call, even when nothing is written.
		b.WriteByte('%')
		b.WriteByte(lowerHex[c>>4])
		b.WriteByte(lowerHex[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

const lowerHex = "0123456789abcdef"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
