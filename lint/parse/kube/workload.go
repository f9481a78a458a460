package kube

import (
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/model"
)

var (
	templateSpec = []string{"spec", "template", "spec"}
	// podSpecPaths is where each kind that carries a pod spec holds it.
	podSpecPaths = map[string][]string{
		"Pod":                   {"spec"},
		"PodTemplate":           {"template", "spec"},
		"Deployment":            templateSpec,
		"StatefulSet":           templateSpec,
		"DaemonSet":             templateSpec,
		"ReplicaSet":            templateSpec,
		"ReplicationController": templateSpec,
		"Job":                   templateSpec,
		"CronJob":               {"spec", "jobTemplate", "spec", "template", "spec"},
	}
)

// workload reads the DNS settings of the pod spec of object n at path; an object without
// one is not a workload.
func (p *parser) workload(n *yaml.Node, path []string) {
	spec := p.path(n, path...)
	if spec == nil || spec.Kind != yaml.MappingNode {
		return
	}
	pod := model.PodDNS{
		Path:      strings.Join(path, "."),
		DNSPolicy: p.optToken(p.get(spec, "dnsPolicy")),
		Pos:       p.point(spec),
	}
	if v := p.get(spec, "hostNetwork"); v != nil {
		if b, ok := boolValue(v); ok {
			pod.HostNetwork = &model.Bool{Value: b, Pos: p.span(v)}
		}
	}
	if v := p.get(spec, "dnsConfig"); !isNull(v) {
		pod.DNSConfig = p.dnsConfig(v)
	}
	for _, key := range []string{"initContainers", "containers"} {
		for _, c := range items(p.get(spec, key)) {
			if img := p.optToken(p.get(c, "image")); img != nil {
				pod.Containers = append(pod.Containers, *img)
			}
		}
	}
	p.res.Workloads = append(p.res.Workloads, &model.Workload{Object: p.object(n), File: p.file, Pod: pod})
}

// dnsConfig reads pod.spec.dnsConfig.
func (p *parser) dnsConfig(n *yaml.Node) *model.DNSConfig {
	c := &model.DNSConfig{
		Nameservers: p.tokens(p.get(n, "nameservers")),
		Searches:    p.tokens(p.get(n, "searches")),
		Pos:         p.point(n),
	}
	for _, o := range items(p.get(n, "options")) {
		o = resolve(o)
		opt := &model.DNSOption{Pos: p.point(o)}
		if o.Kind == yaml.MappingNode {
			opt.Name = model.Token{Pos: opt.Pos}
			if name := p.get(o, "name"); name != nil {
				opt.Name = p.token(name)
			}
			opt.Value = p.optToken(p.get(o, "value"))
		} else {
			// A scalar item (`- ndots:5`) keeps its text, for the rules to report.
			opt.Name = p.token(o)
		}
		c.Options = append(c.Options, opt)
	}
	return c
}

// tokens reads a list of strings; a single value stands for a list of one.
func (p *parser) tokens(n *yaml.Node) []model.Token {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return []model.Token{p.token(n)}
	}
	ts := make([]model.Token, 0, len(n.Content))
	for _, item := range n.Content {
		ts = append(ts, p.token(item))
	}
	return ts
}
