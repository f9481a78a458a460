package engine

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"
)

// parallelFor calls do(i) for every i in [0, n) on up to one goroutine per CPU, and
// returns when all calls have. Once ctx is done it hands out no further index.
func parallelFor(ctx context.Context, n int, do func(i int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error { do(i); return nil })
	}
	_ = g.Wait() // do returns nothing to wait for
}
