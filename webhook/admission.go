package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	admissionv1 "k8s.io/api/admission/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/kubeapi"
)

// Handler serves POST /validate: one AdmissionReview in, one out.
type Handler struct {
	opts  Options
	log   *slog.Logger
	slots chan struct{} // one per review being linted (Options.MaxInFlight)
}

// NewHandler returns the /validate handler.
func NewHandler(opts Options) *Handler {
	if opts.DenyOn == 0 {
		opts.DenyOn = finding.Error
	}
	if opts.MaxRequestBytes <= 0 {
		opts.MaxRequestBytes = DefaultMaxRequestBytes
	}
	if opts.LintTimeout <= 0 {
		opts.LintTimeout = DefaultLintTimeout
	}
	if opts.MaxKeys <= 0 {
		opts.MaxKeys = DefaultMaxKeys
	}
	if opts.MaxTokens <= 0 {
		opts.MaxTokens = DefaultMaxTokens
	}
	if opts.HeapShare <= 0 || opts.HeapShare > 1 {
		opts.HeapShare = DefaultHeapShare
	}
	if opts.liveHeap == nil {
		opts.liveHeap = liveHeap
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.MaxInFlight <= 0 {
		opts.MaxInFlight = 2 * runtime.GOMAXPROCS(0)
	}
	if opts.QueueTimeout <= 0 {
		opts.QueueTimeout = DefaultQueueTimeout
	}
	return &Handler{opts: opts, log: log, slots: make(chan struct{}, opts.MaxInFlight)}
}

// The results a request is counted under.
const (
	resultAllowed    = "allowed"
	resultDenied     = "denied"
	resultError      = "error"
	resultOverloaded = "overloaded"
	resultUnreviewed = "unreviewed"
)

// httpError is a request the handler refuses with an HTTP status.
type httpError struct {
	code int
	msg  string
}

func (e *httpError) Error() string { return e.msg }

// ServeHTTP checks the request, decodes the review, lints the object and answers with an
// AdmissionReview of the same apiVersion and kind carrying the request's uid. One
// deadline, from the request's arrival, covers reading and decoding the review, waiting
// for a slot, parsing, composition and evaluation: past it, or past a budget, the answer
// is unreviewed's. A panic answers 500 and the server goes on.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	result := resultError
	defer func() {
		if p := recover(); p != nil {
			h.logPanic(p)
			http.Error(w, "internal error", http.StatusInternalServerError)
			result = resultError
		}
		h.opts.Metrics.observe(result, time.Since(start))
	}()
	timeout := h.lintTimeout(r)
	ctx, cancel := context.WithTimeoutCause(r.Context(), timeout, deadlineBudget(timeout))
	defer cancel()
	if err := h.check(r); err != nil {
		h.refuse(w, r, err)
		return
	}
	if !h.acquire(ctx) {
		result = resultOverloaded
		h.log.Warn("overloaded: no free slot for a review", "in_flight", cap(h.slots), "waited", h.opts.QueueTimeout)
		w.Header().Set("Retry-After", "1")
		http.Error(w, fmt.Sprintf("overloaded: %d reviews in flight", cap(h.slots)), http.StatusServiceUnavailable)
		return
	}
	release := func() { <-h.slots }
	defer func() {
		if release != nil {
			release()
		}
	}()
	if dl, ok := ctx.Deadline(); ok {
		_ = http.NewResponseController(w).SetReadDeadline(dl) // the body is read within the deadline too
	}
	review, err := h.decode(w, r)
	if err != nil {
		h.refuse(w, r, err)
		return
	}
	if h.opts.DeadlinePassed {
		var expire context.CancelFunc
		ctx, expire = context.WithTimeoutCause(ctx, 0, deadlineBudget(timeout))
		defer expire()
	}
	resp, err := h.reviewWithin(ctx, review.Request, release)
	release = nil // reviewWithin releases the slot when the review has really ended
	var be *budgetError
	if errors.As(err, &be) {
		h.log.Warn("not reviewed: budget", "uid", review.Request.UID, "kind", review.Request.Kind.Kind,
			"namespace", review.Request.Namespace, "name", review.Request.Name, "reason", be.msg)
		resp, err = h.unreviewed(review.Request, be), nil
		result = resultUnreviewed
	}
	if err != nil {
		code := http.StatusInternalServerError
		var he *httpError
		if errors.As(err, &he) {
			code = he.code
		}
		h.log.Error("cannot review", "uid", review.Request.UID, "kind", review.Request.Kind.Kind,
			"namespace", review.Request.Namespace, "name", review.Request.Name, "error", err)
		http.Error(w, err.Error(), code)
		return
	}
	out := admissionv1.AdmissionReview{TypeMeta: review.TypeMeta, Response: resp}
	body, err := json.Marshal(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
	if result != resultUnreviewed {
		result = resultAllowed
		if !resp.Allowed {
			result = resultDenied
		}
	}
	h.log.Info("reviewed", "uid", review.Request.UID, "operation", review.Request.Operation,
		"kind", review.Request.Kind.Kind, "namespace", review.Request.Namespace, "name", review.Request.Name,
		"dryRun", review.Request.DryRun != nil && *review.Request.DryRun,
		"result", result, "allowed", resp.Allowed, "warnings", len(resp.Warnings), "duration", time.Since(start))
}

func (h *Handler) logPanic(p any) {
	h.log.Error("panic while serving an admission review", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
}

// errPanic is a review that panicked (logged with its stack).
var errPanic = errors.New("internal error")

// reviewWithin runs Review under the review's deadline and heap guard, and returns when
// it ends or when ctx does, whichever is first: the answer never waits for a step that
// does not stop at once. release frees the review's slot once Review has returned.
func (h *Handler) reviewWithin(ctx context.Context, req *admissionv1.AdmissionRequest, release func()) (*admissionv1.AdmissionResponse, error) {
	if err := context.Cause(ctx); err != nil {
		release()
		return nil, err
	}
	in, early, err := h.prepare(req) // within the budget before the heap is watched
	if early != nil || err != nil {
		release()
		return early, err
	}
	heapAtStart, err := h.startWithinHeap()
	if err != nil {
		release()
		return nil, err
	}
	rctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	type answer struct {
		resp *admissionv1.AdmissionResponse
		err  error
	}
	done := make(chan answer, 1)
	go h.watchHeap(rctx, cancel, heapAtStart)
	go func() {
		defer release()
		defer func() {
			if p := recover(); p != nil {
				h.logPanic(p)
				done <- answer{err: errPanic}
			}
		}()
		resp, err := h.review(rctx, req, in)
		done <- answer{resp, err}
	}()
	var a answer
	select {
	case a = <-done:
	case <-rctx.Done():
	}
	if a.resp == nil && rctx.Err() != nil {
		// Ended by the deadline or the heap guard: a lint error then is only its echo.
		return nil, context.Cause(rctx)
	}
	return a.resp, a.err
}

// refuse answers a request that is not a review the handler can decode.
func (h *Handler) refuse(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		he = &httpError{http.StatusBadRequest, err.Error()}
	}
	if he.code == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", http.MethodPost)
	}
	h.log.Warn("bad admission request", "status", he.code, "error", he.msg, "remote", r.RemoteAddr)
	http.Error(w, he.msg, he.code)
}

