package model

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day as written in content (a TOML local date such as
// 2025-03-01, or the same as a string). Decoding never fails: a value that is
// not a valid date keeps its Raw text and Valid() is false, so the loader
// can report it with its position along with every other problem.
type Date struct {
	Time time.Time // midnight UTC of the day; zero when unset or invalid
	Raw  string    // the text written, when it was not a valid date
}

// UnmarshalTOML implements the BurntSushi/toml Unmarshaler interface.
func (d *Date) UnmarshalTOML(v any) error {
	switch t := v.(type) {
	case time.Time:
		d.Time = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	case string:
		p, err := ParseDate(t)
		if err != nil {
			d.Raw = t
			if d.Raw == "" {
				d.Raw = `""`
			}
			return nil
		}
		*d = p
	default:
		d.Raw = fmt.Sprint(v)
	}
	return nil
}

// ParseDate reads 2025-03-01, 2025/03/01 or 2025年3月1日.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "2006/01/02", "2006/1/2", "2006-1-2", "2006年1月2日"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Date{Time: t}, nil
		}
	}
	return Date{}, fmt.Errorf("invalid date %q", s)
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Time.IsZero() && d.Raw == "" }

// Valid reports whether a date was given and is a real calendar day.
func (d Date) Valid() bool { return !d.Time.IsZero() }

// String formats the date as 2006-01-02, or "" when unset.
func (d Date) String() string {
	if d.Time.IsZero() {
		return d.Raw
	}
	return d.Time.Format("2006-01-02")
}

// Chinese formats the date as 2025年3月1日.
func (d Date) Chinese() string {
	if d.Time.IsZero() {
		return ""
	}
	return d.Time.Format("2006年1月2日")
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Time.Before(e.Time) }

// Year returns the year, or 0 when unset.
func (d Date) Year() int {
	if d.Time.IsZero() {
		return 0
	}
	return d.Time.Year()
}

// Later returns the later of two dates.
func Later(a, b Date) Date {
	if b.Time.After(a.Time) {
		return b
	}
	return a
}
