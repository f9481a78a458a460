// Package input builds what package explain answers from the files a user names: a pod
// and its workload, a node's resolv.conf, the Corefile composed as lint composes it, an
// autoscaler's parameters. The CLI only maps flags to these calls.
package input

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/explain"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/kube"
	"github.com/dnslint/dnslint/lint/parse/resolvconf"
	"github.com/dnslint/dnslint/lint/source"
)

// ChoiceError is a file that holds several workloads, or none of the name asked for:
// the user must pick one (the CLI's --workload).
type ChoiceError struct{ Msg string }

func (e *ChoiceError) Error() string { return e.Msg }

// Workload reads the workload named name from a manifest (name "" when the file holds
// one).
func Workload(path, name string) (*model.Workload, error) {
	res, err := manifest(path)
	if err != nil {
		return nil, err
	}
	if len(res.Workloads) == 0 {
		return nil, fmt.Errorf("%s: no Pod or workload with a pod template in the file", path)
	}
	var names []string
	for _, w := range res.Workloads {
		if w.Object.Name == name || name == "" && len(res.Workloads) == 1 {
			return w, nil
		}
		names = append(names, fmt.Sprintf("%s/%s (line %d)", w.Object.Kind, w.Object.Name, w.Object.Pos.Line))
	}
	if name != "" {
		return nil, &ChoiceError{fmt.Sprintf("%s: no workload named %q; the file has %s", path, name, strings.Join(names, ", "))}
	}
	return nil, &ChoiceError{fmt.Sprintf("%s: the file has %d workloads, pick one with --workload NAME: %s", path, len(names), strings.Join(names, ", "))}
}

// Images are the images of a workload's containers, init containers first.
func Images(w *model.Workload) []string {
	out := make([]string, len(w.Pod.Images))
	for i, t := range w.Pod.Images {
		out[i] = t.Text
	}
	return out
}

// Pod is the DNS part of a workload's pod spec.
func Pod(w *model.Workload) explain.Pod {
	p := explain.Pod{Namespace: w.Object.Namespace}
	if w.Pod.DNSPolicy != nil {
		p.DNSPolicy = w.Pod.DNSPolicy.Text
	}
	if w.Pod.HostNetwork != nil {
		p.HostNetwork = w.Pod.HostNetwork.Value
	}
	if c := w.Pod.DNSConfig; c != nil {
		for _, n := range c.Nameservers {
			p.Nameservers = append(p.Nameservers, n.Text)
		}
		for _, s := range c.Searches {
			p.Searches = append(p.Searches, s.Text)
		}
		for _, o := range c.Options {
			opt := explain.Option{Name: o.Name.Text}
			if o.Value != nil {
				opt.Value, opt.HasValue = o.Value.Text, true
			}
			p.Options = append(p.Options, opt)
		}
	}
	return p
}

// Node fills a node's resolver from its resolv.conf: nameservers and options, and the
// search list unless n already has one.
func Node(path string, n *explain.Node) error {
	b, err := source.ReadLimited(path, source.DefaultMaxSize)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	rc, errs := resolvconf.Parse(path, b)
	if rc == nil {
		return fmt.Errorf("%s: %s", path, errs[0].Message)
	}
	for _, t := range rc.Nameservers {
		n.Nameservers = append(n.Nameservers, t.Text)
	}
	if len(n.Searches) == 0 {
		for _, t := range rc.Search {
			n.Searches = append(n.Searches, t.Text)
		}
	}
	for _, o := range rc.Options {
		opt := explain.Option{Name: o.Name}
		if o.Value != nil {
			opt.Value, opt.HasValue = *o.Value, true
		}
		n.Options = append(n.Options, opt)
	}
	return nil
}

// Corefile composes the given files as lint does and picks the coredns Corefile (else
// the first); without files, the kubeadm default Corefile.
func Corefile(paths []string, platform string) (*model.Corefile, error) {
	if len(paths) == 0 {
		return explain.DefaultCorefile()
	}
	files, problems := (&source.Walker{}).Collect(paths)
	if len(problems) > 0 {
		return nil, problems[0]
	}
	in, _, err := lint.Model(files, platform)
	if err != nil {
		return nil, err
	}
	if len(in.ParseErrors) > 0 {
		e := in.ParseErrors[0]
		return nil, fmt.Errorf("%s: %s", e.Pos, e.Message)
	}
	for _, cf := range in.Corefiles {
		if cf.Object != nil && cf.Object.Name == "coredns" && !strings.HasPrefix(cf.File, "<") {
			return cf, nil
		}
	}
	if len(in.Corefiles) == 0 {
		return nil, fmt.Errorf("no Corefile in %s", strings.Join(paths, ", "))
	}
	return in.Corefiles[0], nil
}

// Scaler reads the first cluster-proportional-autoscaler ConfigMap of a manifest.
func Scaler(path string) (*explain.Scaler, error) {
	res, err := manifest(path)
	if err != nil {
		return nil, err
	}
	if len(res.Autoscalers) == 0 {
		return nil, fmt.Errorf("%s: no ConfigMap with a ladder or linear key", path)
	}
	a := res.Autoscalers[0]
	params, err := json.Marshal(a.Params)
	if err != nil || a.Params == nil {
		return nil, fmt.Errorf("%s: the %s value is not a JSON object: %v", path, a.Mode, res.AutoscalerErrors[a])
	}
	return explain.ParseScaler(a.Mode, params)
}

// manifest reads and parses a Kubernetes manifest the user named.
func manifest(path string) (*kube.Result, error) {
	b, err := source.ReadLimited(path, source.DefaultMaxSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	res, err := kube.Parse(path, b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return res, nil
}
