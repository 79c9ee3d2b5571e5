package main

import (
	"fmt"
	"os"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/lockorder/lockorder/bench/internal/measure"
)

// plotScaling draws the median wall time and peak memory of the three
// tools against the number of packages, side by side, into a PNG file.
// Failed sizes are left out.
func plotScaling(path string, scaling []scalingResult) error {
	timePlot, memPlot := plot.New(), plot.New()
	timePlot.Title.Text = "Wall time (median)"
	timePlot.Y.Label.Text = "seconds"
	memPlot.Title.Text = "Peak resident memory (median)"
	memPlot.Y.Label.Text = "MiB"
	var timeLines, memLines []any
	for i, name := range toolNames {
		var tpts, mpts plotter.XYs
		for _, s := range scaling {
			if s.err != nil {
				continue
			}
			m := measure.Median(s.runs[i])
			x := float64(s.config.Packages)
			tpts = append(tpts, plotter.XY{X: x, Y: m.Wall.Seconds()})
			mpts = append(mpts, plotter.XY{X: x, Y: float64(m.MaxRSSKiB) / 1024})
		}
		timeLines = append(timeLines, name, tpts)
		memLines = append(memLines, name, mpts)
	}
	for _, pl := range []*plot.Plot{timePlot, memPlot} {
		pl.X.Label.Text = "packages in the synthetic module"
		pl.X.Min, pl.Y.Min = 0, 0
		pl.Legend.Top, pl.Legend.Left = true, true
		pl.Add(plotter.NewGrid())
	}
	if err := plotutil.AddLinePoints(timePlot, timeLines...); err != nil {
		return fmt.Errorf("plot: %v", err)
	}
	if err := plotutil.AddLinePoints(memPlot, memLines...); err != nil {
		return fmt.Errorf("plot: %v", err)
	}

	img := vgimg.New(12*vg.Inch, 4.5*vg.Inch)
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 1, Cols: 2, PadX: vg.Inch / 4, PadTop: vg.Inch / 8, PadBottom: vg.Inch / 8, PadLeft: vg.Inch / 8, PadRight: vg.Inch / 8}
	canvases := plot.Align([][]*plot.Plot{{timePlot, memPlot}}, tiles, dc)
	timePlot.Draw(canvases[0][0])
	memPlot.Draw(canvases[0][1])

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