// acquire waits up to QueueTimeout for a free review slot.
func (h *Handler) acquire(ctx context.Context) bool {
	select {
	case h.slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(h.opts.QueueTimeout)
	defer t.Stop()
	select {
	case h.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

// check refuses what is not a POST of JSON, or announces a body over the limit, before
// the request waits for a slot.
func (h *Handler) check(r *http.Request) error {
	if r.Method != http.MethodPost {
		return &httpError{http.StatusMethodNotAllowed, "method " + r.Method + " not allowed: POST an AdmissionReview"}
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return &httpError{http.StatusUnsupportedMediaType, fmt.Sprintf("content type %q: want application/json", r.Header.Get("Content-Type"))}
	}
	if r.ContentLength > h.opts.MaxRequestBytes {
		return h.tooLarge()
	}
	return nil
}

func (h *Handler) tooLarge() *httpError {
	return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf(
		"dnslint: request body over %d bytes (--max-request-bytes; the API server's limit for one object is 1.5 MiB): not reviewed", h.opts.MaxRequestBytes)}
}

// decode reads the body, at most MaxRequestBytes of it, and checks the AdmissionReview.
func (h *Handler) decode(w http.ResponseWriter, r *http.Request) (*admissionv1.AdmissionReview, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxRequestBytes))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, h.tooLarge()
	}
	if err != nil {
		return nil, fmt.Errorf("reading the request: %w", err)
	}
	var review admissionv1.AdmissionReview
	if err := json.Unmarshal(body, &review); err != nil {
		return nil, fmt.Errorf("malformed AdmissionReview: %w", err)
	}
	gv := review.APIVersion
	if review.Kind != "AdmissionReview" || (gv != "admission.k8s.io/v1" && gv != "admission.k8s.io/v1beta1") {
		return nil, fmt.Errorf("want an AdmissionReview of admission.k8s.io/v1, got apiVersion %q kind %q", gv, review.Kind)
	}
	if review.Request == nil {
		return nil, errors.New("AdmissionReview without a request")
	}
	return &review, nil
}

