package webhook

import (
	"context"
	"fmt"
	"net/http"
	"runtime/metrics"
	"time"

	admissionv1 "k8s.io/api/admission/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/dnslint/dnslint/lint/kubeapi"
	"github.com/dnslint/dnslint/lint/parse/corefile"
)

// A review's budget. The API server waits TimeoutSeconds for an answer, then applies the
// webhook's failurePolicy; a review that would take longer, or more memory than the
// webhook has, is answered at once by its budget instead (see unreviewed): a denial for a
// DNS ConfigMap, whose webhook fails closed, an admission with a warning for a workload,
// whose webhook fails open — never an HTTP 500, a hang or a killed replica.
const (
	// TimeoutSeconds is the timeoutSeconds of both webhooks in webhook/selfmanaged/configuration.yaml
	// (deploy's test checks that they agree).
	TimeoutSeconds = 5
	// DeadlineMargin is the part of TimeoutSeconds left for the answer to reach the API
	// server.
	DeadlineMargin = time.Second
	// DefaultLintTimeout is the deadline of one review, from the request's arrival to the
	// answer: reading and decoding the review, parsing, composition and evaluation.
	DefaultLintTimeout = TimeoutSeconds*time.Second - DeadlineMargin
	// DefaultMaxRequestBytes bounds a request body: 1.5 MiB, the API server's (etcd's)
	// limit for one object. An UPDATE carries the old object too, so the bound holds for
	// both together.
	DefaultMaxRequestBytes = 3 << 19
	// DefaultMaxKeys bounds the data and binaryData keys of one ConfigMap. CoreDNS
	// ConfigMaps hold a handful; the API server accepts tens of thousands of small keys
	// within its 1 MiB ConfigMap limit, and each costs a Corefile parse and evaluation.
	DefaultMaxKeys = 256
	// DefaultMaxTokens bounds the Corefile tokens in one ConfigMap's data (as caddy's
	// lexer reads them): dnslint's limit for one Corefile with its imports, so that what the CLI
	// lints (a hosts block of 10,000 entries) the webhook reviews too.
	DefaultMaxTokens = corefile.MaxTokens
	// DefaultHeapShare is the share of the memory limit that the live heap may reach: Go's
	// collector lets the heap grow to twice the live heap (GOGC=100) before collecting.
	DefaultHeapShare = 0.5
	// heapPollInterval is how often a review's heap growth is checked.
	heapPollInterval = 5 * time.Millisecond
)

// budgetError is a review that a budget or the deadline ends: answered by unreviewed.
type budgetError struct {
	code   int32
	reason metav1.StatusReason
	msg    string
}

func (e *budgetError) Error() string { return e.msg }

func objectBudget(format string, args ...any) *budgetError {
	return &budgetError{http.StatusRequestEntityTooLarge, metav1.StatusReasonRequestEntityTooLarge, fmt.Sprintf(format, args...)}
}

func deadlineBudget(d time.Duration) *budgetError {
	return &budgetError{http.StatusGatewayTimeout, metav1.StatusReasonTimeout, fmt.Sprintf(
		"the review did not finish within its deadline of %s (--lint-timeout, shortened by the API server's ?timeout=; the webhook configuration's timeoutSeconds is %d)",
		d, TimeoutSeconds)}
}

func memoryBudget(format string, args ...any) *budgetError {
	return &budgetError{http.StatusServiceUnavailable, metav1.StatusReasonServiceUnavailable, fmt.Sprintf(format, args...)}
}

