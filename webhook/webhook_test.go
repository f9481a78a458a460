package webhook

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	admissionv1 "k8s.io/api/admission/v1"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

const brokenCustom = `
apiVersion: v1
kind: ConfigMap
metadata: {name: coredns-custom, namespace: kube-system}
data:
  upstream.override: |
    # CHG-4411
    force_tcp
`

const goodCustom = `
apiVersion: v1
kind: ConfigMap
metadata: {name: coredns-custom, namespace: kube-system}
data:
  corp.server: |
    corp.example.com:53 {
        errors
        cache 30
        forward . 10.20.0.53
    }
`

const liveCoreDNS = `
apiVersion: v1
kind: ConfigMap
metadata: {name: coredns, namespace: kube-system}
data:
  Corefile: |
    .:53 {
        errors
        health
        ready
        kubernetes cluster.local in-addr.arpa ip6.arpa {
            fallthrough in-addr.arpa ip6.arpa
        }
        forward . /etc/resolv.conf
        cache 30
        loop
        reload
        import custom/*.override
    }
    import custom/*.server
`

// lowTTL has a warning (cache/low-ttl) and no error.
var lowTTL = strings.Replace(liveCoreDNS, "cache 30", "cache 5", 1)

const ndotsDeployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
      dnsConfig:
        options:
        - name: ndots
          value: "15"
