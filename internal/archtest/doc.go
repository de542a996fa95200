// Package archtest holds the architecture tests: the import policy of the
// internal packages (see deps_test.go). It has no non-test code.
package archtest