// lintTimeout is the time one review may take: the configured bound, shortened to leave
// room in the API server's own timeout (sent as ?timeout=5s).
func (h *Handler) lintTimeout(r *http.Request) time.Duration {
	d := h.opts.LintTimeout
	if t, err := time.ParseDuration(r.URL.Query().Get("timeout")); err == nil && t > 0 {
		d = min(d, max(t-t/5, 100*time.Millisecond))
	}
	return d
}

// partners says which live ConfigMap a ConfigMap is composed with: the Corefile that imports
// coredns-custom, and the other way round.
var partners = map[string]string{"coredns-custom": "coredns", "coredns": "coredns-custom"}

// Review decides one admission request. Deletions and connections are allowed without a look.
func (h *Handler) Review(ctx context.Context, req *admissionv1.AdmissionRequest) (*admissionv1.AdmissionResponse, error) {
	in, resp, err := h.prepare(req)
	if resp != nil || err != nil {
		return resp, err
	}
	return h.review(ctx, req, in)
}

// prepared holds a request's objects, decoded and within the budget, not yet rendered
// (rendering costs memory, and is done while the heap is watched).
type prepared struct {
	meta     kubeapi.Meta
	obj, old map[string]any // old: nil without one, or past the budget
}

// prepare decodes the request's objects and holds them to the budget (checkObject), before
// anything is linted: an answer for a request that needs no look, or an error.
func (h *Handler) prepare(req *admissionv1.AdmissionRequest) (*prepared, *admissionv1.AdmissionResponse, error) {
	if req.Operation == admissionv1.Delete || req.Operation == admissionv1.Connect || len(req.Object.Raw) == 0 {
		return nil, &admissionv1.AdmissionResponse{UID: req.UID, Allowed: true}, nil
	}
	meta := kubeapi.Meta{APIVersion: groupVersion(req.Kind), Kind: req.Kind.Kind, Namespace: req.Namespace}
	obj, err := h.decodeObject(req.Object.Raw, "the object")
	if err != nil {
		return nil, nil, err
	}
	in := &prepared{meta: meta, obj: obj}
	if req.Operation == admissionv1.Update && len(req.OldObject.Raw) > 0 {
		// An old object past the budget is not linted: every finding can then deny.
		if old, err := h.decodeObject(req.OldObject.Raw, "the old object"); err == nil {
			in.old = old
		}
	}
	return in, nil, nil
}

// review lints a prepared request and decides it.
func (h *Handler) review(ctx context.Context, req *admissionv1.AdmissionRequest, in *prepared) (*admissionv1.AdmissionResponse, error) {
	resp := &admissionv1.AdmissionResponse{UID: req.UID, Allowed: true}
	obj, err := kubeapi.FromMap(in.obj, in.meta)
	if err != nil {
		return nil, err
	}
	var notes []string
	partner, note, err := h.partner(obj)
	if err != nil {
		return nil, err
	}
	if note != "" {
		notes = append(notes, note)
	}
	found, err := h.lint(ctx, obj, partner)
	if err != nil {
		return nil, err
	}
	var before map[string]int
	if in.old != nil {
		old, err := kubeapi.FromMap(in.old, in.meta)
		if err != nil {
			return nil, err
		}
		// Findings that the old object had too are reported, never a reason to deny:
		// otherwise an unrelated edit of an object with a known problem is blocked.
		oldFound, err := h.lint(ctx, old, partner)
		if err != nil {
			return nil, err
		}
		before = map[string]int{}
		for _, f := range oldFound {
			if f.owner == old {
				before[f.key()]++
			}
		}
	}
	var deny, warn []located
	for _, f := range found {
		h.opts.Metrics.finding(f.RuleID, f.Severity)
		switch {
		case f.owner != obj:
			f.note = "in the live object"
		case before[f.key()] > 0:
			before[f.key()]--
			f.note = "already there before this change"
		case f.Severity >= h.opts.DenyOn && !h.opts.NeverDeny:
			deny = append(deny, f)
			continue
		}
		warn = append(warn, f)
	}
	resp.Warnings = limitWarnings(notes, warn)
	if len(deny) > 0 {
		resp.Allowed = false
		resp.Result = &metav1.Status{
			Status:  metav1.StatusFailure,
			Code:    http.StatusBadRequest,
			Reason:  metav1.StatusReasonBadRequest,
			Message: denyMessage(obj, deny, h.opts.DenyOn),
		}
	}
	return resp, nil
}

// located is a finding with where it is, for people: where for its position, places for
// its related locations (each "where: message"), mapped the same way.
type located struct {
	finding.Finding
	owner  *kubeapi.Object
	where  string
	places []string
	note   string
}

func (f located) key() string { return f.RuleID + "\x00" + f.Message }