`

func live() *fakeLive {
	return &fakeLive{objects: map[string]string{"kube-system/coredns": liveCoreDNS}}
}

func TestDenyBrokenCustom(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: live()})
	out := ts.review(t, admissionv1.Create, brokenCustom, "", false)
	r := out.Response
	if r.Allowed || r.Result == nil {
		t.Fatalf("allowed: %+v", r)
	}
	msg := r.Result.Message
	for _, want := range []string{
		"dnslint: kube-system/ConfigMap/coredns-custom has 1 finding at error or above",
		"forward/option-outside-block at kube-system/ConfigMap/coredns-custom/upstream.override:2:1",
		"Unknown directive 'force_tcp'",
		"Move it inside the forward block",
		// the related place, in the live Corefile's key: mapped, never written in the message
		"\n  see kube-system/ConfigMap/coredns/Corefile:8:5: `forward .`, the first forward of this server block",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("denial lacks %q:\n%s", want, msg)
		}
	}
	if r.Result.Code != http.StatusBadRequest || r.Result.Status != "Failure" {
		t.Errorf("status %+v", r.Result)
	}
	if r.Patch != nil || r.PatchType != nil {
		t.Error("a validating webhook returned a patch")
	}
}

// TestDenyWithoutLive: with no live coredns the custom keys are composed with the platform
// default Corefile, and a warning says so.
func TestDenyWithoutLive(t *testing.T) {
	for name, lv := range map[string]Live{"no client": nil, "unsynced": &fakeLive{err: errUnavailable}, "absent": &fakeLive{}} {
		t.Run(name, func(t *testing.T) {
			ts := startServer(t, Options{Linter: linter(t), Live: lv})
			r := ts.review(t, admissionv1.Create, brokenCustom, "", false).Response
			if r.Allowed {
				t.Fatal("allowed")
			}
			if len(r.Warnings) == 0 || !strings.Contains(r.Warnings[0], "kube-system/ConfigMap/coredns") ||
				!strings.Contains(r.Warnings[0], "platform's default Corefile") {
				t.Errorf("warnings %q", r.Warnings)
			}
		})
	}
}

func TestAllowGood(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: live()})
	for _, dry := range []bool{false, true} {
		r := ts.review(t, admissionv1.Create, goodCustom, "", dry).Response
		if !r.Allowed || r.Result != nil {
			t.Fatalf("dry run %v: denied: %+v", dry, r.Result)
		}
		for _, w := range r.Warnings {
			if strings.Contains(w, "dnslint error") {
				t.Errorf("warning at error level: %s", w)
			}
		}
	}
	// The same broken object is denied on a dry run too.
	if r := ts.review(t, admissionv1.Create, brokenCustom, "", true).Response; r.Allowed {
		t.Error("dry run of a broken object allowed")
	}
}

func TestWarnings(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: &fakeLive{}})
	r := ts.review(t, admissionv1.Update, lowTTL, liveCoreDNS, false).Response
	if !r.Allowed {
		t.Fatalf("denied: %s", r.Result.Message)
	}
	if !hasWarning(r.Warnings, "dnslint warning cache/low-ttl at kube-system/ConfigMap/coredns/Corefile:9:11: ") {
		t.Errorf("no cache/low-ttl warning with the Corefile position: %q", r.Warnings)
	}
	r = ts.review(t, admissionv1.Create, ndotsDeployment, "", false).Response
	if !r.Allowed || !hasWarning(r.Warnings, "dnslint warning pod/high-ndots at shop/Deployment/web spec.template.spec.dnsConfig.options[0].value: ") {
		t.Errorf("allowed %v, warnings %q", r.Allowed, r.Warnings)
	}
}

// TestDenyOn: --deny-on warning denies warnings; NeverDeny never denies.
func TestDenyOn(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), DenyOn: finding.Warning, Live: &fakeLive{}})
	if r := ts.review(t, admissionv1.Create, ndotsDeployment, "", false).Response; r.Allowed {
		t.Error("warning allowed with DenyOn warning")
	}
	ts = startServer(t, Options{Linter: linter(t), NeverDeny: true, Live: live()})
	r := ts.review(t, admissionv1.Create, brokenCustom, "", false).Response
	if !r.Allowed || !hasWarning(r.Warnings, "dnslint error forward/option-outside-block") {
		t.Errorf("DenyOn none: allowed %v, warnings %q", r.Allowed, r.Warnings)
	}
}

// TestUpdateKeepsKnownProblems: an update does not fail for a finding the old object had.
func TestUpdateKeepsKnownProblems(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: live()})
	relabelled := strings.Replace(brokenCustom, "namespace: kube-system}", "namespace: kube-system, labels: {team: dns}}", 1)
	r := ts.review(t, admissionv1.Update, relabelled, brokenCustom, false).Response
	if !r.Allowed || !hasWarning(r.Warnings, "forward/option-outside-block at kube-system/ConfigMap/coredns-custom/upstream.override:2:1 (already there before this change)") {
		t.Errorf("allowed %v, warnings %q", r.Allowed, r.Warnings)
	}
	// A second, new error is still denied.
	worse := strings.Replace(brokenCustom, "force_tcp", "force_tcp\n    prefer_udp", 1)
	r = ts.review(t, admissionv1.Update, worse, brokenCustom, false).Response
	if r.Allowed || !strings.Contains(r.Result.Message, "prefer_udp") || strings.Contains(r.Result.Message, "`force_tcp`") {
		t.Errorf("allowed %v: %+v", r.Allowed, r.Result)
	}
}

func TestDeleteAllowed(t *testing.T) {
	ts := startServer(t, Options{Linter: panicLinter{}})
	r := ts.review(t, admissionv1.Delete, "", brokenCustom, false).Response
	if !r.Allowed || len(r.Warnings) != 0 {
		t.Errorf("delete: %+v", r)
	}
}

func hasWarning(ws []string, prefix string) bool {
	for _, w := range ws {
		if strings.Contains(w, prefix) {
			return true
		}
	}
	return false
}

func TestHTTPErrors(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), MaxRequestBytes: 4096})
	good := reviewBody(t, admissionv1.Create, goodCustom, "", false)
	huge := reviewBody(t, admissionv1.Create, strings.Replace(goodCustom, "errors", "errors\n        #"+strings.Repeat("x", 5000), 1), "", false)
	cases := []struct {
		name, method, ctype string
		body                []byte
		chunked             bool
		want                int
	}{
		{"get", http.MethodGet, "", nil, false, http.StatusMethodNotAllowed},
		{"put", http.MethodPut, "application/json", good, false, http.StatusMethodNotAllowed},
		{"no content type", http.MethodPost, "", good, false, http.StatusUnsupportedMediaType},
		{"yaml", http.MethodPost, "application/yaml", good, false, http.StatusUnsupportedMediaType},
		{"json with charset", http.MethodPost, "application/json; charset=utf-8", good, false, http.StatusOK},
		{"oversized", http.MethodPost, "application/json", huge, false, http.StatusRequestEntityTooLarge},
		{"oversized chunked", http.MethodPost, "application/json", huge, true, http.StatusRequestEntityTooLarge},
		{"malformed", http.MethodPost, "application/json", []byte(`{"apiVersion":`), false, http.StatusBadRequest},
		{"not a review", http.MethodPost, "application/json", []byte(`{"apiVersion":"v1","kind":"ConfigMap"}`), false, http.StatusBadRequest},
		{"no request", http.MethodPost, "application/json", []byte(`{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}`), false, http.StatusBadRequest},
		{"object not an object", http.MethodPost, "application/json", []byte(`{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE","kind":{"kind":"ConfigMap"},"object":[1]}}`), false, http.StatusBadRequest},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader
			if c.body != nil {
				body = bytes.NewReader(c.body)
				if c.chunked {
					body = io.MultiReader(body) // unknown length: sent chunked
				}
			}
			req, err := http.NewRequest(c.method, ts.url+"/validate", body)
			if err != nil {
				t.Fatal(err)
			}
			if c.ctype != "" {
				req.Header.Set("Content-Type", c.ctype)
			}
			resp, err := ts.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			msg, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.want {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, c.want, msg)
			}
			if c.want == http.StatusMethodNotAllowed && resp.Header.Get("Allow") != "POST" {
				t.Errorf("Allow: %q", resp.Header.Get("Allow"))
			}
		})
	}
	if got := counter(t, ts, `dnslint_webhook_requests_total{result="error"}`); got != 10 {
		t.Errorf("error requests counted %v, want 10", got)
	}
}

