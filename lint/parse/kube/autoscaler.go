package kube

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// autoscaler reads a cluster-proportional-autoscaler ConfigMap whose mode key is mode.
func (p *parser) autoscaler(obj model.Object, data []field, mode field) {
	a := &model.Autoscaler{
		Object: obj,
		File:   p.file,
		Mode:   mode.key.Value,
		Fields: map[string]model.Pos{},
	}
	for _, f := range data {
		a.Keys = append(a.Keys, p.token(f.key))
	}
	p.res.Autoscalers = append(p.res.Autoscalers, a)
	v := resolve(mode.value)
	a.ValuePos = p.valuePos(mode.key, v)
	if !isScalar(v) {
		p.autoscalerError(a, fmt.Errorf("%s is a YAML %s, not a JSON string", mode.key.Value, kindName(v.Kind)))
		return
	}
	t := p.text(mode.key, v, mode.key.Value)
	if err := json.Unmarshal(t.Body, &a.Params); err != nil {
		a.Params = nil
		p.autoscalerError(a, err)
	} else if a.Params == nil {
		p.autoscalerError(a, errors.New("null is not a JSON object"))
	}
	jsonFields(t, a.Fields)
}

func (p *parser) autoscalerError(a *model.Autoscaler, err error) {
	if p.res.AutoscalerErrors == nil {
		p.res.AutoscalerErrors = map[*model.Autoscaler]error{}
	}
	p.res.AutoscalerErrors[a] = err
}

// jsonFields adds the position of each top-level key of the JSON object in t to fields,
// up to the first syntax error.
func jsonFields(t *source.Text, fields map[string]model.Pos) {
	dec := json.NewDecoder(bytes.NewReader(t.Body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return
	}
	c := newCursor(t.Body)
	for dec.More() {
		// The key's opening quote is the first character after the previous value and comma.
		prev := int(dec.InputOffset())
		tok, err := dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return
		}
		start := prev + len(t.Body[prev:]) - len(bytes.TrimLeft(t.Body[prev:], " \t\r\n,"))
		line, col := c.at(start)
		endLine, endCol := c.at(int(dec.InputOffset()) - 1)
		fields[key] = t.Pos(line, col, endLine, endCol)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return
		}
	}
}

// kindName names a YAML node kind for messages.
func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "sequence"
	}
	return "value"
}
