// Package measure runs commands under /usr/bin/time -v and takes their
// wall time and peak resident memory, and computes medians.
package measure

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// TimeBinary is GNU time, which reports the peak memory of a command.
const TimeBinary = "/usr/bin/time"

// Sample is one timed run of a command.
type Sample struct {
	// Wall is the elapsed real time.
	Wall time.Duration
	// CPU is the user plus system CPU time, which other load on the
	// machine disturbs less than the wall time.
	CPU time.Duration
	// Load is the one-minute load average just before the run, or -1
	// when it cannot be read: a high one means other work shared the
	// machine.
	Load float64
	// MaxRSSKiB is the peak resident set size in KiB.
	MaxRSSKiB int64
	// ExitCode is the command's exit status.
	ExitCode int
	// Stdout is what the command wrote on standard output.
	Stdout []byte
	// Stderr is what the command wrote on standard error, without
	// time's own report.
	Stderr string
}

// Run runs name with args in dir under /usr/bin/time -v and returns the
// measurements and the command's output. A non-zero exit status is not an
// error: the caller judges it. A run that takes longer than timeout is
// killed, with its process group, and is an error.
func Run(timeout time.Duration, dir, name string, args ...string) (Sample, error) {
	out, err := os.CreateTemp("", "measure-*.txt")
	if err != nil {
		return Sample{}, err
	}
	defer os.Remove(out.Name())
	out.Close()
	load := loadAverage()
	cmd := exec.Command(TimeBinary, append([]string{"-v", "-o", out.Name(), name}, args...)...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return Sample{}, err
	}
	timer := time.AfterFunc(timeout, func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	runErr := cmd.Wait()
	if !timer.Stop() {
		return Sample{}, fmt.Errorf("%s: killed after %v", name, timeout)
	}
	report, err := os.ReadFile(out.Name())
	if err != nil {
		return Sample{}, err
	}
	s, err := parse(string(report))
	if err != nil {
		if runErr != nil {
			return Sample{}, fmt.Errorf("%s: %v: %s", name, runErr, stderr.String())
		}
		return Sample{}, err
	}
	s.Load, s.Stdout, s.Stderr = load, stdout.Bytes(), stderr.String()
	return s, nil
}

// parse reads the wall time, peak memory and exit status from the report
// of time -v.
func parse(report string) (Sample, error) {
	var s Sample
	found := 0
	for line := range strings.Lines(report) {
		key, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if !ok {
			continue
		}
		var err error
		switch {
		case strings.HasPrefix(key, "Elapsed (wall clock) time"):
			s.Wall, err = parseClock(value)
			found++
		case key == "Maximum resident set size (kbytes)":
			s.MaxRSSKiB, err = strconv.ParseInt(value, 10, 64)
			found++
		case key == "User time (seconds)" || key == "System time (seconds)":
			var secs float64
			secs, err = strconv.ParseFloat(value, 64)
			s.CPU += time.Duration(secs * float64(time.Second))
			found++
		case key == "Exit status":
			s.ExitCode, err = strconv.Atoi(value)
			found++
		}
		if err != nil {
			return Sample{}, fmt.Errorf("time -v: %q: %v", line, err)
		}
	}
	if found != 5 {
		return Sample{}, fmt.Errorf("time -v: no wall or CPU time, peak memory or exit status in %q", report)
	}
	return s, nil
}

// loadAverage returns the one-minute load average, or -1.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	var load float64
	if _, err := fmt.Sscan(string(b), &load); err != nil {
		return -1
	}
	return load
}

// parseClock parses time's elapsed time, h:mm:ss or m:ss.ss.
func parseClock(v string) (time.Duration, error) {
	var secs float64
	for part := range strings.SplitSeq(v, ":") {
		f, err := strconv.ParseFloat(part, 64)
		if err != nil {
			return 0, err
		}
		secs = secs*60 + f
	}
	return time.Duration(secs * float64(time.Second)), nil
}

// Medians are the medians of a command's samples, each taken on its own.
type Medians struct {
	Wall, CPU time.Duration
	MaxRSSKiB int64
}

// Median returns the median of the samples' wall times, of their CPU
// times and of their peak memories; for an even count, the mean of the
// two middle values.
func Median(samples []Sample) Medians {
	walls := make([]int64, len(samples))
	cpus := make([]int64, len(samples))
	rss := make([]int64, len(samples))
	for i, s := range samples {
		walls[i], cpus[i], rss[i] = int64(s.Wall), int64(s.CPU), s.MaxRSSKiB
	}
	return Medians{Wall: time.Duration(median(walls)), CPU: time.Duration(median(cpus)), MaxRSSKiB: median(rss)}
}

// median returns the median of xs, or 0 when it is empty.
func median(xs []int64) int64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
