package render

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"helm.sh/helm/v4/pkg/chart/common"
	"helm.sh/helm/v4/pkg/chart/common/util"
	"helm.sh/helm/v4/pkg/chart/loader/archive"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	chartutil "helm.sh/helm/v4/pkg/chart/v2/util"
	"helm.sh/helm/v4/pkg/engine"
)

// renderHelm renders a chart from its files with the Helm SDK, as `helm template` would
// without a cluster: no lookup, no DNS, no repository, no schema fetched.
func renderHelm(req helmRequest) (resp helmResponse) {
	defer func() {
		if r := recover(); r != nil {
			resp = helmResponse{Error: fmt.Sprintf("rendering the chart failed: %v", r)}
		}
	}()
	files := make([]*archive.BufferedFile, 0, len(req.Files))
	for _, name := range slices.Sorted(maps.Keys(req.Files)) {
		files = append(files, &archive.BufferedFile{Name: name, Data: req.Files[name]})
	}
	c, err := loader.LoadFiles(files)
	if err != nil {
		return helmResponse{Error: err.Error()}
	}
	vals := map[string]any{}
	for _, b := range req.Values {
		v, err := loader.LoadValues(bytes.NewReader(b))
		if err != nil {
			return helmResponse{Error: err.Error()}
		}
		vals = loader.MergeMaps(vals, v)
	}
	missing := missingDependencies(c)
	if err := chartutil.ProcessDependencies(c, vals); err != nil {
		return helmResponse{Error: err.Error(), Missing: missing}
	}
	caps, err := capabilities(req.KubeVersion)
	if err != nil {
		return helmResponse{Error: err.Error(), Missing: missing}
	}
	// As helm template (pkg/action/action.go renderResources), in its words.
	if c.Metadata.KubeVersion != "" && !chartutil.IsCompatibleRange(c.Metadata.KubeVersion, caps.KubeVersion.String()) {
		return helmResponse{Error: fmt.Sprintf("chart requires kubeVersion: %s which is incompatible with Kubernetes %s", c.Metadata.KubeVersion, caps.KubeVersion.Version), Missing: missing}
	}
	opts := common.ReleaseOptions{Name: req.Release, Namespace: req.Namespace, Revision: 1, IsInstall: true}
	top, err := util.ToRenderValuesWithSchemaValidation(c, vals, opts, caps, true)
	if err != nil {
		return helmResponse{Error: err.Error(), Missing: missing}
	}
	out, err := engine.Engine{}.Render(c, top)
	if err != nil {
		return helmResponse{Error: err.Error(), Missing: missing}
	}
	return helmResponse{Rendered: out, Missing: missing}
}

// capabilities are the Helm SDK's default capabilities with the cluster's Kubernetes
// release (MAJOR.MINOR.PATCH, with or without v), as `helm template --kube-version` sets them.
func capabilities(kubeVersion string) (*common.Capabilities, error) {
	caps := common.DefaultCapabilities.Copy()
	if kubeVersion == "" {
		return caps, nil
	}
	kv, err := common.ParseKubeVersion(kubeVersion)
	if err != nil {
		return nil, fmt.Errorf("kubernetes version %q: %w", kubeVersion, err)
	}
	caps.KubeVersion = *kv
	return caps, nil
}

// missingDependencies lists the dependencies of Chart.yaml that are not vendored in
// charts/ (by name or alias): helm would fetch them, dnslint does not.
func missingDependencies(c *chart.Chart) []string {
	have := map[string]bool{}
	for _, d := range c.Dependencies() {
		have[d.Name()] = true
	}
	var missing []string
	for _, d := range c.Metadata.Dependencies {
		if d != nil && !have[d.Name] {
			where := d.Repository
			if where == "" {
				where = "no repository"
			}
			missing = append(missing, fmt.Sprintf("%s %s (%s)", d.Name, d.Version, where))
		}
	}
	return missing
}

// templateFile is the path, relative to the chart directory, of a rendered template
// (Helm names it CHART/templates/x.yaml, and CHART/charts/SUB/templates/x.yaml in a
// subchart).
func templateFile(name string) string {
	_, rel, _ := strings.Cut(path.Clean(name), "/")
	return rel
}
