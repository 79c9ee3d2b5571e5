// Package dispatch is trimmed from dispatch/dispatch.go in Alertmanager // want package:`lock graph, 0 cycles`
// v0.27.0. Routes, aggregation groups and the notification pipeline are
// reduced to a map of alerts per fingerprint.
package dispatch

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/alertmanager/provider"
	"github.com/prometheus/alertmanager/types"
)

// Dispatcher sorts incoming alerts into aggregation groups and
// assigns the correct notifiers to each.
type Dispatcher struct {
	alerts provider.Alerts
	marker types.Marker

	timeout func(time.Duration) time.Duration

	mtx           sync.RWMutex
	aggrGroups    map[types.Fingerprint]*types.Alert
	aggrGroupsNum int

	done   chan struct{}
	ctx    context.Context
	cancel func()

	logger *slog.Logger
}

// NewDispatcher returns a new Dispatcher.
func NewDispatcher( // want NewDispatcher:`stores param 2 in dispatch.Dispatcher.timeout`
	ap provider.Alerts,
	mk types.Marker,
	to func(time.Duration) time.Duration,
	l *slog.Logger,
) *Dispatcher {
	disp := &Dispatcher{
		alerts:  ap,
		marker:  mk,
		timeout: to,
		logger:  l.With("component", "dispatcher"),
	}
	return disp
}

// Run starts dispatching alerts incoming via the updates channel.
func (d *Dispatcher) Run() { // want Run:`acquires dispatch.Dispatcher.mtx; provides send on dispatch.Dispatcher.done`
	d.done = make(chan struct{})

	d.mtx.Lock()
	d.aggrGroups = map[types.Fingerprint]*types.Alert{}
	d.aggrGroupsNum = 0
	d.ctx, d.cancel = context.WithCancel(context.Background())
	d.mtx.Unlock()

	d.run(d.alerts.Subscribe())
	close(d.done)
}

func (d *Dispatcher) run(it provider.AlertIterator) { // want run:`acquires dispatch.Dispatcher.mtx`
	cleanup := time.NewTicker(30 * time.Second)
	defer cleanup.Stop()

	defer it.Close()

	for {
		select {
		case alert, ok := <-it.Next():
			if !ok {
				// Iterator exhausted for some reason.
				if err := it.Err(); err != nil {
					d.logger.Error("Error on alert update", "err", err)
				}
				return
			}

			d.logger.Debug("Received alert", "alert", alert.Fingerprint())

			// Log errors but keep trying.
			if err := it.Err(); err != nil {
				d.logger.Error("Error on alert update", "err", err)
				continue
			}

			d.processAlert(alert)

		case <-cleanup.C:
			d.mtx.Lock()
			for fp, alert := range d.aggrGroups {
				if alert.Resolved() {
					delete(d.aggrGroups, fp)
					d.aggrGroupsNum--
				}
			}
			d.mtx.Unlock()

		case <-d.ctx.Done():
			return
		}
	}
}

// Stop the dispatcher.
func (d *Dispatcher) Stop() { // want Stop:`waits for send on dispatch.Dispatcher.done; acquires dispatch.Dispatcher.mtx; provides receive on dispatch.Dispatcher.done; calls dispatch.Dispatcher.cancel`
	if d == nil {
		return
	}
	d.mtx.Lock()
	if d.cancel == nil {
		d.mtx.Unlock()
		return
	}
	d.cancel()
	d.cancel = nil
	d.mtx.Unlock()

	<-d.done
}

// processAlert determines in which aggregation group the alert falls
// and inserts it.
func (d *Dispatcher) processAlert(alert *types.Alert) { // want processAlert:`acquires dispatch.Dispatcher.mtx`
	fp := alert.Fingerprint()

	d.mtx.Lock()
	defer d.mtx.Unlock()

	if _, ok := d.aggrGroups[fp]; !ok {
		d.aggrGroupsNum++
	}
	d.aggrGroups[fp] = alert
}
