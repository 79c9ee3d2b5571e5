// Package types is a heavily trimmed model of the types package of
// Prometheus Alertmanager v0.27.0 (types/types.go). The label and
// fingerprint types stand in for github.com/prometheus/common/model so that
// the model needs only the standard library.
package types

import (
	"hash/fnv"
	"sort"
	"time"
)

// Fingerprint stands in for model.Fingerprint from prometheus/common.
type Fingerprint uint64

// LabelSet stands in for model.LabelSet from prometheus/common.
type LabelSet map[string]string

// Fingerprint returns a hash of the sorted label pairs; it models
// model.LabelSet.Fingerprint.
func (ls LabelSet) Fingerprint() Fingerprint {
	names := make([]string, 0, len(ls))
	for n := range ls {
		names = append(names, n)
	}
	sort.Strings(names)
	h := fnv.New64a()
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0xff})
		h.Write([]byte(ls[n]))
		h.Write([]byte{0xff})
	}
	return Fingerprint(h.Sum64())
}

// Alert wraps the fields of model.Alert with additional information relevant
// to internal of the Alertmanager. Modelled on types.Alert in types/types.go;
// the embedded model.Alert is flattened into the struct.
type Alert struct {
	Labels      LabelSet
	Annotations LabelSet
	StartsAt    time.Time
	EndsAt      time.Time

	// The authoritative timestamp.
	UpdatedAt time.Time
	Timeout   bool
}

// Fingerprint returns a unique hash for the alert (model.Alert.Fingerprint).
func (a *Alert) Fingerprint() Fingerprint {
	return a.Labels.Fingerprint()
}

// Resolved returns true iff the activity interval ended in the past
// (model.Alert.Resolved).
func (a *Alert) Resolved() bool {
	return a.ResolvedAt(time.Now())
}

// ResolvedAt returns true iff the activity interval ended before the given
// timestamp (model.Alert.ResolvedAt).
func (a *Alert) ResolvedAt(ts time.Time) bool {
	if a.EndsAt.IsZero() {
		return false
	}
	return !a.EndsAt.After(ts)
}

// Merge merges the timespan of two alerts based and overwrites annotations
// based on the authoritative timestamp. A new alert is returned, the labels
// are assumed to be equal. Modelled on types.Alert.Merge.
func (a *Alert) Merge(o *Alert) *Alert {
	// Let o always be the younger alert.
	if o.UpdatedAt.Before(a.UpdatedAt) {
		return o.Merge(a)
	}

	res := *o

	// Always pick the earliest starting time.
	if a.StartsAt.Before(o.StartsAt) {
		res.StartsAt = a.StartsAt
	}

	if o.Resolved() {
		// The latest explicit resolved timestamp wins if both alerts are effectively resolved.
		if a.Resolved() && a.EndsAt.After(o.EndsAt) {
			res.EndsAt = a.EndsAt
		}
	} else {
		// A non-timeout timestamp always rules if it is the latest.
		if a.EndsAt.After(o.EndsAt) && !a.Timeout {
			res.EndsAt = a.EndsAt
		}
	}

	return &res
}
