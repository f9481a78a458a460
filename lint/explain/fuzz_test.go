package explain

import (
	"reflect"
	"testing"
	"time"

	"github.com/dnslint/dnslint/internal/fuzzguard"
)

// FuzzScaler decodes any text as CPA parameters and runs the scaler over small clusters:
// no panic, no hang, the same answer twice, and a curve whose ranges cover every cluster
// size once, in order.
func FuzzScaler(f *testing.F) {
	for _, s := range []string{
		`{"coresToReplicas": [[1, 2], [512, 3]], "nodesToReplicas": [[1, 2], [8, 3]]}`,
		`{"coresPerReplica": 256, "nodesPerReplica": 16, "min": 2, "max": 100, "preventSinglePointFailure": true}`,
		`{"coresPerReplica": 1e-300, "nodesPerReplica": -1, "min": -5, "max": -1}`,
		`{"coresToReplicas": [[9223372036854775807, -9223372036854775808], [], [1, 2, 3]]}`,
		`{"CoresToReplicas": [[0, 0]], "nodestoreplicas": null}`, `null`, `[]`, `{`, ``,
	} {
		f.Add(true, []byte(s), 12, 4)
		f.Add(false, []byte(s), 1000, 64)
	}
	f.Fuzz(func(t *testing.T, ladder bool, params []byte, nodes, cores int) {
		defer fuzzguard.Watchdog(5*time.Second, ladder, params, nodes, cores)()
		mode := "linear"
		if ladder {
			mode = "ladder"
		}
		s, err := ParseScaler(mode, params)
		s2, err2 := ParseScaler(mode, params)
		if !reflect.DeepEqual(s, s2) || (err == nil) != (err2 == nil) {
			t.Fatalf("two decodes differ: %+v %v / %+v %v", s, err, s2, err2)
		}
		if err != nil {
			return
		}
		if s.Replicas(nodes, cores) != s.Replicas(nodes, cores) {
			t.Fatal("Replicas is not deterministic")
		}
		maxNodes := 1 + abs(nodes)%300
		pts, ranges := s.Curve(maxNodes, abs(cores)%256)
		if len(pts) != maxNodes {
			t.Fatalf("%d points for %d nodes", len(pts), maxNodes)
		}
		next := 1
		for _, r := range ranges {
			if r.FromNodes != next || r.ToNodes < r.FromNodes {
				t.Fatalf("ranges %+v do not cover 1..%d in order", ranges, maxNodes)
			}
			for n := r.FromNodes; n <= r.ToNodes; n++ {
				if pts[n-1].Replicas != r.Replicas {
					t.Fatalf("range %+v holds point %+v", r, pts[n-1])
				}
			}
			next = r.ToNodes + 1
		}
		if next != maxNodes+1 {
			t.Fatalf("ranges %+v end at %d, want %d", ranges, next-1, maxNodes)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // the smallest int
			return 0
		}
		return -n
	}
	return n
}
