//go:build attack

package attack

// Issue 15 ("ship it"), items 3 and 4: a webhook that installs itself safely. Each test
// reproduces what the issue found or demands against the built binary, the kustomize
// manifests and the Helm chart, and asserts the safe behaviour.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/dnslint/dnslint/charts"
)

// shipAPIServer answers as an API server of the given version: /version, an empty list
// for any other GET, and the objects of gets by path. Every request that is not a GET is
// recorded: the webhook must write nothing in the cases below.
type shipAPIServer struct {
	*httptest.Server
	mu     sync.Mutex
	writes []string
}

func shipStartAPIServer(t *testing.T, major, minor, gitVersion string, objects map[string]any) *shipAPIServer {
	t.Helper()
	s := &shipAPIServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method != http.MethodGet {
			s.mu.Lock()
			s.writes = append(s.writes, r.Method+" "+r.URL.Path)
			s.mu.Unlock()
			http.Error(w, `{"kind":"Status","apiVersion":"v1","status":"Failure","code":403}`, http.StatusForbidden)
			return
		}
		if r.URL.Path == "/version" {
			fmt.Fprintf(w, `{"major":%q,"minor":%q,"gitVersion":%q}`, major, minor, gitVersion)
			return
		}
		if o, ok := objects[r.URL.Path]; ok {
			_ = json.NewEncoder(w).Encode(o)
			return
		}
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}`)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *shipAPIServer) kubeconfig(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "kubeconfig")
	writeFiles(t, dir, map[string]string{"kubeconfig": fmt.Sprintf(`apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: %q}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
