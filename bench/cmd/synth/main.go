// Command synth writes a synthetic Go module for lockorder's scaling
// benchmark (see package synth):
//
//	synth -n 40 -layers 5 -fanin 2 -classes 4 -cycles 0 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/lockorder/lockorder/bench/internal/synth"
)

func main() {
	var c synth.Config
	flag.IntVar(&c.Packages, "n", 40, "number of packages")
	flag.IntVar(&c.Layers, "layers", 5, "number of layers")
	flag.IntVar(&c.Fanin, "fanin", 2, "packages of the layer below that each package imports")
	flag.IntVar(&c.Classes, "classes", 4, "lock classes per package")
	flag.IntVar(&c.Cycles, "cycles", 0, "number of packages with a planted lock order cycle")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: synth [flags] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := synth.Generate(flag.Arg(0), c); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
