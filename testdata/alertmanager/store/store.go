// Package store is modelled on store/store.go in Alertmanager v0.27.0. // want package:`lock graph, 0 cycles`
//
// The real Alerts embeds sync.Mutex; the model names the field mtx instead.
package store

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/prometheus/alertmanager/types"
)

// ErrNotFound is returned if a Store cannot find the Alert.
var ErrNotFound = errors.New("alert not found")

// Alerts provides lock-coordinated to an in-memory map of alerts, keyed by
// their fingerprint. Resolved alerts are removed from the map based on
// gcInterval. An optional callback can be set which receives a slice of all
// resolved alerts that have been removed.
type Alerts struct {
	mtx sync.Mutex
	c   map[types.Fingerprint]*types.Alert
	cb  func([]*types.Alert)
}

// NewAlerts returns a new Alerts struct.
func NewAlerts() *Alerts {
	a := &Alerts{
		c:  make(map[types.Fingerprint]*types.Alert),
		cb: func(_ []*types.Alert) {},
	}

	return a
}

// SetGCCallback sets a GC callback to be executed after each GC.
func (a *Alerts) SetGCCallback(cb func([]*types.Alert)) { // want SetGCCallback:`acquires store.Alerts.mtx; stores param 1 in store.Alerts.cb`
	a.mtx.Lock()
	defer a.mtx.Unlock()

	a.cb = cb
}

// Run starts the GC loop. The interval must be greater than zero; if not, the function will panic.
func (a *Alerts) Run(ctx context.Context, interval time.Duration) { // want Run:`acquires store.Alerts.mtx; calls store.Alerts.cb`
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			a.gc()
		}
	}
}

// gc deletes resolved alerts and hands them to the GC callback. As in
// v0.27.0, the callback runs while a.mtx is still held (deferred unlock).
func (a *Alerts) gc() { // want gc:`acquires store.Alerts.mtx; calls store.Alerts.cb`
	a.mtx.Lock()
	defer a.mtx.Unlock()

	var resolved []*types.Alert
	for fp, alert := range a.c {
		if alert.Resolved() {
			delete(a.c, fp)
			resolved = append(resolved, alert)
		}
	}
	a.cb(resolved)
}

// Get returns the Alert with the matching fingerprint, or an error if it is
// not found.
func (a *Alerts) Get(fp types.Fingerprint) (*types.Alert, error) { // want Get:`acquires store.Alerts.mtx`
	a.mtx.Lock()
	defer a.mtx.Unlock()

	alert, prs := a.c[fp]
	if !prs {
		return nil, ErrNotFound
	}
	return alert, nil
}

// Set unconditionally sets the alert in memory.
func (a *Alerts) Set(alert *types.Alert) error { // want Set:`acquires store.Alerts.mtx`
	a.mtx.Lock()
	defer a.mtx.Unlock()

	a.c[alert.Fingerprint()] = alert
	return nil
}

// Delete removes the Alert with the matching fingerprint from the store.
func (a *Alerts) Delete(fp types.Fingerprint) error { // want Delete:`acquires store.Alerts.mtx`
	a.mtx.Lock()
	defer a.mtx.Unlock()

	delete(a.c, fp)
	return nil
}

// List returns a slice of Alerts currently held in memory.
func (a *Alerts) List() []*types.Alert { // want List:`acquires store.Alerts.mtx`
	a.mtx.Lock()
	defer a.mtx.Unlock()

	alerts := make([]*types.Alert, 0, len(a.c))
	for _, alert := range a.c {
		alerts = append(alerts, alert)
	}

	return alerts
}

// Empty returns true if the store is empty.
func (a *Alerts) Empty() bool { // want Empty:`acquires store.Alerts.mtx`
	a.mtx.Lock()
	defer a.mtx.Unlock()

	return len(a.c) == 0
}

// Len returns the number of alerts in the store. (Not in v0.27.0; added to
// the model for convenience.)
func (a *Alerts) Len() int { // want Len:`acquires store.Alerts.mtx`
	a.mtx.Lock()
	defer a.mtx.Unlock()

	return len(a.c)
}
