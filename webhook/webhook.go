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
	// MaxRequestBytes bounds a request body (default 3 MiB); larger requests get HTTP 413.
	MaxRequestBytes int64
	// LintTimeout bounds the linting of one request (default 4s); the API server's own
	// ?timeout= shortens it.
	LintTimeout time.Duration
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
}

// DefaultMaxRequestBytes is the default bound of a request body: the API server's own
// object limit is about 3 MiB (etcd's 1.5 MiB value limit, encoded twice).
const DefaultMaxRequestBytes = 3 << 20

// DefaultQueueTimeout is how long a review waits for a free slot before HTTP 503.
const DefaultQueueTimeout = 250 * time.Millisecond

// DefaultLintTimeout leaves room within the configuration's timeoutSeconds (5).
const DefaultLintTimeout = 4 * time.Second
