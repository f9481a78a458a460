package kube

import (
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

const (
	// customName is the ConfigMap whose keys CoreDNS imports from /etc/coredns/custom.
	customName  = "coredns-custom"
	corefileDir = "/etc/coredns/"
	customDir   = "/etc/coredns/custom/"
)

// configMap classifies ConfigMap n by its name and data keys.
func (p *parser) configMap(n *yaml.Node) {
	obj := p.object(n)
	data := p.fields(p.get(n, "data"))
	if obj.Name == customName {
		p.custom(obj, data)
		return
	}
	for _, f := range data {
		if f.key.Value == "ladder" || f.key.Value == "linear" {
			p.autoscaler(obj, data, f)
			return
		}
	}
	p.corefiles(obj, data)
}

// custom reads a coredns-custom ConfigMap.
func (p *parser) custom(obj model.Object, data []field) {
	c := &CustomConfigMap{
		Custom: &model.Custom{Object: obj, File: p.file},
		Texts:  map[string]*source.Text{},
	}
	for _, f := range data {
		v := resolve(f.value)
		if !isScalar(v) {
			continue
		}
		key := f.key.Value
		c.Custom.Keys = append(c.Custom.Keys, &model.CustomKey{
			Key:      p.token(f.key),
			Kind:     customKind(key),
			Style:    styleName(v),
			Lines:    countLines(v.Value),
			ValuePos: p.valuePos(f.key, v),
		})
		c.Texts[key] = p.text(f.key, v, customDir+key)
	}
	p.res.Customs = append(p.res.Customs, c)
}

// customKind is how the coredns Corefile treats a coredns-custom key.
func customKind(key string) string {
	switch {
	case strings.HasSuffix(key, ".server"):
		return "server"
	case strings.HasSuffix(key, ".override"):
		return "override"
	}
	return "other"
}

// countLines is the number of lines of s, the last one with or without a line break.
func countLines(s string) int {
	n := strings.Count(s, "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

// corefiles reads the keys of any other ConfigMap that hold a Corefile.
func (p *parser) corefiles(obj model.Object, data []field) {
	for _, f := range data {
		v := resolve(f.value)
		if !isScalar(v) || !isCorefileKey(f.key.Value) && !looksLikeCorefile(v.Value) {
			continue
		}
		p.res.Corefiles = append(p.res.Corefiles, &CorefileText{
			Object: obj,
			Key:    f.key.Value,
			Text:   p.text(f.key, v, corefileDir+f.key.Value),
		})
	}
}

// isCorefileKey tells whether a data key names a Corefile: Corefile, x.corefile, Corefile.x.
func isCorefileKey(key string) bool {
	const name = "corefile"
	lower := strings.ToLower(key)
	return lower == name || strings.HasSuffix(lower, "."+name) || strings.HasPrefix(lower, name+".")
}
