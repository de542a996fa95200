package site_test

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAtomFeedIsValid parses feed.xml as Atom: required elements, RFC 3339
// dates from the content (not the build clock), absolute links.
func TestAtomFeedIsValid(t *testing.T) {
	content := writeTxtar(t, "small.txtar")
	out := filepath.Join(t.TempDir(), "public")
	build(t, content, out, "https://www.example.gov.cn/lzfk/")
	b, err := os.ReadFile(filepath.Join(out, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Links   []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Author struct {
				Name string `xml:"name"`
			} `xml:"author"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &feed); err != nil {
		t.Fatalf("feed.xml is not Atom: %v", err)
	}
	if feed.Title == "" || feed.ID == "" || len(feed.Entries) != 2 {
		t.Fatalf("feed = %+v", feed)
	}
	if _, err := time.Parse(time.RFC3339, feed.Updated); err != nil || feed.Updated != "2025-03-01T00:00:00Z" {
		t.Errorf("feed updated = %q (%v), want the newest content date", feed.Updated, err)
	}
	self := false
	for _, l := range feed.Links {
		self = self || l.Rel == "self" && l.Href == "https://www.example.gov.cn/lzfk/feed.xml"
	}
	if !self {
		t.Errorf("no self link: %+v", feed.Links)
	}
	ids := map[string]bool{}
	for _, e := range feed.Entries {
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry %q updated %q: %v", e.Title, e.Updated, err)
		}
		if !strings.HasPrefix(e.Link.Href, "https://www.example.gov.cn/lzfk/units/") || e.Author.Name == "" || ids[e.ID] {
			t.Errorf("bad entry %+v", e)
		}
		ids[e.ID] = true
	}
}
