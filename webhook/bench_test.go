package webhook

import (
	"context"
	"testing"

	admissionv1 "k8s.io/api/admission/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/dnslint/dnslint/lint"
)

// BenchmarkReview is the cost of one admission review without HTTP and TLS, for the kinds
// of object the webhook sees (the mix bench/webhookload sends).
func BenchmarkReview(b *testing.B) {
	l, err := lint.New(context.Background(), lint.Options{CompileAll: true})
	if err != nil {
		b.Fatal(err)
	}
	h := NewHandler(Options{Linter: l})
	for _, tc := range []struct {
		name, group, kind, object string
	}{
		{"pod", "", "Pod", `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop"},"spec":{"containers":[{"name":"web","image":"nginx"}]}}`},
		{"deployment", "apps", "Deployment", `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","namespace":"shop"},"spec":{"template":{"spec":{"containers":[{"name":"api","image":"api"}],"dnsConfig":{"options":[{"name":"ndots","value":"10"}]}}}}}`},
		{"coredns-custom", "", "ConfigMap", `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"coredns-custom","namespace":"kube-system"},"data":{"stub.server":"example.com:53 {\n    errors\n    cache 30\n    forward . 10.0.0.1\n}\n"}}`},
	} {
		req := &admissionv1.AdmissionRequest{
			UID: "bench", Kind: metav1.GroupVersionKind{Group: tc.group, Version: "v1", Kind: tc.kind},
			Namespace: "kube-system", Operation: admissionv1.Create, Object: runtime.RawExtension{Raw: []byte(tc.object)},
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := h.Review(context.Background(), req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
