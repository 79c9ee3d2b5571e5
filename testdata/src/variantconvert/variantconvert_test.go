package variantconvert

import "testing"

func (j *Job) Step() { // want Step:"acquires variantconvert.other"
	other.Lock() // want `lock order cycle variantconvert.Job.mu -> variantconvert.other -> variantconvert.Job.mu: \(\*variantconvert.Job\).Run acquires variantconvert.other while holding variantconvert.Job.mu; variantconvert.TestOtherThenJob acquires variantconvert.Job.mu while holding variantconvert.other`
	other.Unlock()
}

func TestOtherThenJob(t *testing.T) {
	j := &Job{}
	other.Lock()
	j.mu.Lock()
	j.mu.Unlock()
	other.Unlock()
}