// panicLinter panics, as a bug in a rule's Go side would.
type panicLinter struct{}

func (panicLinter) Lint(context.Context, []*source.File) (*lint.Result, error) {
	panic("boom")
}

func TestPanicRecovered(t *testing.T) {
	var calls sync.Mutex
	n := 0
	l := linterFunc(func(ctx context.Context, files []*source.File) (*lint.Result, error) {
		calls.Lock()
		n++
		first := n == 1
		calls.Unlock()
		if first {
			panic("boom")
		}
		return linter(t).Lint(ctx, files)
	})
	ts := startServer(t, Options{Linter: l, Live: live()})
	body := reviewBody(t, admissionv1.Create, goodCustom, "", false)
	resp, err := ts.client.Post(ts.url+"/validate", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", resp.StatusCode)
	}
	// The server keeps serving.
	if r := ts.review(t, admissionv1.Create, goodCustom, "", false).Response; !r.Allowed {
		t.Error("denied after a panic")
	}
	if got := counter(t, ts, `dnslint_webhook_requests_total{result="error"}`); got != 1 {
		t.Errorf("errors counted %v, want 1", got)
	}
}

type linterFunc func(context.Context, []*source.File) (*lint.Result, error)

func (f linterFunc) Lint(ctx context.Context, files []*source.File) (*lint.Result, error) {
	return f(ctx, files)
}

func TestLintErrorIs500(t *testing.T) {
	l := linterFunc(func(ctx context.Context, files []*source.File) (*lint.Result, error) {
		return nil, fmt.Errorf("evaluation timed out")
	})
	ts := startServer(t, Options{Linter: l})
	resp, err := ts.client.Post(ts.url+"/validate", "application/json", bytes.NewReader(reviewBody(t, admissionv1.Create, goodCustom, "", false)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("status %d", resp.StatusCode)
	}
}

func TestLintTimeoutFollowsAPIServer(t *testing.T) {
	h := NewHandler(Options{Linter: panicLinter{}})
	for q, want := range map[string]time.Duration{"": DefaultLintTimeout, "?timeout=5s": 4 * time.Second, "?timeout=2s": 1600 * time.Millisecond, "?timeout=bad": DefaultLintTimeout} {
		r, _ := http.NewRequest(http.MethodPost, "https://x/validate"+q, nil)
		if got := h.lintTimeout(r); got != want {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
}

// TestConcurrentReviews lints from many requests at once (run with -race). The queue
// never times out and there is no deadline, so that every review is answered however
// slow the machine is; TestOverloadFillsSlotsExactly checks the refusals.
func TestConcurrentReviews(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: live(), MaxInFlight: 3, QueueTimeout: time.Hour, LintTimeout: time.Hour})
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Go(func() {
			obj, want := goodCustom, true
			if i%2 == 1 {
				obj, want = brokenCustom, false
			}
			if r := ts.reviewAt(t, "/validate", admissionv1.Create, obj, "", false).Response; r.Allowed != want {
				t.Errorf("request %d: allowed %v", i, r.Allowed)
			}
		})
	}
	wg.Wait()
}

