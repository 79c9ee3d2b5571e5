package variantconvert // want package:"lock graph, [01] cycles"

// The test file declares Job.Step, which hides the Step Job promotes from
// Base: in the test variant, converting a Job to a Stepper registers the
// test's Step. The test variant walks everything.

import "sync"

var other, outer, inner sync.Mutex

func Nested() { // want Nested:"acquires variantconvert.inner; acquires variantconvert.outer"
	outer.Lock()
	inner.Lock()
	inner.Unlock()
	outer.Unlock()
}

type Stepper interface{ Step() }

type Base struct{}

func (*Base) Step() {}

type Job struct {
	Base
	mu sync.Mutex
}

func (j *Job) Run() { // want Run:"acquires variantconvert.Job.mu; calls variantconvert.Stepper.Step\\(\\)"
	j.mu.Lock()
	var s Stepper = j
	s.Step()
	j.mu.Unlock()
}
