// Package spell finds the name that a misspelt one probably meant: the nearest of the
// real names by edit distance. Rules reach it through the Rego builtin dnslint.closest
// (lint/engine); the configuration uses it for rule ids.
package spell

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Distance is the optimal string alignment distance between a and b: the fewest
// insertions, deletions, substitutions and swaps of two adjacent characters that turn
// one into the other, compared without case.
func Distance(a, b string) int {
	x, y := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	// d[i][j] is the distance between x[:i] and y[:j]; three rows are enough.
	prev2, prev, cur := make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

// MaxLen bounds the names compared: a longer one is no misspelling of a real name, and
// the distance costs the product of the lengths.
const MaxLen = 64

// Limit is how many edits still make a misspelling of a name of n characters: one for a
// short name, where two would match unrelated names, two up to 12 characters, three above.
func Limit(n int) int {
	switch {
	case n <= 4:
		return 1
	case n <= 12:
		return 2
	}
	return 3
}

// Closest returns the candidate nearest to name within Limit edits: the fewest edits,
// then the first in sorted order. It returns false when name is a candidate itself (it
// is not misspelt) or none is near enough.
func Closest(name string, candidates []string) (string, bool) {
	n := utf8.RuneCountInString(name)
	if n == 0 || n > MaxLen {
		return "", false
	}
	best, bestD := "", Limit(n)+1
	sorted := slices.Clone(candidates)
	slices.Sort(sorted)
	for _, c := range sorted {
		if c == name {
			return "", false
		}
		m := utf8.RuneCountInString(c)
		if m > MaxLen || abs(m-n) >= bestD {
			continue
		}
		if d := Distance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best, best != ""
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
