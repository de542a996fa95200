package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"sunlight/internal/gen"
)

func main() {
	units := flag.Int("units", 0, "")
	items := flag.Int("items", 1000, "")
	seed := flag.Int64("seed", 1, "")
	out := flag.String("out", "", "")
	hugo := flag.Bool("hugo", false, "")
	flag.Parse()
	start := time.Now()
	opt := gen.Options{Units: *units, Items: *items, Seed: *seed}
	var err error
	if *hugo {
		err = gen.GenerateHugo(opt, gen.DirWriter(*out))
	} else {
		err = gen.Generate(opt, gen.DirWriter(*out))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "generated in", time.Since(start))
}