// TestOverloadFillsSlotsExactly: with every slot held by a review, each further review
// gets HTTP 503; once they end, the held reviews are answered and the next one is too.
func TestOverloadFillsSlotsExactly(t *testing.T) {
	const slots = 4
	started, release := make(chan struct{}, slots), make(chan struct{})
	l := linterFunc(func(ctx context.Context, files []*source.File) (*lint.Result, error) {
		started <- struct{}{}
		<-release
		return linter(t).Lint(ctx, files)
	})
	ts := startServer(t, Options{Linter: l, Live: live(), MaxInFlight: slots, QueueTimeout: time.Millisecond, LintTimeout: time.Hour})
	held := make(chan *admissionv1.AdmissionReview, slots)
	for range slots {
		go func() { held <- ts.reviewAt(t, "/validate", admissionv1.Create, goodCustom, "", false) }()
	}
	for range slots {
		<-started
	}
	for i := range 8 {
		resp, err := ts.client.Post(ts.url+"/validate", "application/json", bytes.NewReader(reviewBody(t, admissionv1.Create, goodCustom, "", false)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("review %d past the %d held: status %d, want 503", i, slots, resp.StatusCode)
		}
	}
	close(release)
	for range slots {
		if r := <-held; !r.Response.Allowed {
			t.Errorf("held review denied: %+v", r.Response.Result)
		}
	}
	go func() { <-started }()
	if r := ts.reviewAt(t, "/validate", admissionv1.Create, goodCustom, "", false); !r.Response.Allowed {
		t.Errorf("review after the slots were freed: %+v", r.Response.Result)
	}
	if got := counter(t, ts, `dnslint_webhook_requests_total{result="overloaded"}`); got != 8 {
		t.Errorf("overloaded counted %v, want 8", got)
	}
}

func TestWarningLimits(t *testing.T) {
	long := strings.Repeat("é", 300)
	var found []located
	for i := range 100 {
		found = append(found, located{
			Finding: finding.Finding{RuleID: "x/y", Severity: finding.Info, Message: fmt.Sprintf("%d line\nbreak\ttab \x00 bad \xff %s", i, long)},
			where:   "ns/Kind/name",
		})
	}
	found = append(found, located{Finding: finding.Finding{RuleID: "a/b", Severity: finding.Warning, Message: "short"}, where: "w"},
		located{Finding: finding.Finding{RuleID: "a/b", Severity: finding.Warning, Message: "short"}, where: "w"})
	ws := limitWarnings([]string{"a note"}, found)
	if len(ws) > maxWarnings {
		t.Errorf("%d warnings", len(ws))
	}
	total := 0
	for _, w := range ws {
		n := utf8.RuneCountInString(w)
		total += n
		if n > maxWarningRunes || !utf8.ValidString(w) || strings.ContainsAny(w, "\n\t\x00") {
			t.Errorf("bad warning (%d runes): %q", n, w)
		}
	}
	if total > maxWarningTotal {
		t.Errorf("total %d runes", total)
	}
	if ws[0] != "a note" || ws[1] != "dnslint warning a/b at w: short" || strings.Contains(ws[2], "short") {
		t.Errorf("order or dedup: %q", ws[:3])
	}
	if !strings.HasSuffix(ws[2], "…") || !strings.Contains(ws[2], "0 line break tab") || !strings.Contains(ws[2], "bad \uFFFD é") {
		t.Errorf("not cleaned and cut clearly: %q", ws[2])
	}
	if last := ws[len(ws)-1]; !strings.HasPrefix(last, "dnslint: ") || !strings.Contains(last, "more warnings not shown") {
		t.Errorf("last warning %q", last)
	}
	if got := limitWarnings(nil, nil); len(got) != 0 {
		t.Errorf("no findings: %q", got)
	}
}

func TestDenyMessageBounded(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: live()})
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns-custom, namespace: kube-system}\ndata:\n  upstream.override: |\n")
	for range 30 {
		b.WriteString("    force_tcp\n")
	}
	r := ts.review(t, admissionv1.Create, b.String(), "", false).Response
	if r.Allowed {
		t.Fatal("allowed")
	}
	if n := strings.Count(r.Result.Message, "\n- "); n != maxDenyItems {
		t.Errorf("%d items listed", n)
	}
	if !strings.Contains(r.Result.Message, "… and 20 more") {
		t.Errorf("no count of the rest:\n%s", r.Result.Message)
	}
}

func TestCertReload(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t)})
	serial := func() int64 {
		t.Helper()
		conn, err := tls.Dial("tcp", strings.TrimPrefix(ts.url, "https://"), &tls.Config{RootCAs: ts.ca.pool, MinVersion: tls.VersionTLS12})
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		return conn.ConnectionState().PeerCertificates[0].SerialNumber.Int64()
	}
	if s := serial(); s != 100 {
		t.Fatalf("serial %d", s)
	}
	ts.ca.issue(t, ts.certFile, ts.keyFile, 101)
	later := time.Now().Add(2 * time.Second)
	for _, f := range []string{ts.certFile, ts.keyFile} {
		if err := os.Chtimes(f, later, later); err != nil {
			t.Fatal(err)
		}
	}
	if s := serial(); s != 101 {
		t.Errorf("after rotation: serial %d, want 101", s)
	}
	// A broken pair (key not written yet) keeps the last good certificate.
	write(t, ts.keyFile, []byte("not a key"))
	if s := serial(); s != 101 {
		t.Errorf("after a broken key: serial %d, want 101", s)
	}
	if _, err := NewCertReloader(ts.certFile, ts.keyFile, nil); err == nil {
		t.Error("NewCertReloader accepts a broken pair")
	}
}

