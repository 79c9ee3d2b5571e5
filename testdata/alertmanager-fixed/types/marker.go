package types // want package:`lock graph, 0 cycles`

import "sync"

// Modelled on the Marker interface and memMarker in types/types.go in
// Alertmanager v0.27.0, trimmed to the methods the model uses.

// AlertState is used as part of AlertStatus.
type AlertState string

// Possible values for AlertState.
const (
	AlertStateUnprocessed AlertState = "unprocessed"
	AlertStateActive      AlertState = "active"
	AlertStateSuppressed  AlertState = "suppressed"
)

// AlertStatus stores the state of an alert.
type AlertStatus struct {
	State       AlertState
	SilencedBy  []string
	InhibitedBy []string
}

// Marker helps to mark alerts as silenced and/or inhibited.
// All methods are goroutine-safe.
type Marker interface {
	// SetInhibited replaces the previous InhibitedBy by the provided IDs.
	SetInhibited(alert Fingerprint, alertIDs ...string)
	// Count alerts of the given state(s). With no state provided, count all
	// alerts.
	Count(...AlertState) int
	// Status of the given alert.
	Status(Fingerprint) AlertStatus
	// Delete the given alert.
	Delete(Fingerprint)
	// Active reports whether the given alert is in AlertStateActive.
	Active(Fingerprint) bool
}

// NewMarker returns an instance of a Marker implementation. The real one
// also takes a prometheus.Registerer.
func NewMarker() Marker {
	return &memMarker{
		m: map[Fingerprint]*AlertStatus{},
	}
}

type memMarker struct {
	m map[Fingerprint]*AlertStatus

	mtx sync.RWMutex
}

// Count implements Marker.
func (m *memMarker) Count(states ...AlertState) int { // want Count:`acquires types.memMarker.mtx \(read\)`
	m.mtx.RLock()
	defer m.mtx.RUnlock()

	if len(states) == 0 {
		return len(m.m)
	}

	var count int
	for _, status := range m.m {
		for _, state := range states {
			if status.State == state {
				count++
			}
		}
	}
	return count
}

// SetInhibited implements Marker.
func (m *memMarker) SetInhibited(alert Fingerprint, ids ...string) { // want SetInhibited:`acquires types.memMarker.mtx`
	m.mtx.Lock()
	defer m.mtx.Unlock()

	s, found := m.m[alert]
	if !found {
		s = &AlertStatus{}
		m.m[alert] = s
	}
	s.InhibitedBy = ids

	if len(ids) == 0 && len(s.SilencedBy) == 0 {
		s.State = AlertStateActive
		return
	}

	s.State = AlertStateSuppressed
}

// Status implements Marker.
func (m *memMarker) Status(alert Fingerprint) AlertStatus { // want Status:`acquires types.memMarker.mtx \(read\)`
	m.mtx.RLock()
	defer m.mtx.RUnlock()

	if s, found := m.m[alert]; found {
		return *s
	}
	return AlertStatus{
		State:       AlertStateUnprocessed,
		SilencedBy:  []string{},
		InhibitedBy: []string{},
	}
}

// Delete implements Marker.
func (m *memMarker) Delete(alert Fingerprint) { // want Delete:`acquires types.memMarker.mtx`
	m.mtx.Lock()
	defer m.mtx.Unlock()

	delete(m.m, alert)
}

// Active implements Marker.
func (m *memMarker) Active(alert Fingerprint) bool { // want Active:`acquires types.memMarker.mtx \(read\)`
	return m.Status(alert).State == AlertStateActive
}
