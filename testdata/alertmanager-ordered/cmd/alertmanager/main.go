// Command alertmanager wires the model together the way cmd/alertmanager/main.go // want package:`lock graph, 0 cycles`
// (run) does in Alertmanager v0.27.0: a marker, the mem alert provider and a
// dispatcher subscribed to it.
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/prometheus/alertmanager/dispatch"
	"github.com/prometheus/alertmanager/provider/mem"
	"github.com/prometheus/alertmanager/types"
)

func main() {
	os.Exit(run())
}

func run() int {
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))

	marker := types.NewMarker()

	alertGCInterval := 30 * time.Minute
	alerts, err := mem.NewAlerts(context.Background(), marker, alertGCInterval, nil, logger)
	if err != nil {
		logger.Error("error creating alerts provider", "err", err)
		return 1
	}
	defer alerts.Close()

	var disp *dispatch.Dispatcher
	defer func() {
		disp.Stop()
	}()

	timeoutFunc := func(d time.Duration) time.Duration {
		if d < time.Minute {
			d = time.Minute
		}
		return d
	}

	// In the real code this happens in the config coordinator's subscriber
	// on every (re)load of the configuration.
	disp = dispatch.NewDispatcher(alerts, marker, timeoutFunc, logger)
	go disp.Run()

	// Stand-in for the API receiving an alert.
	now := time.Now()
	if err := alerts.Put(&types.Alert{
		Labels:    types.LabelSet{"alertname": "Example"},
		StartsAt:  now,
		EndsAt:    now.Add(5 * time.Minute),
		UpdatedAt: now,
	}); err != nil {
		logger.Error("error putting alert", "err", err)
	}

	term := make(chan os.Signal, 1)
	signal.Notify(term, os.Interrupt, syscall.SIGTERM)
	<-term
	logger.Info("Received SIGTERM, exiting gracefully...")
	return 0
}
