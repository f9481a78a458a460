package lint

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/model"
)

// engines are a Linter's compiled rules: all enabled rules (all), or compiled on first
// need for the collections an input holds. Compiling the catalog is most of a one-file
// run; a rule whose METADATA custom.each names a collection the input has no element of
// cannot fire, so a run over one Corefile compiles neither the pod nor the autoscaler
// rules. Rules without each are always compiled.
type engines struct {
	opts engine.Options
	all  *engine.Engine

	mu      sync.Mutex
	present map[string]*engine.Engine // by the input's non-empty collections
}

func (l *Linter) engineFor(ctx context.Context, in *model.Input) (*engine.Engine, error) {
	if l.engines.all != nil {
		return l.engines.all, nil
	}
	present := engine.Present(in)
	key := strings.Join(present, ",")
	e := &l.engines
	e.mu.Lock()
	defer e.mu.Unlock()
	if eng, ok := e.present[key]; ok {
		return eng, nil
	}
	opts := e.opts
	opts.Enabled = slices.DeleteFunc(slices.Clone(opts.Enabled), func(id string) bool {
		each := l.catalog.Each(id)
		return each != "" && !slices.Contains(present, each)
	})
	eng, err := l.catalog.Compile(ctx, opts)
	if err != nil {
		return nil, err
	}
	if e.present == nil {
		e.present = map[string]*engine.Engine{}
	}
	e.present[key] = eng
	return eng, nil
}