func TestProbesAndMetrics(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: live()})
	for _, path := range []string{"/healthz", "/readyz"} {
		if code, _ := get(t, ts, path); code != http.StatusOK {
			t.Errorf("%s: %d", path, code)
		}
	}
	ts.review(t, admissionv1.Create, brokenCustom, "", false)
	ts.review(t, admissionv1.Create, goodCustom, "", false)
	_, body := get(t, ts, "/metrics")
	for _, want := range []string{
		`dnslint_webhook_requests_total{result="denied"} 1`,
		`dnslint_webhook_requests_total{result="allowed"} 1`,
		`dnslint_webhook_requests_total{result="error"} 0`,
		`dnslint_webhook_findings_total{rule="forward/option-outside-block",severity="error"} 1`,
		`dnslint_webhook_request_duration_seconds_count{result="denied"} 1`,
		`dnslint_webhook_live_lookups_total{result="composed"} 2`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func get(t *testing.T, ts *testServer, path string) (int, string) {
	t.Helper()
	resp, err := ts.client.Get(ts.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// counter reads one sample of /metrics.
func counter(t *testing.T, ts *testServer, sample string) float64 {
	t.Helper()
	_, body := get(t, ts, "/metrics")
	for line := range strings.Lines(body) {
		if rest, ok := strings.CutPrefix(line, sample+" "); ok {
			var v float64
			fmt.Sscan(rest, &v)
			return v
		}
	}
	t.Fatalf("no sample %s", sample)
	return 0
}

// TestGracefulShutdown: a request in flight when the server is told to stop completes;
// /readyz fails during the shutdown delay.
func TestGracefulShutdown(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	l := linterFunc(func(ctx context.Context, files []*source.File) (*lint.Result, error) {
		close(entered)
		<-release
		return linter(t).Lint(ctx, files)
	})
	ts := startServer(t, Options{Linter: l, LintTimeout: time.Hour})
	ts.srv.ShutdownDelay = time.Hour // held by the test, never slept
	delaying, endDelay := make(chan struct{}), make(chan struct{})
	ts.srv.delay = func(time.Duration) { close(delaying); <-endDelay }
	result := make(chan int, 1)
	go func() {
		resp, err := ts.client.Post(ts.url+"/validate", "application/json", bytes.NewReader(reviewBody(t, admissionv1.Create, goodCustom, "", false)))
		if err != nil {
			result <- 0
			return
		}
		resp.Body.Close()
		result <- resp.StatusCode
	}()
	<-entered
	stopped := make(chan error, 1)
	go func() { stopped <- ts.stop(t) }()
	<-delaying
	if code, _ := get(t, ts, "/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("readyz while stopping: %d", code)
	}
	close(endDelay)
	close(release)
	if code := <-result; code != http.StatusOK {
		t.Errorf("in-flight request: %d", code)
	}
	if err := <-stopped; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// With every slot taken, a review waits QueueTimeout and gets HTTP 503 with Retry-After:
// a fast error the API server turns into its failurePolicy, not a stall.
func TestOverloadIsAFastError(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	real, err := lint.New(context.Background(), lint.Options{CompileAll: true})
	if err != nil {
		t.Fatal(err)
	}
	l := linterFunc(func(ctx context.Context, files []*source.File) (*lint.Result, error) {
		started <- struct{}{}
		<-release // holds the only slot
		return real.Lint(ctx, files)
	})
	ts := startServer(t, Options{Linter: l, MaxInFlight: 1, QueueTimeout: 50 * time.Millisecond, Metrics: NewMetrics()})
	done := make(chan *admissionv1.AdmissionReview)
	go func() { done <- ts.review(t, admissionv1.Create, goodCustom, "", false) }()
	<-started
	resp, err := ts.client.Post(ts.url+"/validate", "application/json", bytes.NewReader(reviewBody(t, admissionv1.Create, goodCustom, "", false)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("status %d, Retry-After %q: want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	close(release)
	if r := <-done; r.Response == nil || !r.Response.Allowed {
		t.Errorf("the review in flight: %+v", r.Response)
	}
	if got := counter(t, ts, `dnslint_webhook_requests_total{result="overloaded"}`); got != 1 {
		t.Errorf("overloaded counted %v, want 1", got)
	}
}
