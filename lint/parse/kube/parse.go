// Package kube reads Kubernetes YAML and JSON: multi-document streams and List kinds,
// finding the ConfigMaps and pod specs dnslint lints, with every value's position in the file.
package kube

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// Result is what one stream holds, in file order.
type Result struct {
	// Corefiles are the ConfigMap keys that hold a Corefile.
	Corefiles []*CorefileText
	// Customs are the coredns-custom ConfigMaps.
	Customs []*CustomConfigMap
	// Autoscalers are cluster-proportional-autoscaler ConfigMaps.
	Autoscalers []*model.Autoscaler
	// AutoscalerErrors holds why an autoscaler's mode value is not a JSON object
	// (its Params are then nil).
	AutoscalerErrors map[*model.Autoscaler]error
	// Workloads are the objects that carry a pod spec.
	Workloads []*model.Workload
	// DuplicateKeys are keys written twice in a mapping dnslint reads.
	DuplicateKeys []*model.DuplicateKey
}

// CorefileText is a ConfigMap key that holds a Corefile.
type CorefileText struct {
	Object model.Object
	Key    string
	Text   *source.Text
}

// CustomConfigMap is a coredns-custom ConfigMap and the text of each of its keys.
type CustomConfigMap struct {
	Custom *model.Custom
	// Texts maps each data key to its value.
	Texts map[string]*source.Text
	// Corefiles are its keys named like a Corefile (`Corefile`), read as a Corefile
	// ConfigMap's would be: composition takes them when a CoreDNS Deployment of the run
	// mounts this ConfigMap as its Corefile, whatever its name.
	Corefiles []*CorefileText
}

// maxListDepth bounds how deep List kinds may nest.
const maxListDepth = 32

// Parse reads one YAML or JSON stream. A stream that is not valid YAML returns a *SyntaxError.
// Documents and List items that are not objects, or not of a kind dnslint lints, are skipped.
func Parse(file string, data []byte) (*Result, error) {
	data = utf8Input(data)
	p := &parser{
		file:   file,
		lines:  splitLines(data),
		res:    &Result{},
		seen:   map[*yaml.Node]bool{},
		merged: map[*yaml.Node][]field{},

		reportedDup: map[*yaml.Node]bool{},
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := decode(dec, &doc)
		if errors.Is(err, io.EOF) {
			return p.res, nil
		}
		if err != nil {
			return nil, p.syntaxError(err, data)
		}
		if excessiveAliasing(&doc) {
			// kubectl (sigs.k8s.io/yaml) refuses such a document outright.
			return nil, &SyntaxError{Line: max(doc.Line, 1), Col: 1, Msg: "document contains excessive aliasing"}
		}
		for _, n := range doc.Content {
			p.visit(n, 0)
		}
	}
}

// excessiveAliasing applies the check of the YAML decoder kubectl uses (sigs.k8s.io/yaml,
// yaml.v3): decoding a document whose aliases expand out of proportion fails with
// "document contains excessive aliasing". Only documents with aliases are decoded again.
func excessiveAliasing(doc *yaml.Node) bool {
	if !hasAlias(doc) {
		return false
	}
	var v any
	err := doc.Decode(&v)
	return err != nil && strings.Contains(err.Error(), "excessive aliasing")
}

func hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if hasAlias(c) {
			return true
		}
	}
	return false
}

// decode reads the next document, turning a panic of the YAML parser into an error.
func decode(dec *yaml.Decoder, doc *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	return dec.Decode(doc)
}

// parser holds the state of one Parse call.
type parser struct {
	file  string
	lines *lines
	res   *Result
	// seen are the objects already visited: an alias may name one many times.
	seen map[*yaml.Node]bool
	// merged caches fields.
	merged map[*yaml.Node][]field
	// current is the object being read, and reportedDup the duplicated keys reported.
	current     model.Object
	reportedDup map[*yaml.Node]bool
}

// visit reads one object and, for List kinds, its items.
func (p *parser) visit(n *yaml.Node, depth int) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode || p.seen[n] || depth > maxListDepth {
		return
	}
	p.seen[n] = true
	start := len(p.res.DuplicateKeys)
	p.current = p.object(n)
	for _, d := range p.res.DuplicateKeys[start:] { // found while naming the object
		d.Object = p.current
	}
	kind := str(p.get(n, "kind"))
	switch {
	case kind == "ConfigMap":
		p.configMap(n)
	case strings.HasSuffix(kind, "List"):
		for _, item := range items(p.get(n, "items")) {
			p.visit(item, depth+1)
		}
	default:
		if path, ok := podSpecPaths[kind]; ok {
			p.workload(n, path)
		}
	}
}

// object names the object n.
func (p *parser) object(n *yaml.Node) model.Object {
	kind := p.get(n, "kind")
	meta := p.get(n, "metadata")
	o := model.Object{
		APIVersion: str(p.get(n, "apiVersion")),
		Kind:       str(kind),
		Name:       str(p.get(meta, "name")),
		Namespace:  str(p.get(meta, "namespace")),
		Pos:        p.point(n),
	}
	if kind != nil {
		o.Pos = p.span(kind)
	}
	return o
}
