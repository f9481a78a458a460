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
)

// httpError is a request the handler refuses with an HTTP status.
type httpError struct {
	code int
	msg  string
}

func (e *httpError) Error() string { return e.msg }

// ServeHTTP checks the request, decodes the review, lints the object and answers with an
// AdmissionReview of the same apiVersion and kind carrying the request's uid. A panic
// answers 500 and the server goes on.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	result := resultError
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("panic while serving an admission review", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			http.Error(w, "internal error", http.StatusInternalServerError)
			result = resultError
		}
		h.opts.Metrics.observe(result, time.Since(start))
	}()
	review, err := h.decode(w, r)
	if err != nil {
		var he *httpError
		if !errors.As(err, &he) {
			he = &httpError{http.StatusBadRequest, err.Error()}
		}
		if he.code == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", http.MethodPost)
		}
		h.log.Warn("bad admission request", "status", he.code, "error", he.msg, "remote", r.RemoteAddr)
		http.Error(w, he.msg, he.code)
		return
	}
	if !h.acquire(r.Context()) {
		result = resultOverloaded
		h.log.Warn("overloaded: no free slot for a review", "uid", review.Request.UID, "in_flight", cap(h.slots), "waited", h.opts.QueueTimeout)
		w.Header().Set("Retry-After", "1")
		http.Error(w, fmt.Sprintf("overloaded: %d reviews in flight", cap(h.slots)), http.StatusServiceUnavailable)
		return
	}
	defer func() { <-h.slots }()
	ctx, cancel := context.WithTimeout(r.Context(), h.lintTimeout(r))
	defer cancel()
	resp, err := h.Review(ctx, review.Request)
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
	result = resultAllowed
	if !resp.Allowed {
		result = resultDenied
	}
	h.log.Info("reviewed", "uid", review.Request.UID, "operation", review.Request.Operation,
		"kind", review.Request.Kind.Kind, "namespace", review.Request.Namespace, "name", review.Request.Name,
		"dryRun", review.Request.DryRun != nil && *review.Request.DryRun,
		"result", result, "warnings", len(resp.Warnings), "duration", time.Since(start))
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

// decode reads and checks an AdmissionReview request.
func (h *Handler) decode(w http.ResponseWriter, r *http.Request) (*admissionv1.AdmissionReview, error) {
	if r.Method != http.MethodPost {
		return nil, &httpError{http.StatusMethodNotAllowed, "method " + r.Method + " not allowed: POST an AdmissionReview"}
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return nil, &httpError{http.StatusUnsupportedMediaType, fmt.Sprintf("content type %q: want application/json", r.Header.Get("Content-Type"))}
	}
	tooLarge := &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", h.opts.MaxRequestBytes)}
	if r.ContentLength > h.opts.MaxRequestBytes {
		return nil, tooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxRequestBytes))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, tooLarge
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
	resp := &admissionv1.AdmissionResponse{UID: req.UID, Allowed: true}
	if req.Operation == admissionv1.Delete || req.Operation == admissionv1.Connect || len(req.Object.Raw) == 0 {
		return resp, nil
	}
	meta := kubeapi.Meta{APIVersion: groupVersion(req.Kind), Kind: req.Kind.Kind, Namespace: req.Namespace}
	obj, err := kubeapi.FromJSON(req.Object.Raw, meta)
	if err != nil {
		return nil, &httpError{http.StatusBadRequest, "request.object: " + err.Error()}
	}
	var notes []string
	partner, note := h.partner(obj)
	if note != "" {
		notes = append(notes, note)
	}
	found, err := h.lint(ctx, obj, partner)
	if err != nil {
		return nil, err
	}
	var before map[string]int
	if req.Operation == admissionv1.Update && len(req.OldObject.Raw) > 0 {
		if old, err := kubeapi.FromJSON(req.OldObject.Raw, meta); err == nil {
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

// located is a finding with where it is, for people.
type located struct {
	finding.Finding
	owner *kubeapi.Object
	where string
	note  string
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
		f.Message = kubeapi.RewriteMessage(f.Message, f.Pos, objs)
		l := located{Finding: f, owner: kubeapi.Owner(f.Pos, objs), where: f.Pos.String()}
		if l.owner != nil {
			l.where = l.owner.Describe(f.Pos)
		}
		out = append(out, l)
	}
	return out, nil
}

// partner returns the live ConfigMap that obj is composed with, or a note saying why there
// is none when there should be one.
func (h *Handler) partner(obj *kubeapi.Object) (*kubeapi.Object, string) {
	name, ok := partners[obj.Name]
	if obj.Kind != "ConfigMap" || !ok {
		return nil, ""
	}
	id := kubeapi.ID(obj.Namespace, "ConfigMap", name)
	alone := "linted alone"
	if obj.Name == "coredns-custom" {
		alone = "linted with the platform's default Corefile"
	}
	if h.opts.Live == nil {
		return nil, fmt.Sprintf("dnslint: no cluster access, so %s was not composed with the live %s: %s", obj.ID, id, alone)
	}
	raw, found, err := h.opts.Live.ConfigMap(obj.Namespace, name)
	switch {
	case err != nil:
		h.opts.Metrics.live("unavailable")
		return nil, fmt.Sprintf("dnslint: the live %s is unavailable (%v), so %s was %s", id, err, obj.ID, alone)
	case !found:
		h.opts.Metrics.live("absent")
		if obj.Name == "coredns-custom" {
			return nil, fmt.Sprintf("dnslint: %s does not exist, so %s was %s", id, obj.ID, alone)
		}
		return nil, ""
	}
	p, err := kubeapi.FromJSON(raw, kubeapi.Meta{APIVersion: "v1", Kind: "ConfigMap", Namespace: obj.Namespace})
	if err != nil {
		h.opts.Metrics.live("unavailable")
		return nil, fmt.Sprintf("dnslint: cannot read the live %s (%v), so %s was %s", id, err, obj.ID, alone)
	}
	h.opts.Metrics.live("composed")
	return p, ""
}

func groupVersion(gvk metav1.GroupVersionKind) string {
	if gvk.Group == "" {
		return gvk.Version
	}
	return gvk.Group + "/" + gvk.Version
}

// maxDenyItems bounds the findings a denial lists; maxDenyRunes bounds each one.
const (
	maxDenyItems = 10
	maxDenyRunes = 600
)

// denyMessage lists the findings that deny the request: rule, position (inside the
// embedded Corefile for a ConfigMap key) and the rule's message, which says how to fix it.
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
	}
	return b.String()
}
