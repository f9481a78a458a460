// Package reviewgen builds AdmissionReview requests for tests and benchmarks of the
// webhook, among them the hostile ones of issue 10: the largest coredns-custom ConfigMap
// the API server accepts, made of many small .server keys.
package reviewgen

import (
	"encoding/json"
	"fmt"
)

// FloodKeys is the number of .server keys that fill a coredns-custom ConfigMap up to the
// API server's ConfigMap limit of 1 MiB of data (keys and values): issue 10's review.
const FloodKeys = 36920

// FloodData is the data of a coredns-custom ConfigMap with n small .server keys: each
// key is a valid server block of its own zone, 28 bytes of key and value.
func FloodData(n int) map[string]string {
	data := make(map[string]string, n)
	for i := range n {
		data[fmt.Sprintf("z%05d.server", i)] = fmt.Sprintf("z%05d {\n log\n}\n", i)
	}
	return data
}

// ConfigMap is a ConfigMap object as the API server sends it (JSON).
func ConfigMap(namespace, name string, data map[string]string) []byte {
	obj := map[string]any{
		"apiVersion": "v1", "kind": "ConfigMap",
		"metadata": map[string]any{"name": name, "namespace": namespace},
		"data":     data,
	}
	b, err := json.Marshal(obj)
	if err != nil {
		panic(err) // strings only: cannot fail
	}
	return b
}

// Review is an AdmissionReview (admission.k8s.io/v1) request with uid that CREATEs obj,
// an object of the core group v1 of kind, as the API server sends it.
func Review(uid, kind, namespace, name string, obj []byte) []byte {
	review := map[string]any{
		"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
		"request": map[string]any{
			"uid":       uid,
			"kind":      map[string]string{"group": "", "version": "v1", "kind": kind},
			"resource":  map[string]string{"group": "", "version": "v1", "resource": "configmaps"},
			"name":      name,
			"namespace": namespace,
			"operation": "CREATE",
			"object":    json.RawMessage(obj),
		},
	}
	b, err := json.Marshal(review)
	if err != nil {
		panic(err)
	}
	return b
}

// Flood is issue 10's review: CREATE kube-system/coredns-custom with FloodKeys .server keys.
func Flood(uid string) []byte {
	return Review(uid, "ConfigMap", "kube-system", "coredns-custom", ConfigMap("kube-system", "coredns-custom", FloodData(FloodKeys)))
}
