package variantshadow // want package:"lock graph, [01] cycles"

// The test file declares Job.Step, which hides the Step Job promotes
// from Base: in the test variant, Run calls the test's Step. The test
// variant walks everything.

import "sync"

var other, outer, inner sync.Mutex

func Nested() { // want Nested:"acquires variantshadow.inner; acquires variantshadow.outer"
	outer.Lock()
	inner.Lock()
	inner.Unlock()
	outer.Unlock()
}

type Base struct{}

func (*Base) Step() {}

type Job struct {
	Base
	mu sync.Mutex
}

func (j *Job) Run() { // want Run:"acquires variantshadow.Job.mu(; acquires variantshadow.other)?"
	j.mu.Lock()
	j.Step()
	j.mu.Unlock()
}
