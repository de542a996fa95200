// Package serve serves a built site over HTTP for previewing: the output
// directory under the site's base path, with the site's 404 page for
// missing files. It reads only what package site wrote and never imports
// it; package cli connects the two.
package serve

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves the directory root at basePath ("/" or "/lzfk/"). Requests
// outside basePath are redirected to it; missing files get root/404.html
// with status 404.
func Handler(root, basePath string) http.Handler {
	if !strings.HasPrefix(basePath, "/") {
		basePath = "/" + basePath
	}
	if !strings.HasSuffix(basePath, "/") {
		basePath += "/"
	}
	files := http.FileServer(http.Dir(root))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, basePath) {
			if r.URL.Path == "/" || r.URL.Path+"/" == basePath {
				http.Redirect(w, r, basePath, http.StatusFound)
				return
			}
			notFound(w, root)
			return
		}
		rel := strings.TrimPrefix(r.URL.Path, basePath)
		clean := path.Clean("/" + rel)
		p := filepath.Join(root, filepath.FromSlash(clean))
		st, err := os.Stat(p)
		if err != nil || (st.IsDir() && !exists(filepath.Join(p, "index.html"))) {
			notFound(w, root)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		r2 := r.Clone(r.Context())
		r2.URL.Path = clean
		if strings.HasSuffix(rel, "/") && clean != "/" {
			r2.URL.Path += "/"
		}
		files.ServeHTTP(w, r2)
	})
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func notFound(w http.ResponseWriter, root string) {
	b, err := os.ReadFile(filepath.Join(root, "404.html"))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if err != nil {
		w.Write([]byte("<!DOCTYPE html><title>404</title><p>页面未找到</p>"))
		return
	}
	w.Write(b)
}
