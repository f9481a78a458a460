package webhook

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/dnslint/dnslint/lint/finding"
)

// Metrics are the webhook's Prometheus metrics, in a registry of their own. A nil
// *Metrics records nothing.
type Metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	findings *prometheus.CounterVec
	lookups  *prometheus.CounterVec
}

// NewMetrics registers the webhook's metrics and the Go and process collectors.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dnslint_webhook_requests_total",
			Help: "Admission requests served, by result: allowed, denied, error (a request refused with an HTTP error, or one that could not be linted), overloaded (HTTP 503: no free slot within the queue timeout) or unreviewed (a budget or the deadline ended the review: a ConfigMap denied, a workload admitted with a warning).",
		}, []string{"result"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "dnslint_webhook_request_duration_seconds",
			Help:    "Time to serve an admission request, by result.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"result"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dnslint_webhook_findings_total",
			Help: "Findings in reviewed objects, by rule and severity.",
		}, []string{"rule", "severity"}),
		lookups: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "dnslint_webhook_live_lookups_total",
			Help: "Lookups of the live ConfigMap a coredns or coredns-custom change is composed with, by result: composed, absent or unavailable.",
		}, []string{"result"}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.findings, m.lookups,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, r := range []string{resultAllowed, resultDenied, resultError, resultOverloaded, resultUnreviewed} {
		m.requests.WithLabelValues(r)
	}
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// Registry is where the metrics are registered.
func (m *Metrics) Registry() *prometheus.Registry { return m.registry }

func (m *Metrics) observe(result string, d time.Duration) {
	if m == nil {
		return
	}
	m.requests.WithLabelValues(result).Inc()
	m.latency.WithLabelValues(result).Observe(d.Seconds())
}

func (m *Metrics) finding(rule string, s finding.Severity) {
	if m == nil {
		return
	}
	m.findings.WithLabelValues(rule, s.String()).Inc()
}

func (m *Metrics) live(result string) {
	if m == nil {
		return
	}
	m.lookups.WithLabelValues(result).Inc()
}
