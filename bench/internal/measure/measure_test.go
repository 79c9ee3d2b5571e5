package measure

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	report := `	Command being timed: "lockorder ./..."
	User time (seconds): 20.50
	System time (seconds): 1.25
	Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50
	Maximum resident set size (kbytes): 2577096
	Exit status: 3
`
	s, err := parse(report)
	if err != nil {
		t.Fatal(err)
	}
	if s.Wall != 62500*time.Millisecond || s.CPU != 21750*time.Millisecond || s.MaxRSSKiB != 2577096 || s.ExitCode != 3 {
		t.Errorf("parse = %+v", s)
	}
	if _, err := parse("Exit status: 0\n"); err == nil {
		t.Error("parse of a report without wall time or memory: no error")
	}
}

func TestParseClock(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"0:12.01": 12010 * time.Millisecond,
		"1:00:01": 3601 * time.Second,
		"2:03.5":  123500 * time.Millisecond,
	} {
		got, err := parseClock(in)
		if err != nil || got.Round(time.Millisecond) != want {
			t.Errorf("parseClock(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestMedian(t *testing.T) {
	m := Median([]Sample{{Wall: 3, CPU: 5, MaxRSSKiB: 10}, {Wall: 1, CPU: 6, MaxRSSKiB: 30}, {Wall: 2, CPU: 4, MaxRSSKiB: 20}})
	if m != (Medians{Wall: 2, CPU: 5, MaxRSSKiB: 20}) {
		t.Errorf("Median of three = %+v; want 2, 5, 20", m)
	}
	m = Median([]Sample{{Wall: 4, CPU: 2, MaxRSSKiB: 10}, {Wall: 2, CPU: 4, MaxRSSKiB: 20}})
	if m != (Medians{Wall: 3, CPU: 3, MaxRSSKiB: 15}) {
		t.Errorf("Median of two = %+v; want 3, 3, 15", m)
	}
}
