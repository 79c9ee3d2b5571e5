package freeroots

import (
	"testing"

	"rootlib"
)

func TestQuiet(t *testing.T) {
	LockBoth()
	rootlib.Each(func() { LockBoth() })
}

func TestOnly(t *testing.T) {
	e.Lock()
	onlyTests()
	e.Unlock()
}

func TestHolds(t *testing.T) {
	rootlib.AcquireA()
	LockBoth() // want `double lock of rootlib.A`
	rootlib.ReleaseA()
}