// lint lints obj, with the live partner when there is one.
func (h *Handler) lint(ctx context.Context, obj, partner *kubeapi.Object) ([]located, error) {
	objs := []*kubeapi.Object{obj}
	if partner != nil {
		objs = append(objs, partner)
	}
	res, err := h.opts.Linter.Lint(ctx, kubeapi.Files(objs))
	if err != nil {
		return nil, fmt.Errorf("linting %s: %w", obj.ID, err)
	}
	out := make([]located, 0, len(res.Findings))
	for _, f := range res.Findings {
		l := located{Finding: f, owner: kubeapi.Owner(f.Pos, objs), where: kubeapi.Describe(f.Pos, objs)}
		for _, r := range f.Related {
			l.places = append(l.places, kubeapi.Describe(r.Pos, objs)+": "+r.Message)
		}
		out = append(out, l)
	}
	return out, nil
}

// partner returns the live ConfigMap that obj is composed with, or a note saying why there
// is none when there should be one.
func (h *Handler) partner(obj *kubeapi.Object) (*kubeapi.Object, string, error) {
	name, ok := partners[obj.Name]
	if obj.Kind != "ConfigMap" || !ok {
		return nil, "", nil
	}
	id := kubeapi.ID(obj.Namespace, "ConfigMap", name)
	alone := "linted alone"
	if obj.Name == "coredns-custom" {
		alone = "linted with the platform's default Corefile"
	}
	if h.opts.Live == nil {
		return nil, fmt.Sprintf("dnslint: no cluster access, so %s was not composed with the live %s: %s", obj.ID, id, alone), nil
	}
	raw, found, err := h.opts.Live.ConfigMap(obj.Namespace, name)
	switch {
	case err != nil:
		h.opts.Metrics.live("unavailable")
		return nil, fmt.Sprintf("dnslint: the live %s is unavailable (%v), so %s was %s", id, err, obj.ID, alone), nil
	case !found:
		h.opts.Metrics.live("absent")
		if obj.Name == "coredns-custom" {
			return nil, fmt.Sprintf("dnslint: %s does not exist, so %s was %s", id, obj.ID, alone), nil
		}
		return nil, "", nil
	}
	m, err := h.decodeObject(raw, "the live "+id)
	var be *budgetError
	if errors.As(err, &be) {
		return nil, "", err // composed with it, the change would be linted past the budget
	}
	var p *kubeapi.Object
	if err == nil {
		p, err = kubeapi.FromMap(m, kubeapi.Meta{APIVersion: "v1", Kind: "ConfigMap", Namespace: obj.Namespace})
	}
	if err != nil {
		h.opts.Metrics.live("unavailable")
		return nil, fmt.Sprintf("dnslint: cannot read the live %s (%v), so %s was %s", id, err, obj.ID, alone), nil
	}
	h.opts.Metrics.live("composed")
	return p, "", nil
}

// decodeObject decodes an object of the review and holds it to the budget (checkObject);
// what names it in errors.
func (h *Handler) decodeObject(raw []byte, what string) (map[string]any, error) {
	m, err := kubeapi.DecodeJSON(raw)
	if err != nil {
		return nil, &httpError{http.StatusBadRequest, what + ": " + err.Error()}
	}
	if err := h.checkObject(m, what); err != nil {
		return nil, err
	}
	return m, nil
}

func groupVersion(gvk metav1.GroupVersionKind) string {
	if gvk.Group == "" {
		return gvk.Version
	}
	return gvk.Group + "/" + gvk.Version
}

// maxDenyItems bounds the findings a denial lists; maxDenyRunes bounds each one, and each
// related place; maxDenyPlaces bounds the related places listed under a finding.
const (
	maxDenyItems  = 10
	maxDenyRunes  = 600
	maxDenyPlaces = 3
)

// denyMessage lists the findings that deny the request: rule, position (inside the
// embedded Corefile for a ConfigMap key) and the rule's message, which says how to fix it,
// then the other places it names (its related locations), one "see" line each.
func denyMessage(obj *kubeapi.Object, deny []located, denyOn finding.Severity) string {
	var b strings.Builder
	noun := "finding"
	if len(deny) > 1 {
		noun = "findings"
	}
	fmt.Fprintf(&b, "dnslint: %s has %d %s at %s or above:", obj.ID, len(deny), noun, denyOn)
	for i, f := range deny {
		if i == maxDenyItems {
			fmt.Fprintf(&b, "\n… and %d more; run `dnslint audit` or `dnslint lint` on the manifest to see them all", len(deny)-i)
			break
		}
		fmt.Fprintf(&b, "\n- %s at %s: %s", f.RuleID, f.where, truncate(clean(f.Message), maxDenyRunes))
		for j, p := range f.places {
			if j == maxDenyPlaces {
				fmt.Fprintf(&b, "\n  see %d more places", len(f.places)-j)
				break
			}
			fmt.Fprintf(&b, "\n  see %s", truncate(clean(p), maxDenyRunes))
		}
	}
	return b.String()
}
