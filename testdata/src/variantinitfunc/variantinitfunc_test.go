package variantinitfunc

import "testing"

func TestHeld(t *testing.T) {
	if !held {
		t.Fatal("not held")
	}
}
