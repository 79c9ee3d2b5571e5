package variantinit

import "testing"

func TestReady(t *testing.T) {
	if ready {
		t.Log("ready")
	}
}
