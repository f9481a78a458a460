package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	admissionv1 "k8s.io/api/admission/v1"

	"github.com/dnslint/dnslint/internal/reviewgen"
	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/parse/corefile"
	"github.com/dnslint/dnslint/lint/source"
)

// post sends body to /validate (without the API server's ?timeout=, so that only the
// test's options end a review) and returns the status and the decoded review (nil when
// the answer is not one).
func post(t *testing.T, ts *testServer, body []byte) (int, *admissionv1.AdmissionReview, string) {
	t.Helper()
	resp, err := ts.client.Post(ts.url+"/validate", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out admissionv1.AdmissionReview
	if resp.StatusCode != http.StatusOK || json.Unmarshal(b, &out) != nil || out.Response == nil {
		return resp.StatusCode, nil, string(b)
	}
	return resp.StatusCode, &out, string(b)
}

// mustDeny requires an AdmissionReview that denies the request with a message holding
// each of want.
func mustDeny(t *testing.T, ts *testServer, body []byte, want ...string) *admissionv1.AdmissionResponse {
	t.Helper()
	code, review, raw := post(t, ts, body)
	if review == nil {
		t.Fatalf("HTTP %d, not an AdmissionReview: %.300s", code, raw)
	}
	r := review.Response
	if r.Allowed || r.Result == nil {
		t.Fatalf("allowed: %+v", r)
	}
	for _, w := range want {
		if !strings.Contains(r.Result.Message, w) {
			t.Errorf("message %q lacks %q", r.Result.Message, w)
		}
	}
	return r
}

// Issue 10: a 1 MiB coredns-custom of 36,920 small .server keys — within the API server's
// ConfigMap limit — is denied at the key budget before it is rendered or linted.
func TestFloodOfKeysDeniedAtBudget(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: live()})
	body := reviewgen.Flood("uid-flood")
	r := mustDeny(t, ts, body, "kube-system/ConfigMap/coredns-custom", "36920 keys", "budget of 256 (--max-keys)")
	if r.UID != "uid-flood" || r.Result.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("uid %q, code %d", r.UID, r.Result.Code)
	}
	if got := counter(t, ts, `dnslint_webhook_requests_total{result="unreviewed"}`); got != 1 {
		t.Errorf("unreviewed counted %v, want 1", got)
	}
}

func TestTokensDeniedAtBudget(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: live(), MaxTokens: 100})
	var b strings.Builder
	b.WriteString("big.server: |\n  big.example:53 {\n")
	for range 40 {
		b.WriteString("    # a comment is no token at all\n    errors\n    log . {common}\n")
	}
	b.WriteString("  }\n")
	obj := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns-custom, namespace: kube-system}\ndata:\n  " + strings.ReplaceAll(b.String(), "\n", "\n  ")
	mustDeny(t, ts, reviewBody(t, admissionv1.Create, obj, "", false), "more than 100 Corefile tokens", "--max-tokens")
	// The comments are not counted: the same Corefile with 30 of them fits.
	if got := corefile.CountTokens([]byte("# one two three\nerrors # four five\n  log . {common}\n"), 100); got != 4 {
		t.Errorf("CountTokens: %d, want 4", got)
	}
}

// The live ConfigMap a change is composed with is held to the same budget.
func TestLivePartnerOverBudgetDenied(t *testing.T) {
	lv := &fakeLive{objects: map[string]string{"kube-system/coredns-custom": string(reviewgen.ConfigMap("kube-system", "coredns-custom", reviewgen.FloodData(300)))}}
	ts := startServer(t, Options{Linter: linter(t), Live: lv})
	mustDeny(t, ts, reviewBody(t, admissionv1.Create, liveCoreDNS, "", false), "the live kube-system/ConfigMap/coredns-custom has 300 keys")
}

// Issue 10 (c): a body over the API server's 1.5 MiB object limit is refused with a clear
// HTTP error (the API server then applies the failurePolicy), before it is decoded.
func TestBodyOverObjectLimitRefused(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t)})
	data := map[string]string{"Corefile": ".:53 {\n    errors\n}\n", "pad": strings.Repeat("x", DefaultMaxRequestBytes)}
	body := reviewgen.Review("u", "ConfigMap", "kube-system", "coredns", reviewgen.ConfigMap("kube-system", "coredns", data))
	code, review, raw := post(t, ts, body)
	if code != http.StatusRequestEntityTooLarge || review != nil || !strings.Contains(raw, "request body over 1572864 bytes") {
		t.Errorf("HTTP %d: %s", code, raw)
	}
}

