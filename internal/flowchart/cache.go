package flowchart

import (
	"sync"
	"sync/atomic"
)

// Cache lays out and renders each distinct flow once, however many power
// items use it. Flows are keyed by [Flow.Hash] (their content, not their
// ID), renders by the hash and the options. It is safe for concurrent use;
// callers asking for the same flow at the same time wait for one
// computation. The zero value is ready to use. Results are shared: callers
// must not modify the returned Diagram or bytes.
type Cache struct {
	mu      sync.Mutex
	layouts map[string]*cacheEntry
	renders map[renderKey]*cacheEntry
	hits    atomic.Int64
	misses  atomic.Int64
}

type renderKey struct {
	hash string
	opt  RenderOptions
}

type cacheEntry struct {
	once sync.Once
	d    *Diagram
	svg  []byte
	err  error
}

// CacheStats counts what a Cache did.
type CacheStats struct {
	Layouts int   // distinct flows laid out
	Renders int   // distinct (flow, options) rendered
	Hits    int64 // Render or Layout calls answered from the cache
	Misses  int64 // calls that computed
}

// Stats returns the cache's counters.
func (c *Cache) Stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Layouts: len(c.layouts), Renders: len(c.renders), Hits: c.hits.Load(), Misses: c.misses.Load()}
}

func (c *Cache) layoutEntry(f Flow, hash string) *cacheEntry {
	c.mu.Lock()
	if c.layouts == nil {
		c.layouts = map[string]*cacheEntry{}
	}
	e, ok := c.layouts[hash]
	if !ok {
		e = &cacheEntry{}
		c.layouts[hash] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.d, e.err = Layout(f) })
	return e
}

// Layout is [Layout], computed once per distinct flow.
func (c *Cache) Layout(f Flow) (*Diagram, error) {
	hash := f.Hash()
	c.mu.Lock()
	_, seen := c.layouts[hash]
	c.mu.Unlock()
	if seen {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	e := c.layoutEntry(f, hash)
	return e.d, e.err
}

// Render is [Render], computed once per distinct flow and options.
func (c *Cache) Render(f Flow, opt RenderOptions) ([]byte, error) {
	hash := f.Hash()
	if opt.IDPrefix == "" {
		opt.IDPrefix = "fc-" + hash[:8]
	}
	k := renderKey{hash, opt}
	c.mu.Lock()
	if c.renders == nil {
		c.renders = map[renderKey]*cacheEntry{}
	}
	e, ok := c.renders[k]
	if !ok {
		e = &cacheEntry{}
		c.renders[k] = e
	}
	c.mu.Unlock()
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	e.once.Do(func() {
		le := c.layoutEntry(f, hash)
		if le.err != nil {
			e.err = le.err
			return
		}
		e.svg = renderDiagram(f, le.d, opt)
	})
	return e.svg, e.err
}
