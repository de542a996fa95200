// Package webtest holds the browser suite: the demo portal is built,
// served over HTTP on 127.0.0.1 and opened in headless Chromium, one page
// of every page type, to check what only a browser can: accessibility with
// axe-core (WCAG 2.1 A/AA plus the WCAG 2.2 target-size rule), the
// government-website elements, printing, page weight and use without
// JavaScript. It has no non-test code.
package webtest
