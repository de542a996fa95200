// Package model defines Sunlight's domain: the typed content of a county's
// integrity-risk transparency portal (廉政风险防控公开), as loaded from the
// content files and linked into one [Site].
//
// The types are concrete structs. Fields tagged `toml:"…"` are read from
// content files by package load (which documents every key for authors);
// fields without a tag are derived later by package link. Enumerations are
// kept as the Chinese words authors write; [NormalizeRiskLevel],
// [CategoryByName] and friends map aliases to canonical values.
//
// The package imports only the standard library and internal/diag.
package model
