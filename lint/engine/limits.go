package engine

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime/metrics"
	"slices"
	"time"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// Each evaluation — a chunk of a collection, one element of it, or the whole input for
// the rules that read it all — has its own share of time and memory, so that one file
// never sinks the run: a chunk past its share is evaluated again element by element,
// one at a time, and only the element that still passes it is reported, as a
// dnslint/limit-exceeded error, while every other element is linted. The run as a whole
// is bounded by the caller's context: past its deadline Eval fails.

// LimitExceeded is the rule id of what dnslint did not lint because it passed a limit.
const LimitExceeded = "dnslint/limit-exceeded"

// DefaultHeapShare is the heap growth one evaluation may cause.
const DefaultHeapShare = 1 << 30

// Limits bound each evaluation; zero fields take their defaults.
type Limits struct {
	// Timeout bounds one evaluation (DefaultTimeout).
	Timeout time.Duration
	// HeapShare bounds the heap growth during one evaluation, in bytes
	// (DefaultHeapShare), read with runtime/metrics while it runs.
	HeapShare uint64
	// Expired, when set, starts the evaluation of an element (by its position) past its
	// deadline: tests pass a limit with it without depending on the machine's speed.
	Expired func(element model.Pos) bool
}

var (
	errTimeLimit = errors.New("time limit")
	errHeapLimit = errors.New("heap share")
)

// exceededError is an evaluation stopped by its own limit (not by the caller).
type exceededError struct {
	cause error // errTimeLimit or errHeapLimit
	what  string
}

func (e *exceededError) Error() string { return e.what }

// limited evaluates t within the limits; workers is how many evaluations run at once
// (the heap is the process's: they share it). A stop by a limit is an *exceededError.
func (e *Engine) limited(ctx context.Context, t task, workers int) (rego.ResultSet, error) {
	if e.limits.Expired != nil && slices.ContainsFunc(t.positions(), e.limits.Expired) {
		return nil, e.exceeded(errTimeLimit) // past its deadline before it starts
	}
	evalCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	timer := time.AfterFunc(e.limits.Timeout, func() { cancel(errTimeLimit) })
	defer timer.Stop()
	stop := watchHeap(e.limits.HeapShare*uint64(max(workers, 1)), cancel)
	rs, err := t.eval(evalCtx)
	stop()
	if err == nil || ctx.Err() != nil {
		return rs, err
	}
	if cause := context.Cause(evalCtx); cause == errTimeLimit || cause == errHeapLimit {
		return nil, e.exceeded(cause)
	}
	return rs, err
}

// exceeded says which limit an evaluation passed.
func (e *Engine) exceeded(cause error) *exceededError {
	if cause == errHeapLimit {
		return &exceededError{cause, fmt.Sprintf("the heap share of one evaluation (%d MiB)", e.limits.HeapShare>>20)}
	}
	return &exceededError{cause, fmt.Sprintf("the time limit of one evaluation (%s)", e.limits.Timeout)}
}

// heapLive is the live heap as the last garbage collection marked it: memory an
// evaluation holds on to, not the garbage it leaves (which the collector takes back, and
// which would count against a large run however small its evaluations). A runaway
// evaluation makes the heap grow, and so the collector run, and is seen at the next
// collection.
func heapLive() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// heapPoll is how often the heap watchdog reads the heap.
const heapPoll = 5 * time.Millisecond

// watchHeap cancels with errHeapLimit once the live heap has grown by more than share
// since the call, until stop is called.
func watchHeap(share uint64, cancel context.CancelCauseFunc) (stop func()) {
	base := heapLive()
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(heapPoll)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if now := heapLive(); now > base && now-base > share {
					cancel(errHeapLimit)
					return
				}
			}
		}
	}()
	return func() { close(done) }
}

// kinds name the elements of each collection in messages.
var kinds = map[string]string{
	"corefiles": "Corefile", "customs": "coredns-custom ConfigMap", "autoscalers": "autoscaler ConfigMap",
	"workloads": "workload", "resolv_confs": "resolv.conf", "parse_errors": "file",
}

// limitFinding reports an element (or, each "", the run) that its evaluation did not lint.
func (e *Engine) limitFinding(g group, pos model.Pos, err *exceededError) finding.Finding {
	rule, _ := e.catalog.Rule(LimitExceeded)
	sev := rule.Severity
	if sev == finding.None {
		sev = finding.Error
	}
	msg := fmt.Sprintf("dnslint did not lint this %s: evaluating the rules of %s over it exceeded %s. The rest of the run is linted", kinds[g.each], g.each, err.what)
	if g.each == "" {
		msg = fmt.Sprintf("dnslint did not evaluate the rules that read the whole run (%s): they exceeded %s. The rest of the run is linted", g.ruleList(), err.what)
	}
	return finding.Finding{RuleID: LimitExceeded, Severity: sev, Pos: pos, Message: msg}
}

// elementPos is where a finding about an element of the input points: its object (a
// ConfigMap, a workload), else its own position, else its file.
func elementPos(v reflect.Value) model.Pos {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return model.Pos{}
		}
		v = v.Elem()
	}
	if obj := v.FieldByName("Object"); obj.IsValid() {
		if p := elementPos(obj); p.File != "" {
			return p
		}
	}
	if f := v.FieldByName("Pos"); f.IsValid() {
		if p, ok := f.Interface().(model.Pos); ok && p.File != "" {
			return p
		}
	}
	if f := v.FieldByName("File"); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
		return model.Pos{File: f.String(), Line: 1, Col: 1, EndLine: 1, EndCol: 1}
	}
	return model.Pos{}
}