// checkObject enforces the budgets of one object before it is rendered and linted: the
// keys of a ConfigMap and the Corefile tokens of its data. what names the object.
func (h *Handler) checkObject(obj map[string]any, what string) error {
	if kind, _ := obj["kind"].(string); kind != "ConfigMap" && kind != "" {
		return nil
	}
	data, _ := obj["data"].(map[string]any)
	binary, _ := obj["binaryData"].(map[string]any)
	if n := len(data) + len(binary); n > h.opts.MaxKeys {
		return objectBudget("%s has %d keys, over the webhook's budget of %d (--max-keys)", what, n, h.opts.MaxKeys)
	}
	tokens := 0
	for _, v := range data {
		s, _ := v.(string)
		tokens += corefile.CountTokens([]byte(s), h.opts.MaxTokens-tokens+1)
		if tokens > h.opts.MaxTokens {
			return objectBudget("%s holds more than %d Corefile tokens, the webhook's budget (--max-tokens)", what, h.opts.MaxTokens)
		}
	}
	return nil
}

// liveHeap is the live heap as of the last garbage collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// heapCap is the live heap above which no review starts, and heapShare the growth of the
// live heap that one review may cause; 0 without a memory limit.
func (h *Handler) heapCap() uint64 {
	return uint64(float64(h.opts.MemoryLimit) * h.opts.HeapShare)
}

func (h *Handler) heapShare() uint64 { return h.heapCap() / uint64(cap(h.slots)) }

// startWithinHeap refuses to start a review while the live heap is past its cap, and
// returns the live heap the review starts from.
func (h *Handler) startWithinHeap() (uint64, error) {
	if h.opts.MemoryLimit <= 0 {
		return 0, nil
	}
	live := h.opts.liveHeap()
	if live > h.heapCap() {
		return 0, memoryBudget("the webhook's live heap (%d MiB) is past its share of the memory limit (%d of %d MiB, --heap-share of --memory-limit): try again when the reviews in flight have ended",
			live>>20, h.heapCap()>>20, h.opts.MemoryLimit>>20)
	}
	return live, nil
}

// watchHeap cancels ctx once the live heap has grown by more than one review's share
// since start (the live heap when the review started), and stops when ctx ends.
func (h *Handler) watchHeap(ctx context.Context, cancel context.CancelCauseFunc, start uint64) {
	if h.opts.MemoryLimit <= 0 {
		return
	}
	share := h.heapShare()
	t := time.NewTicker(heapPollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if live := h.opts.liveHeap(); live > start && live-start > share {
			cancel(memoryBudget("the review grew the webhook's live heap by %d MiB, past one review's share (%d MiB: --heap-share of --memory-limit %d MiB over --max-in-flight %d)",
				(live-start)>>20, share>>20, h.opts.MemoryLimit>>20, cap(h.slots)))
			return
		}
	}
}

// unreviewed answers a review that a budget or the deadline ended, in the direction of
// the failurePolicy of the webhook that sent it (webhook/selfmanaged/configuration.yaml): a ConfigMap
// (configmaps.dnslint.dev, Fail) is denied; a workload (workloads.dnslint.dev, Ignore) is
// admitted with a warning, as the API server admits it when the webhook is unavailable,
// unless DenyUnreviewedWorkloads.
func (h *Handler) unreviewed(req *admissionv1.AdmissionRequest, be *budgetError) *admissionv1.AdmissionResponse {
	id := kubeapi.ID(req.Namespace, req.Kind.Kind, req.Name)
	resp := &admissionv1.AdmissionResponse{UID: req.UID}
	if req.Kind.Kind != "ConfigMap" && !h.opts.DenyUnreviewedWorkloads {
		resp.Allowed = true
		resp.Warnings = []string{truncate(clean(fmt.Sprintf("dnslint: %s was admitted without a review: %s", id, be.msg)), maxWarningRunes)}
		return resp
	}
	resp.Result = &metav1.Status{
		Status:  metav1.StatusFailure,
		Code:    be.code,
		Reason:  be.reason,
		Message: fmt.Sprintf("dnslint: %s was not reviewed, and a DNS ConfigMap that is not reviewed is denied: %s", id, be.msg),
	}
	if req.Kind.Kind != "ConfigMap" {
		resp.Result.Message = fmt.Sprintf("dnslint: %s was not reviewed and is denied (--deny-unreviewed-workloads): %s", id, be.msg)
	}
	return resp
}
