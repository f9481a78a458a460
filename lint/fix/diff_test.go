package fix

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffAppliesWithPatch applies the diffs of random edits with the real patch(1):
// each must turn the old file into the new one exactly.
func TestDiffAppliesWithPatch(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch(1) is not installed")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"forward . 1.1.1.1\n", "cache 30\n", "    force_tcp\n", "}\n", "log\n", "errors\n", "\n"}
	for n := range 60 {
		var a []string
		for range rng.IntN(30) {
			a = append(a, words[rng.IntN(len(words))])
		}
		b := append([]string(nil), a...)
		for range 1 + rng.IntN(4) {
			i := 0
			if len(b) > 0 {
				i = rng.IntN(len(b) + 1)
			}
			switch rng.IntN(3) {
			case 0:
				b = append(b[:i], append([]string{words[rng.IntN(len(words))]}, b[i:]...)...)
			case 1:
				if i < len(b) {
					b = append(b[:i], b[i+1:]...)
				}
			default:
				if i < len(b) {
					b[i] = "changed\n"
				}
			}
		}
		old, want := strings.Join(a, ""), strings.Join(b, "")
		if n%5 == 0 && want != "" { // no line break at the end
			want = strings.TrimSuffix(want, "\n") + "x"
		}
		d := Diff("f", []byte(old), []byte(want))
		if old == want {
			if d != "" {
				t.Fatalf("diff of equal files: %q", d)
			}
			continue
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "f"), []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("patch", "-p1", "--quiet", "--no-backup-if-mismatch")
		cmd.Dir, cmd.Stdin = dir, strings.NewReader(d)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch refused the diff of %q → %q: %v\n%s\n%s", old, want, err, out, d)
		}
		got, _ := os.ReadFile(filepath.Join(dir, "f"))
		if string(got) != want {
			t.Fatalf("patched %q, want %q\n%s", got, want, d)
		}
	}
}
