// Package tomlfast decodes the TOML that content files are written in
// straight into Go structs, several times faster than
// github.com/BurntSushi/toml and with a fraction of its allocations, and
// hands every document it is not sure of back to that decoder.
//
// BurntSushi/toml lexes a document into a stream of items, parses them into
// maps of maps, and then matches every key against the destination's fields
// by reflection. Loading a portal of 10,000 items spent two thirds of its
// time there. A [Decoder] reads the text once and writes each value into its
// field as it goes, finding fields through a plan made once per Go type.
//
// # The contract
//
// [Decoder.Decode](src, v) either decodes src into *v exactly as
// toml.Decode(src, v) would — the same values, no error, and every key
// decoded (MetaData.Undecoded empty) — and returns true, or leaves *v zero
// and returns false. The caller then runs toml.Decode, which stays the
// reference: it decodes whatever this package does not and reports every
// error, with its message and position. So a document that is wrong in any
// way reads exactly as it did before this package existed.
//
// v must point to a zero struct (anything else is handed back at once).
//
// # What it decodes
//
//   - Bare keys ([A-Za-z0-9_-]) in key/value pairs, and dotted bare keys
//     without spaces in table headers: [a], [a.b], [[a]], [[a.b]].
//   - Basic strings with the escapes \" \\ \n \t \r \b \f; multi-line basic
//     strings, with line-ending backslashes; literal and multi-line literal
//     strings.
//   - Decimal integers and floats (underscores between digits allowed),
//     true and false, local dates (2025-03-01).
//   - Arrays (over several lines, with comments and a trailing comma) and
//     one-line inline tables.
//   - Into string, bool, signed and unsigned integer and float kinds,
//     structs (matched by toml tag, else by field name, exactly), pointers
//     (allocated as needed), slices, and types whose pointer implements
//     toml.Unmarshaler (given the same string, int64, float64, bool,
//     time.Time, []any and map[string]any values BurntSushi gives them).
//
// # What it hands back
//
// Everything else: a key no field is named exactly (unknown keys, keys that
// only match case-insensitively), quoted and dotted keys in key/value
// pairs, whitespace inside headers, \u, \U, \x and \e escapes, hexadecimal,
// octal and binary integers, inf and nan, times and date-times, carriage
// returns anywhere, invalid UTF-8, control characters, inline tables over
// several lines or with a trailing comma; destinations that are maps,
// interfaces, fixed-size arrays, embedded structs, encoding.TextUnmarshaler
// types or time.Duration, structs with two fields whose names differ only in
// case; and any error at all — a duplicate key or table, a table defined
// twice, a value of the wrong type or out of range, an Unmarshaler that
// fails. Tests decode the demo content, the generated portals and fuzzed
// documents both ways and require either a hand-back or the same value.
package tomlfast