current-context: c
`, s.URL)})
	return p
}

// TestShipWebhookRefusesOldCluster: below 1.28 the configuration's matchConditions do not
// keep other ConfigMaps away from a Fail webhook. The webhook refuses to start there, in
// either mode, with a message naming the version, and writes nothing.
func TestShipWebhookRefusesOldCluster(t *testing.T) {
	api := shipStartAPIServer(t, "1", "27", "v1.27.16", nil)
	dir := t.TempDir()
	kc := api.kubeconfig(t, dir)
	for _, mode := range [][]string{
		{"--cert-mode=self-managed", "--namespace=dnslint-system"},
		{"--cert-mode=cert-manager", "--tls-cert-file=c", "--tls-private-key-file=k"},
	} {
		r := run(t, dir, nil, append([]string{"webhook", "--listen=127.0.0.1:0", "--kubeconfig=" + kc}, mode...)...)
		want := "the cluster runs Kubernetes 1.27 (v1.27.16); dnslint's webhook needs 1.28 or later"
		if r.exit == 0 || !strings.Contains(string(r.stderr), want) {
			t.Errorf("%v: exit %d, stderr:\n%s", mode, r.exit, r.stderr)
		}
	}
	if len(api.writes) > 0 {
		t.Errorf("writes to an API server the webhook refused: %v", api.writes)
	}
}

// TestShipForeignSecretNotOverwritten: a Secret of the self-managed name that the webhook
// did not create (no managed-by label: someone's own certificate) is never overwritten;
// the webhook stops with a message saying what to do.
func TestShipForeignSecretNotOverwritten(t *testing.T) {
	api := shipStartAPIServer(t, "1", "34", "v1.34.4", map[string]any{
		"/api/v1/namespaces/dnslint-system/secrets/dnslint-webhook-tls": map[string]any{
			"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/tls",
			"metadata": map[string]any{"name": "dnslint-webhook-tls", "namespace": "dnslint-system", "resourceVersion": "7"},
			"data":     map[string]any{"tls.crt": "", "tls.key": ""},
		},
	})
	dir := t.TempDir()
	r := run(t, dir, nil, "webhook", "--listen=127.0.0.1:0", "--cert-mode=self-managed", "--namespace=dnslint-system", "--kubeconfig="+api.kubeconfig(t, dir))
	if r.exit == 0 || !strings.Contains(string(r.stderr), "Secret dnslint-system/dnslint-webhook-tls exists but is not labelled app.kubernetes.io/managed-by=dnslint-webhook") {
		t.Errorf("exit %d, stderr:\n%s", r.exit, r.stderr)
	}
	if len(api.writes) > 0 {
		t.Errorf("the webhook wrote: %v", api.writes)
	}
}

// TestShipModeMisuse: flags that would give a half-installed webhook are usage errors.
func TestShipModeMisuse(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--cert-mode=self-managed", "--tls-cert-file=c", "--tls-private-key-file=k"}, "--cert-mode self-managed makes its own certificate"},
		{[]string{"--cert-mode=self-managed", "--webhook-url=http://127.0.0.1:8443/validate"}, "the API server calls webhooks over https only"},
		{[]string{"--cert-mode=self-managed", "--configmaps-failure-policy=Retry"}, `failure policy "Retry": want Fail or Ignore`},
		{[]string{"--cert-mode=self-managed", "--cert-validity=1h", "--cert-check-interval=30m"}, "must be shorter than a third of --cert-validity"},
		{[]string{"--cert-mode=manual"}, `--cert-mode "manual": want cert-manager or self-managed`},
		{nil, "webhook needs --tls-cert-file and --tls-private-key-file (--cert-mode cert-manager), or --cert-mode self-managed"},
	} {
		r := run(t, dir, nil, append([]string{"webhook", "--listen=127.0.0.1:0"}, tc.args...)...)
		if r.exit != 2 || !strings.Contains(string(r.stderr), tc.want) {
			t.Errorf("%v: exit %d, stderr:\n%s", tc.args, r.exit, r.stderr)
		}
	}
}

// TestShipNoEmptyCABundle: the issue's `kubectl apply -k deploy` created a Fail webhook
// with an empty caBundle and a Deployment mounting a Secret that did not exist. The
// default installations (deploy/ and the chart) now ship no webhook configuration and
// mount no Secret; where a configuration ships (cert-manager mode), cainjector fills its
// caBundle.
func TestShipNoEmptyCABundle(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	var sets = map[string][]string{}
	for _, dir := range []string{"deploy", "deploy/cert-manager"} {
		res, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(filesys.MakeFsOnDisk(), filepath.Join(root, dir))
		if err != nil {
			t.Fatalf("kustomize build %s: %v", dir, err)
		}
		for _, r := range res.Resources() {
			b, _ := r.AsYAML()
			sets[dir] = append(sets[dir], string(b))
		}
	}
	for _, mode := range []string{"self-managed", "cert-manager"} {
		docs, err := charts.Render(filepath.Join(root, "charts/dnslint"), "dnslint", "dnslint-system", map[string]any{"certMode": mode}, "v1.34.4")
		if err != nil {
			t.Fatal(err)
		}
		sets["chart "+mode] = docs
	}
	for name, docs := range sets {
		defaultInstall := name == "deploy" || name == "chart self-managed"
		for _, d := range docs {
			var o struct {
				Kind     string
				Metadata struct{ Annotations map[string]string }
				Webhooks []struct {
					ClientConfig struct{ CABundle string } `json:"clientConfig"`
				}
				Spec struct {
					Template struct {
						Spec struct {
							Volumes []struct {
								Secret *struct{ SecretName string } `json:"secret"`
							}
						}
					}
				}
			}
			if err := sigsyaml.Unmarshal([]byte(d), &o); err != nil {
				t.Fatal(err)
			}
			switch o.Kind {
			case "ValidatingWebhookConfiguration":
				if defaultInstall {
					t.Errorf("%s ships a webhook configuration: the self-managed webhook applies its own", name)
				}
				if o.Metadata.Annotations["cert-manager.io/inject-ca-from"] == "" {
					t.Errorf("%s: a webhook configuration whose caBundle nothing fills", name)
				}
			case "Deployment":
				for _, v := range o.Spec.Template.Spec.Volumes {
					if v.Secret != nil && defaultInstall {
						t.Errorf("%s mounts the Secret %s, which nothing creates before the pod starts", name, v.Secret.SecretName)
					}
				}
			}
		}
	}
	if _, err := os.Stat(filepath.Join(root, "deploy/base/webhook.yaml")); err == nil {
		t.Error("deploy/base still ships the static configuration")
	}
}
