// Package paramlib has a function whose summary only calls its parameter,
// for the relevantcalls fixture.
package paramlib

// Map returns s with f applied to each of its runes.
func Map(f func(rune) rune, s string) string { // want Map:"calls param 0"
	out := []rune(s)
	for i, r := range out {
		out[i] = f(r)
	}
	return string(out)
}

// Apply calls f.
func Apply[F ~func()](f F) { // want Apply:"calls param 0"
	f()
}
