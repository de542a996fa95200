package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sunlight/internal/site"
)

func TestSymlinkOutOfContentIsRefused(t *testing.T) {
	content := writeTxtar(t, "small.txtar")
	secret := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(secret, []byte("+++\ntitle = \"secret\"\n+++\nroot:x:0:0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(content, "pages", "leak.md")); err != nil {
		t.Skip("symlinks not supported here:", err)
	}
	res, diags, err := site.Build(context.Background(), site.Options{Content: os.DirFS(content), Out: filepath.Join(t.TempDir(), "out")})
	if err != nil {
		t.Fatal(err)
	}
	if res != nil || !strings.Contains(diags.Error(), "pages/leak.md:1:1: error: 不允许使用符号链接") {
		t.Fatalf("symlink accepted; diagnostics:\n%v", diags)
	}
}

func TestHugeFileIsRefused(t *testing.T) {
	content := writeTxtar(t, "small.txtar")
	big := "+++\ntitle = \"大\"\n+++\n" + strings.Repeat("很长的正文。\n", 300000)
	if err := os.WriteFile(filepath.Join(content, "pages", "big.md"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	res, diags, err := site.Build(context.Background(), site.Options{Content: os.DirFS(content), Out: filepath.Join(t.TempDir(), "out")})
	if err != nil {
		t.Fatal(err)
	}
	if res != nil || !strings.Contains(diags.Error(), "pages/big.md:1:1: error: 文件过大") {
		t.Fatalf("huge file accepted; diagnostics:\n%v", diags)
	}
}
