// Command sunlight builds a county's integrity-risk transparency portal
// (廉政风险防控公开) from content files. Run `sunlight -h` for commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"sunlight/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
