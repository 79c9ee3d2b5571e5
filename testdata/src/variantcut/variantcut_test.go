package variantcut

import "testing"

func TestNothing(t *testing.T) {}
