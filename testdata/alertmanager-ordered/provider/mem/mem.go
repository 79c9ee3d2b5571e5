// Package mem is modelled on provider/mem/mem.go in Alertmanager v0.27.0, // want package:`lock graph, 0 cycles`
// with Subscribe reordered so that locks are always taken store before mem.
// Metrics registration (registerMetrics, count) is left out.
package mem

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/alertmanager/provider"
	"github.com/prometheus/alertmanager/store"
	"github.com/prometheus/alertmanager/types"
)

const alertChannelLength = 200

// Alerts gives access to a set of alerts. All methods are goroutine-safe.
type Alerts struct {
	cancel context.CancelFunc

	alerts *store.Alerts
	marker types.Marker

	mtx       sync.Mutex
	listeners map[int]listeningAlerts
	next      int

	callback AlertStoreCallback

	logger *slog.Logger
}

// AlertStoreCallback models the interface of the same name in mem.go.
type AlertStoreCallback interface {
	// PreStore is called before alert is stored into the store.
	PreStore(alert *types.Alert, existing bool) error
	// PostStore is called after alert has been put into store.
	PostStore(alert *types.Alert, existing bool)
	// PostDelete is called after alert has been removed from the store due
	// to alert garbage collection.
	PostDelete(alert *types.Alert)
}

type listeningAlerts struct {
	alerts chan *types.Alert
	done   chan struct{}
}

// NewAlerts returns a new alert provider. The real one also takes a
// prometheus.Registerer.
func NewAlerts(ctx context.Context, m types.Marker, intervalGC time.Duration, alertCallback AlertStoreCallback, l *slog.Logger) (*Alerts, error) { // want NewAlerts:`acquires store.Alerts.mtx`
	if alertCallback == nil {
		alertCallback = noopCallback{}
	}

	ctx, cancel := context.WithCancel(ctx)
	a := &Alerts{
		marker:    m,
		alerts:    store.NewAlerts(),
		cancel:    cancel,
		listeners: map[int]listeningAlerts{},
		next:      0,
		logger:    l.With("component", "provider"),
		callback:  alertCallback,
	}
	a.alerts.SetGCCallback(func(alerts []*types.Alert) {
		for _, alert := range alerts {
			// As we don't persist alerts, we no longer consider them after
			// they are resolved.
			m.Delete(alert.Fingerprint())
			a.callback.PostDelete(alert)
		}

		a.mtx.Lock()
		for i, l := range a.listeners {
			select {
			case <-l.done:
				delete(a.listeners, i)
				close(l.alerts)
			default:
				// listener is not closed yet, hence proceed.
			}
		}
		a.mtx.Unlock()
	})

	go a.alerts.Run(ctx, intervalGC)

	return a, nil
}

// Close the alert provider.
func (a *Alerts) Close() { // want Close:`calls mem.Alerts.cancel`
	if a.cancel != nil {
		a.cancel()
	}
}

// Subscribe returns an iterator over active alerts that have not been
// resolved and successfully notified about.
//
// Unlike v0.27.0, the store is read before a.mtx is taken, so a.mtx is
// never held while the store's lock is acquired: the only nesting left is
// store -> mem (the GC callback), one global order.
func (a *Alerts) Subscribe() provider.AlertIterator { // want Subscribe:`acquires mem.Alerts.mtx; acquires store.Alerts.mtx`
	var (
		done   = make(chan struct{})
		alerts = a.alerts.List()
		ch     = make(chan *types.Alert, max(len(alerts), alertChannelLength))
	)

	a.mtx.Lock()
	defer a.mtx.Unlock()

	for _, a := range alerts {
		ch <- a
	}

	a.listeners[a.next] = listeningAlerts{alerts: ch, done: done}
	a.next++

	return provider.NewAlertIterator(ch, done, nil)
}
