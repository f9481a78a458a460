// Package manifests decodes rendered Kubernetes manifests (deploy/'s kustomizations, the
// chart in charts/) into the API types, strictly, for the tests that check what an
// installation creates without a cluster.
package manifests

import (
	"fmt"

	"k8s.io/apimachinery/pkg/runtime"
	serializerjson "k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/client-go/kubernetes/scheme"
	sigsyaml "sigs.k8s.io/yaml"
)

// Objects is a rendering decoded into the API types.
type Objects struct {
	// Kinds is each document's kind, in order.
	Kinds []string
	// Typed are the objects of the kinds client-go's scheme knows, in order.
	Typed []runtime.Object
	// Other are the objects of APIs the scheme does not know (cert-manager's Issuer and
	// Certificate), as maps.
	Other []map[string]any
}

// strict decodes YAML as the API server's strict field validation reads it: an unknown
// or duplicated field is an error.
var strict = serializerjson.NewSerializerWithOptions(serializerjson.DefaultMetaFactory, scheme.Scheme, scheme.Scheme,
	serializerjson.SerializerOptions{Yaml: true, Strict: true})

// Decode decodes each document of a rendering; the error names the document's kind and
// name.
func Decode[D ~string | ~[]byte](docs []D) (*Objects, error) {
	o := &Objects{}
	for _, doc := range docs {
		obj, gvk, err := strict.Decode([]byte(doc), nil, nil)
		switch {
		case runtime.IsNotRegisteredError(err):
			m := map[string]any{}
			if err := sigsyaml.UnmarshalStrict([]byte(doc), &m); err != nil {
				return nil, err
			}
			kind, _ := m["kind"].(string)
			o.Kinds, o.Other = append(o.Kinds, kind), append(o.Other, m)
			continue
		case err != nil:
			return nil, fmt.Errorf("%s: %w\n%s", gvk.Kind, err, doc)
		}
		o.Kinds, o.Typed = append(o.Kinds, gvk.Kind), append(o.Typed, obj)
	}
	return o, nil
}

// All is the objects of type T, in order.
func All[T runtime.Object](o *Objects) []T {
	var out []T
	for _, obj := range o.Typed {
		if t, ok := obj.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// One is the first object of type T, or T's zero value (nil) when there is none.
func One[T runtime.Object](o *Objects) T {
	var zero T
	if all := All[T](o); len(all) > 0 {
		return all[0]
	}
	return zero
}
