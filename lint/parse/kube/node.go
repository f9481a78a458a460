package kube

import (
	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/model"
)

// field is one key and value of a mapping; dropped are the earlier occurrences of the
// same key in the mapping, which the later one replaces.
type field struct {
	key, value *yaml.Node
	dropped    []field
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// fields returns the scalar-keyed fields of mapping n as Kubernetes reads them: a later
// duplicate key replaces an earlier one, and merge keys (<<) add the fields of the
// mappings they name unless n, or an earlier merged mapping, has them. It is nil when n
// is not a mapping.
func (p *parser) fields(n *yaml.Node) []field {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	if fs, ok := p.merged[n]; ok {
		return fs
	}
	p.merged[n] = nil // a merge cycle sees no fields
	var (
		out    []field
		index  = map[string]int{}
		merges []*yaml.Node
	)
	dropped := map[int][]field{} // by index in out: the occurrences a later one replaced
	add := func(f field, replace bool) {
		if i, ok := index[f.key.Value]; ok {
			if replace {
				dropped[i] = append(dropped[i], field{key: out[i].key, value: out[i].value})
				out[i] = f
			}
			return
		}
		index[f.key.Value] = len(out)
		out = append(out, f)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		switch {
		case k == nil || k.Kind != yaml.ScalarNode:
		case k.ShortTag() == "!!merge":
			merges = append(merges, v)
		default:
			add(field{key: k, value: v}, true)
		}
	}
	for _, m := range merges {
		srcs := []*yaml.Node{m}
		if m = resolve(m); m != nil && m.Kind == yaml.SequenceNode {
			srcs = m.Content
		}
		for _, src := range srcs {
			for _, f := range p.fields(src) {
				add(f, false)
			}
		}
	}
	for i, d := range dropped {
		out[i].dropped = d
	}
	p.merged[n] = out
	return out
}

// get returns the value of key in mapping n, or nil.
func (p *parser) get(n *yaml.Node, key string) *yaml.Node {
	for _, f := range p.fields(n) {
		if f.key.Value == key {
			p.read(f)
			return resolve(f.value)
		}
	}
	return nil
}

// maxDuplicateKeys bounds the duplicated keys reported for one file, so that a file of
// a million copies of one key costs no more than a few hundred findings. Past it, the
// file already has that many errors.
const maxDuplicateKeys = 256

// read records that dnslint reads field f: a key written more than once in its mapping
// is reported once, at each occurrence that the last one replaces.
func (p *parser) read(f field) {
	if len(f.dropped) == 0 || p.reportedDup[f.key] {
		return
	}
	p.reportedDup[f.key] = true
	for _, d := range f.dropped {
		if len(p.res.DuplicateKeys) == maxDuplicateKeys {
			return // the file is reported many times over already
		}
		p.res.DuplicateKeys = append(p.res.DuplicateKeys, &model.DuplicateKey{
			Object:    p.current,
			File:      p.file,
			Key:       p.token(d.key),
			Value:     scalarText(d.value),
			Kept:      p.token(f.key),
			KeptValue: scalarText(f.value),
		})
	}
}

// scalarText is the text of a scalar value; a mapping is "{…}", a sequence "[…]".
func scalarText(n *yaml.Node) string {
	switch n = resolve(n); {
	case isScalar(n):
		return n.Value
	case n != nil && n.Kind == yaml.MappingNode:
		return "{…}"
	case n != nil && n.Kind == yaml.SequenceNode:
		return "[…]"
	}
	return ""
}

// path follows keys down from n.
func (p *parser) path(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n = p.get(n, k)
	}
	return n
}

// items returns the elements of sequence n, or nil.
func items(n *yaml.Node) []*yaml.Node {
	if n = resolve(n); n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// isNull tells whether n is absent or null (unset for Kubernetes).
func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// isScalar tells whether n is a scalar.
func isScalar(n *yaml.Node) bool { return n != nil && n.Kind == yaml.ScalarNode }

// str is the text of scalar n, or "".
func str(n *yaml.Node) string {
	if n = resolve(n); isScalar(n) {
		return n.Value
	}
	return ""
}

// yaml11Bools are the booleans of YAML 1.1, which kubectl (through yaml.v2) reads.
var yaml11Bools = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"true": true, "True": true, "TRUE": true, "on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false,
	"false": false, "False": false, "FALSE": false, "off": false, "Off": false, "OFF": false,
}

// boolValue reads a plain boolean scalar.
func boolValue(n *yaml.Node) (value, ok bool) {
	n = resolve(n)
	if !isScalar(n) || n.Style&^yaml.TaggedStyle != 0 {
		return false, false
	}
	value, ok = yaml11Bools[n.Value]
	return value, ok
}

// styleName is the model's name of a scalar's style.
func styleName(n *yaml.Node) string {
	switch {
	case n.Style&yaml.LiteralStyle != 0:
		return "literal"
	case n.Style&yaml.FoldedStyle != 0:
		return "folded"
	case n.Style&yaml.SingleQuotedStyle != 0:
		return "single"
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return "double"
	}
	return "plain"
}

// token is the text of scalar n (or "" for another node) and its position.
func (p *parser) token(n *yaml.Node) model.Token {
	n = resolve(n)
	return model.Token{Text: str(n), Pos: p.span(n)}
}

// optToken is token(n), or nil when n is unset.
func (p *parser) optToken(n *yaml.Node) *model.Token {
	if isNull(n) {
		return nil
	}
	t := p.token(n)
	return &t
}
