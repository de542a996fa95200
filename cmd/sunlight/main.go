// Command sunlight builds a county's integrity-risk transparency portal
// (廉政风险防控公开) from content files. Run `sunlight -h` for commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"sunlight/internal/cli"
)

// defaultMemoryLimit is the Go runtime's soft heap limit unless GOMEMLIMIT
// is set. Near it the collector runs more often instead of letting the
// heap double, so a province-sized build (100,000 items) stays under 2 GB;
// a county's site never comes near it. GOMEMLIMIT=off lifts it.
const defaultMemoryLimit = 1536 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
