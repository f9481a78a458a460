// Package webhook is dnslint as a Kubernetes validating admission webhook: an HTTPS server
// that lints each ConfigMap and pod-bearing object the API server sends (AdmissionReview
// admission.k8s.io/v1), denies it when a finding reaches the configured severity, and
// admits it with warnings otherwise.
//
// A coredns-custom ConfigMap is linted together with the live coredns ConfigMap of its
// namespace, and a coredns ConfigMap with the live coredns-custom, read from an informer's
// cache (see Live), so that a change is checked against what CoreDNS will load.
package webhook

import (
	"context"
	"log/slog"
	"time"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

// Linter lints a set of files that belong together; *lint.Linter is one.
type Linter interface {
	Lint(ctx context.Context, files []*source.File) (*lint.Result, error)
}

// Options configure a Handler.
type Options struct {
	// Linter lints the objects (required).
	Linter Linter
	// DenyOn is the severity from which a finding denies the request (default, and for
	// finding.None: Error).
	DenyOn finding.Severity
	// NeverDeny admits every object, with all findings as warnings (an audit-only rollout).
	NeverDeny bool
	// Live serves the live ConfigMaps that a coredns or coredns-custom change is composed
	// with; nil lints such changes alone, with a warning.
	Live Live
	// MaxRequestBytes bounds a request body (default DefaultMaxRequestBytes, 1.5 MiB);
	// larger requests get HTTP 413, and the API server applies the failurePolicy.
	MaxRequestBytes int64
	// LintTimeout is the deadline of one review, from its arrival to the answer (default
	// DefaultLintTimeout); the API server's own ?timeout= shortens it. Past it the review
	// is answered by its budget (see unreviewed).
	LintTimeout time.Duration
	// MaxKeys bounds the keys of a ConfigMap, MaxTokens the Corefile tokens of its data
	// (defaults DefaultMaxKeys, DefaultMaxTokens).
	MaxKeys, MaxTokens int
	// MemoryLimit is the memory the webhook may use, in bytes (its container's limit); 0
	// turns the heap guard off. No review starts while the live heap is past HeapShare
	// of it, and a review whose live heap growth passes its share (HeapShare of
	// MemoryLimit over MaxInFlight) is ended by its budget.
	MemoryLimit int64
	// HeapShare is the share of MemoryLimit the live heap may use (default DefaultHeapShare).
	HeapShare float64
	// DenyUnreviewedWorkloads denies a workload whose review a budget ended; by default it
	// is admitted with a warning, as workloads.dnslint.dev's failurePolicy Ignore does
	// when the webhook is unavailable. A ConfigMap is always denied.
	DenyUnreviewedWorkloads bool
	// DeadlinePassed starts every review past its deadline: for tests of the answer.
	DeadlinePassed bool
	// MaxInFlight bounds the reviews linted at once (default: twice the CPUs — linting is
	// CPU-bound, more at once only makes each slower). A review that finds no free slot
	// within QueueTimeout gets HTTP 503 at once, and the API server applies the
	// webhook's failurePolicy, instead of every request slowing down until all time out.
	MaxInFlight int
	// QueueTimeout is how long a review may wait for a slot (default 250ms).
	QueueTimeout time.Duration
	// Metrics records requests and findings; nil records nothing.
	Metrics *Metrics
	// Logger logs errors and decisions (default: discard).
	Logger *slog.Logger

	// liveHeap reads the live heap (default: runtime/metrics); tests replace it.
	liveHeap func() uint64
}

// DefaultQueueTimeout is how long a review waits for a free slot before HTTP 503.
const DefaultQueueTimeout = 250 * time.Millisecond
