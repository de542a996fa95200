// Package themes embeds the themes shipped with Sunlight, so the binary
// needs no files beside it. See internal/theme for how a theme is laid out
// and how a site overrides it.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default returns the default theme's files (layouts/ and assets/).
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // unreachable: the directory is embedded at compile time
	}
	return sub
}
