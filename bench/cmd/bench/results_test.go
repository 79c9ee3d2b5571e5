package main

import (
	"strings"
	"testing"
	"time"

	"github.com/lockorder/lockorder/bench/internal/measure"
)

// TestSummaryRows checks the rows of one module: each tool's median, then
// lockorder's ratio to each floor, for the three tools of the driver and
// the two of go vet.
func TestSummaryRows(t *testing.T) {
	sample := func(secs, mib int64) []measure.Sample {
		return []measure.Sample{{Wall: time.Duration(secs) * time.Second, CPU: time.Duration(2*secs) * time.Second, MaxRSSKiB: mib * 1024}}
	}
	for _, tc := range []struct {
		runs [][]measure.Sample
		want string
	}{
		{[][]measure.Sample{sample(6, 300), sample(3, 200), sample(12, 600)}, `| m | wall | 6.0 s | 3.0 s | 12.0 s | 2.00× | 0.50× |
| m | CPU | 12.0 s | 6.0 s | 24.0 s | 2.00× | 0.50× |
| m | peak RSS | 300 MiB | 200 MiB | 600 MiB | 1.50× | 0.50× |
`},
		{[][]measure.Sample{sample(6, 300), sample(3, 200)}, `| m | wall | 6.0 s | 3.0 s | 2.00× |
| m | CPU | 12.0 s | 6.0 s | 2.00× |
| m | peak RSS | 300 MiB | 200 MiB | 1.50× |
`},
	} {
		var b strings.Builder
		summaryRows(&b, "m", tc.runs)
		if b.String() != tc.want {
			t.Errorf("summaryRows of %d tools:\n%s\nwant:\n%s", len(tc.runs), b.String(), tc.want)
		}
	}
}
