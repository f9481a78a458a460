package webhook

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	listersv1 "k8s.io/client-go/listers/core/v1"
	"k8s.io/client-go/tools/cache"
)

// Live serves live ConfigMaps.
type Live interface {
	// ConfigMap returns the ConfigMap namespace/name as JSON; found is false when it does
	// not exist. An error means that it cannot be told (no cache yet, namespace not watched).
	ConfigMap(namespace, name string) (raw []byte, found bool, err error)
}

// InformerLive serves the ConfigMaps of one namespace from an informer's cache: no API call
// per admission request, and a request never waits for the API server.
type InformerLive struct {
	namespace string
	lister    listersv1.ConfigMapNamespaceLister
	synced    cache.InformerSynced
}

// StartLive starts an informer on the ConfigMaps of namespace (kube-system); it runs until
// ctx ends. Lookups fail until its first list has arrived.
func StartLive(ctx context.Context, client kubernetes.Interface, namespace string) *InformerLive {
	factory := informers.NewSharedInformerFactoryWithOptions(client, 30*time.Minute,
		informers.WithNamespace(namespace),
		informers.WithTransform(func(obj any) (any, error) {
			// Keep the cache small: managed fields and the last-applied copy are not linted.
			if cm, ok := obj.(*corev1.ConfigMap); ok {
				cm.ManagedFields = nil
				delete(cm.Annotations, "kubectl.kubernetes.io/last-applied-configuration")
			}
			return obj, nil
		}))
	inf := factory.Core().V1().ConfigMaps()
	l := &InformerLive{namespace: namespace, lister: inf.Lister().ConfigMaps(namespace), synced: inf.Informer().HasSynced}
	factory.Start(ctx.Done())
	return l
}

// Synced tells whether the cache holds the namespace's ConfigMaps.
func (l *InformerLive) Synced() bool { return l.synced() }

// ConfigMap implements Live.
func (l *InformerLive) ConfigMap(namespace, name string) ([]byte, bool, error) {
	if namespace != l.namespace {
		return nil, false, fmt.Errorf("only namespace %s is watched", l.namespace)
	}
	if !l.synced() {
		return nil, false, fmt.Errorf("the ConfigMap cache of %s is not synced yet", l.namespace)
	}
	cm, err := l.lister.Get(name)
	if apierrors.IsNotFound(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	cm = cm.DeepCopy()
	cm.APIVersion, cm.Kind = "v1", "ConfigMap"
	raw, err := json.Marshal(cm)
	return raw, err == nil, err
}
