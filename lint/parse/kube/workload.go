package kube

import (
	"math/big"
	"regexp"
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
	// replicaKinds are the kinds whose spec.replicas sets how many pods run.
	replicaKinds = map[string]bool{"Deployment": true, "StatefulSet": true, "ReplicaSet": true, "ReplicationController": true}
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
				pod.Images = append(pod.Images, *img)
			}
			if ct := p.container(c, key == "initContainers"); ct != nil {
				pod.ContainerSpecs = append(pod.ContainerSpecs, ct)
			}
		}
	}
	pod.TerminationGracePeriodSeconds = p.intValue(p.get(spec, "terminationGracePeriodSeconds"))
	for _, v := range items(p.get(spec, "volumes")) {
		if v = resolve(v); v != nil && v.Kind == yaml.MappingNode {
			vol := &model.Volume{
				Name:      p.nameToken(v),
				ConfigMap: p.optToken(p.path(v, "configMap", "name")),
			}
			for _, it := range items(p.path(v, "configMap", "items")) {
				if it = resolve(it); it != nil && it.Kind == yaml.MappingNode {
					vol.Items = append(vol.Items, &model.KeyToPath{Key: p.token(p.get(it, "key")), Path: p.token(p.get(it, "path"))})
				}
			}
			pod.Volumes = append(pod.Volumes, vol)
		}
	}
	w := &model.Workload{Object: p.object(n), File: p.file, Pod: pod}
	if replicaKinds[w.Object.Kind] {
		w.Replicas = p.intValue(p.path(n, "spec", "replicas"))
	}
	p.res.Workloads = append(p.res.Workloads, w)
}

// container reads what the rules need of one container; nil when n is not a mapping.
func (p *parser) container(n *yaml.Node, init bool) *model.Container {
	if n = resolve(n); n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	c := &model.Container{
		Image:   p.optToken(p.get(n, "image")),
		Init:    init,
		Command: p.tokens(p.get(n, "command")),
		Args:    p.tokens(p.get(n, "args")),
		Name:    p.nameToken(n),
		Pos:     p.point(n),
	}
	for _, port := range items(p.get(n, "ports")) {
		if port = resolve(port); port != nil && port.Kind == yaml.MappingNode {
			c.Ports = append(c.Ports, &model.Port{
				Name:          p.optToken(p.get(port, "name")),
				ContainerPort: p.intValue(p.get(port, "containerPort")),
				Protocol:      str(p.get(port, "protocol")),
			})
		}
	}
	for _, m := range items(p.get(n, "volumeMounts")) {
		if m = resolve(m); m != nil && m.Kind == yaml.MappingNode {
			c.VolumeMounts = append(c.VolumeMounts, &model.VolumeMount{
				Name:      p.nameToken(m),
				MountPath: p.token(p.get(m, "mountPath")),
				SubPath:   p.optToken(p.get(m, "subPath")),
			})
		}
	}
	res := p.get(n, "resources")
	c.Resources.MemoryLimit = p.quantity(p.path(res, "limits", "memory"))
	c.Resources.MemoryRequest = p.quantity(p.path(res, "requests", "memory"))
	c.LivenessProbe = p.probe(p.get(n, "livenessProbe"), c.Ports)
	c.ReadinessProbe = p.probe(p.get(n, "readinessProbe"), c.Ports)
	return c
}

// nameToken is the name field of mapping n, or an empty token at n when it has none.
func (p *parser) nameToken(n *yaml.Node) model.Token {
	if name := p.get(n, "name"); name != nil {
		return p.token(name)
	}
	return model.Token{Pos: p.point(n)}
}

// probe reads a liveness or readiness probe; nil when unset.
func (p *parser) probe(n *yaml.Node, ports []*model.Port) *model.Probe {
	if n = resolve(n); n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	pr := &model.Probe{Pos: p.point(n)}
	if h := p.get(n, "httpGet"); h != nil && h.Kind == yaml.MappingNode {
		g := &model.HTTPGet{
			Path: p.optToken(p.get(h, "path")),
			Port: p.optToken(p.get(h, "port")),
			Pos:  p.point(h),
		}
		g.PortNumber = portNumber(p.get(h, "port"), ports)
		pr.HTTPGet = g
	}
	return pr
}

// portNumber is the number of a probe's port: an integer, or the name of one of the
// container's ports (an IntOrString). It is 0 when neither.
func portNumber(n *yaml.Node, ports []*model.Port) int64 {
	var v int64
	if n = resolve(n); !isScalar(n) {
		return 0
	}
	if n.ShortTag() == "!!int" && n.Decode(&v) == nil {
		return v
	}
	for _, port := range ports {
		if port.Name != nil && port.Name.Text == str(n) && port.ContainerPort != nil {
			return port.ContainerPort.Value
		}
	}
	return 0
}

// intValue reads an integer field; nil when unset or not an integer.
func (p *parser) intValue(n *yaml.Node) *model.Int {
	var v int64
	if n = resolve(n); !isScalar(n) || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
		return nil
	}
	return &model.Int{Value: v, Pos: p.span(n)}
}

// quantity reads a resource quantity; nil when unset.
func (p *parser) quantity(n *yaml.Node) *model.Quantity {
	if n = resolve(n); isNull(n) || !isScalar(n) {
		return nil
	}
	return &model.Quantity{Text: n.Value, Bytes: quantityValue(n.Value), Pos: p.span(n)}
}

// quantityPattern is the grammar of resource.Quantity: a signed decimal number and a
// binary (Ki…Ei) or decimal (m, k…E) suffix or a decimal exponent.
var quantityPattern = regexp.MustCompile(`^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$`)

// quantitySuffixes are the multipliers of the suffixes: a power of 2 or of 10.
var quantitySuffixes = map[string][2]int64{
	"Ki": {2, 10}, "Mi": {2, 20}, "Gi": {2, 30}, "Ti": {2, 40}, "Pi": {2, 50}, "Ei": {2, 60},
	"m": {10, -3}, "": {10, 0}, "k": {10, 3}, "M": {10, 6}, "G": {10, 9}, "T": {10, 12}, "P": {10, 15}, "E": {10, 18},
}

// quantityValue is the value of a quantity rounded up to an integer (Quantity.Value), or
// nil when s is not a quantity or does not fit in an int64.
func quantityValue(s string) *int64 {
	m := quantityPattern.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	r, ok := new(big.Rat).SetString(m[1])
	if !ok {
		return nil
	}
	base, ok := quantitySuffixes[m[2]]
	if !ok { // a decimal exponent, e3 or E-2
		exp, ok := new(big.Int).SetString(strings.TrimPrefix(m[2][1:], "+"), 10)
		if !ok || !exp.IsInt64() || exp.Int64() < -30 || exp.Int64() > 30 {
			return nil
		}
		base = [2]int64{10, exp.Int64()}
	}
	f := new(big.Int).Exp(big.NewInt(base[0]), big.NewInt(abs(base[1])), nil)
	if base[1] < 0 {
		r.Quo(r, new(big.Rat).SetInt(f))
	} else {
		r.Mul(r, new(big.Rat).SetInt(f))
	}
	// Round up, as Quantity.Value does.
	q, rem := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	if rem.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	if !q.IsInt64() {
		return nil
	}
	v := q.Int64()
	return &v
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
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
