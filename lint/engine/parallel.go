package engine

import (
	"context"
	"runtime"
	"sync"
)

// parallelFor calls do(i) for every i in [0, n) on up to one goroutine per CPU, and
// returns when all calls have. Once ctx is done it hands out no further index.
func parallelFor(ctx context.Context, n int, do func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				do(i)
			}
		})
	}
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
}