// Issue 10 (d): a review past its deadline is answered at once: a DNS ConfigMap denied
// with a message naming the deadline (its webhook fails closed)…
func TestDeadlinePassedDeniesConfigMap(t *testing.T) {
	var linted atomic.Bool
	l := linterFunc(func(ctx context.Context, files []*source.File) (*lint.Result, error) {
		linted.Store(true)
		return linter(t).Lint(ctx, files)
	})
	ts := startServer(t, Options{Linter: l, Live: live(), DeadlinePassed: true, LintTimeout: DefaultLintTimeout})
	r := mustDeny(t, ts, reviewBody(t, admissionv1.Create, goodCustom, "", false), "did not finish within its deadline of 4s", "timeoutSeconds is 5")
	if r.Result.Code != http.StatusGatewayTimeout {
		t.Errorf("code %d", r.Result.Code)
	}
	if linted.Load() {
		t.Error("linted past the deadline")
	}
}

// …and a workload admitted with a warning, as its webhook's failurePolicy Ignore would,
// unless DenyUnreviewedWorkloads.
func TestDeadlinePassedAdmitsWorkload(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), DeadlinePassed: true})
	r := ts.review(t, admissionv1.Create, ndotsDeployment, "", false).Response
	if !r.Allowed || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "shop/Deployment/web was admitted without a review: the review did not finish within its deadline") {
		t.Errorf("allowed %v, warnings %q", r.Allowed, r.Warnings)
	}
	strict := startServer(t, Options{Linter: linter(t), DeadlinePassed: true, DenyUnreviewedWorkloads: true})
	mustDeny(t, strict, reviewBody(t, admissionv1.Create, ndotsDeployment, "", false), "--deny-unreviewed-workloads", "deadline")
}

// The heap guard refuses to start a review while the live heap is past its share of the
// memory limit.
func TestHeapPastShareRefusesToStart(t *testing.T) {
	var linted atomic.Bool
	l := linterFunc(func(ctx context.Context, files []*source.File) (*lint.Result, error) {
		linted.Store(true)
		return linter(t).Lint(ctx, files)
	})
	ts := startServer(t, Options{Linter: l, Live: live(), MemoryLimit: 256 << 20,
		liveHeap: func() uint64 { return 129 << 20 }})
	r := mustDeny(t, ts, reviewBody(t, admissionv1.Create, goodCustom, "", false), "live heap (129 MiB) is past its share of the memory limit (128 of 256 MiB")
	if r.Result.Code != http.StatusServiceUnavailable || linted.Load() {
		t.Errorf("code %d, linted %v", r.Result.Code, linted.Load())
	}
}

// A review whose heap grows past its share is ended, and answered although the step it
// is in does not stop (the linter here ignores its context): the answer never waits.
func TestHeapGrowthEndsReviewAndAnswersAtOnce(t *testing.T) {
	var heap atomic.Uint64
	heap.Store(40 << 20)
	stuck := make(chan struct{})
	t.Cleanup(func() { close(stuck) })
	l := linterFunc(func(ctx context.Context, files []*source.File) (*lint.Result, error) {
		heap.Store(110 << 20) // 70 MiB more, past one review's share: 128 MiB / 2 slots
		<-stuck
		return nil, ctx.Err()
	})
	ts := startServer(t, Options{Linter: l, Live: live(), MemoryLimit: 256 << 20, MaxInFlight: 2, LintTimeout: time.Hour,
		liveHeap: heap.Load})
	mustDeny(t, ts, reviewBody(t, admissionv1.Create, goodCustom, "", false), "grew the webhook's live heap by 70 MiB, past one review's share (64 MiB")
}

// The default budget fits real configurations, as the CLI's limits do: a coredns-custom
// whose hosts block lists 10,000 entries (about 20,000 tokens) is reviewed, not denied at
// the token budget.
func TestRealHostsListFitsTheBudget(t *testing.T) {
	ts := startServer(t, Options{Linter: linter(t), Live: live()})
	var b strings.Builder
	b.WriteString("hosts.override: |\n  hosts {\n")
	for i := range 10000 {
		fmt.Fprintf(&b, "    10.%d.%d.%d host%d.corp.example\n", i>>16&255, i>>8&255, i&255, i)
	}
	b.WriteString("    fallthrough\n  }\n")
	obj := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns-custom, namespace: kube-system}\ndata:\n  " + strings.ReplaceAll(b.String(), "\n", "\n  ")
	code, review, raw := post(t, ts, reviewBody(t, admissionv1.Create, obj, "", false))
	if review == nil {
		t.Fatalf("HTTP %d, not an AdmissionReview: %.300s", code, raw)
	}
	if r := review.Response; r.Result != nil && strings.Contains(r.Result.Message, "budget") {
		t.Fatalf("a 10,000-entry hosts list hit a budget: %s", r.Result.Message)
	}
}
