// Package charts holds dnslint's Helm charts (charts/dnslint: the admission webhook) and
// renders and lints them with the Helm SDK, offline, as `helm template` and `helm lint`
// do: for the chart's tests and for the end-to-end test, which installs the rendered
// chart into a real API server.
package charts

import (
	"fmt"
	"regexp"
	"strings"

	"helm.sh/helm/v4/pkg/action"
	"helm.sh/helm/v4/pkg/chart/common"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	release "helm.sh/helm/v4/pkg/release/v1"
	"helm.sh/helm/v4/pkg/storage"
	"helm.sh/helm/v4/pkg/storage/driver"
)

// Render renders the chart in dir as `helm template NAME DIR -n NAMESPACE` with vals
// (nil: the chart's values.yaml), for Kubernetes kubeVersion ("": Helm's default), and
// returns the manifest's documents.
func Render(dir, name, namespace string, vals map[string]any, kubeVersion string) ([]string, error) {
	ch, err := loader.Load(dir)
	if err != nil {
		return nil, err
	}
	install := action.NewInstall(&action.Configuration{Releases: storage.Init(driver.NewMemory())})
	install.DryRunStrategy = action.DryRunClient
	install.ReleaseName, install.Namespace = name, namespace
	install.Replace = true
	if kubeVersion != "" {
		kv, err := common.ParseKubeVersion(kubeVersion)
		if err != nil {
			return nil, err
		}
		install.KubeVersion = kv
	}
	if vals == nil {
		vals = map[string]any{}
	}
	r, err := install.Run(ch, vals)
	if err != nil {
		return nil, err
	}
	rel, ok := r.(*release.Release)
	if !ok {
		return nil, fmt.Errorf("helm returned a %T", r)
	}
	var docs []string
	for _, d := range documentSep.Split(rel.Manifest, -1) {
		if strings.TrimSpace(d) != "" {
			docs = append(docs, d)
		}
	}
	return docs, nil
}

var documentSep = regexp.MustCompile(`(?m)^---\s*$`)

// Lint lints the chart in dir as `helm lint --strict` with vals and returns its messages
// (each "[SEVERITY] path: text"), and the errors that fail it.
func Lint(dir, namespace string, vals map[string]any, kubeVersion string) (messages []string, errs []error) {
	l := action.NewLint()
	l.Strict, l.Namespace = true, namespace
	if kubeVersion != "" {
		kv, err := common.ParseKubeVersion(kubeVersion)
		if err != nil {
			return nil, []error{err}
		}
		l.KubeVersion = kv
	}
	res := l.Run([]string{dir}, vals)
	for _, m := range res.Messages {
		messages = append(messages, m.Error())
	}
	return messages, res.Errors
}
