package variantshadow

import "testing"

func (j *Job) Step() { // want Step:"acquires variantshadow.other"
	other.Lock() // want `lock order cycle variantshadow.Job.mu -> variantshadow.other -> variantshadow.Job.mu: \(\*variantshadow.Job\).Run acquires variantshadow.other while holding variantshadow.Job.mu; variantshadow.TestOtherThenJob acquires variantshadow.Job.mu while holding variantshadow.other`
	other.Unlock()
}

func TestOtherThenJob(t *testing.T) {
	j := &Job{}
	other.Lock()
	j.mu.Lock()
	j.mu.Unlock()
	other.Unlock()
}
