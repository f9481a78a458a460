package spell

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"forward", "forward", 0},
		{"forwrd", "forward", 1},        // deletion
		{"overide", "override", 1},      // deletion
		{"hihg-ndots", "high-ndots", 1}, // adjacent swap
		{"cahce", "cache", 1},
		{"Cache", "cache", 0}, // case is not an edit
		{"kitten", "sitting", 3},
		{"server", "override", 6},
		{"ab", "ba", 1},
		{"abc", "", 3},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	plugins := []string{"cache", "errors", "forward", "health", "hosts", "log", "loop", "ready", "reload"}
	for _, c := range []struct {
		name, want string
		ok         bool
	}{
		{"forwrad", "forward", true},
		{"heatlh", "health", true},
		{"lgo", "log", true},
		{"loop", "", false},       // a real name is not misspelt
		{"kubernetes", "", false}, // nothing near
		{"xyz", "", false},        // two edits from "log" is too far for a short name
		{"relaod", "reload", true},
	} {
		got, ok := Closest(c.name, plugins)
		if got != c.want || ok != c.ok {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
	}
	// Ties go to the first name in sorted order, whatever the candidates' order.
	if got, _ := Closest("hosts", []string{"hostz", "hostx"}); got != "hostx" {
		t.Errorf("tie: got %q, want hostx", got)
	}
}
