package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Live serves a built site for preview and pushes reload and error events
// to open pages over Server-Sent Events. Only pages served by Live get the
// small reload script; the files on disk (the build output) never do.
//
// Endpoints, under the base path:
//
//	_sunlight/events   the event stream: "reload" {"pages": [...]} when
//	                   pages were rebuilt, "problem" {"text": "..."} when the
//	                   content has errors (the page shows an overlay with the
//	                   same diagnostics as the terminal), "ok" when fixed
//	_sunlight/live.js  the script injected before </body>
type Live struct {
	root, base string
	files      http.Handler

	mu      sync.Mutex
	clients map[chan event]bool
	problem string // current diagnostics, shown to new pages too
}

type event struct{ name, data string }

// NewLive serves root at basePath.
func NewLive(root, basePath string) *Live {
	basePath = normalizeBase(basePath)
	return &Live{root: root, base: basePath, files: Handler(root, basePath), clients: map[chan event]bool{}}
}

func normalizeBase(b string) string {
	if !strings.HasPrefix(b, "/") {
		b = "/" + b
	}
	if !strings.HasSuffix(b, "/") {
		b += "/"
	}
	return b
}

// ServeHTTP implements http.Handler.
func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case l.base + "_sunlight/events":
		l.events(w, r)
		return
	case l.base + "_sunlight/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		fmt.Fprintf(w, liveJS, l.base)
		return
	}
	rec := &recorder{header: http.Header{}}
	l.files.ServeHTTP(rec, r)
	body := rec.body.Bytes()
	if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		tag := []byte(`<script src="` + l.base + `_sunlight/live.js"></script>`)
		if i := bytes.LastIndex(body, []byte("</body>")); i >= 0 {
			body = append(body[:i:i], append(tag, body[i:]...)...)
		} else {
			body = append(body, tag...)
		}
		rec.header.Del("Content-Length")
	}
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	w.WriteHeader(rec.status)
	w.Write(body)
}

// recorder buffers a response so HTML can be rewritten.
type recorder struct {
	header http.Header
	body   bytes.Buffer
	status int
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(s int)           { r.status = s }

func (l *Live) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	ch := make(chan event, 8)
	l.mu.Lock()
	l.clients[ch] = true
	problem := l.problem
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		delete(l.clients, ch)
		l.mu.Unlock()
	}()
	fmt.Fprint(w, "retry: 1000\n\n")
	if problem != "" {
		writeEvent(w, event{"problem", problemJSON(problem)})
	}
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-ch:
			writeEvent(w, ev)
			fl.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, ev event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
}

func problemJSON(text string) string {
	b, _ := json.Marshal(map[string]string{"text": text})
	return string(b)
}

func (l *Live) broadcast(ev event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for ch := range l.clients {
		select {
		case ch <- ev:
		default: // a stuck client misses an event rather than blocking rebuilds
		}
	}
}

// Reload tells open pages that output files were rebuilt (paths relative
// to the output root, e.g. "units/x/index.html"); a page reloads when its
// own file is among them. It also clears a shown problem.
func (l *Live) Reload(files []string) {
	l.mu.Lock()
	hadProblem := l.problem != ""
	l.problem = ""
	l.mu.Unlock()
	if hadProblem {
		l.broadcast(event{"ok", "{}"})
	}
	pages := []string{}
	for _, f := range files {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		u := l.base + strings.TrimSuffix(f, "index.html")
		pages = append(pages, u)
	}
	b, _ := json.Marshal(map[string][]string{"pages": pages})
	l.broadcast(event{"reload", string(b)})
}

// Problem shows diagnostics on every open page until the next Reload.
func (l *Live) Problem(text string) {
	l.mu.Lock()
	l.problem = text
	l.mu.Unlock()
	l.broadcast(event{"problem", problemJSON(text)})
}

// Exists reports whether the output has a file (for tests and tools).
func (l *Live) Exists(rel string) bool {
	_, err := os.Stat(filepath.Join(l.root, filepath.FromSlash(rel)))
	return err == nil
}

// liveJS is the reload client; %s is the base path.
const liveJS = `(function () {
  var base = %q, box = null;
  function show(text) {
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:99999;background:rgba(20,0,0,.92);color:#fff;padding:2rem;overflow:auto;font:16px/1.6 ui-monospace,monospace";
      var h = document.createElement("p");
      h.textContent = "内容有错误,以下是最后一次正确的版本。请按提示修改文件:";
      h.style.cssText = "font-weight:700;margin:0 0 1rem";
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0";
      box.appendChild(h);
      box.appendChild(pre);
      document.body.appendChild(box);
    }
    box.lastChild.textContent = text;
  }
  function hide() { if (box) { box.remove(); box = null; } }
  var es = new EventSource(base + "_sunlight/events");
  es.addEventListener("problem", function (e) { show(JSON.parse(e.data).text); });
  es.addEventListener("ok", hide);
  es.addEventListener("reload", function (e) {
    var pages = JSON.parse(e.data).pages, here = decodeURI(location.pathname);
    if (pages.indexOf(here) >= 0 || pages.indexOf(location.pathname) >= 0) { location.reload(); }
  });
})();
`
