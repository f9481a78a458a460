package kube

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// cpaTypes are the Go types CPA decodes each mode's JSON into, as its errors name them.
var cpaTypes = map[string]string{
	"ladder": "laddercontroller.ladderParams",
	"linear": "linearcontroller.linearParams",
}

// autoscaler reads a cluster-proportional-autoscaler ConfigMap whose mode key is mode.
// A key that is not exactly `ladder` or `linear` gives Mode "" and no parameters: CPA
// stops at the key.
func (p *parser) autoscaler(obj model.Object, data []field, mode field) {
	a := &model.Autoscaler{
		Object:    obj,
		File:      p.file,
		Fields:    map[string]model.Pos{},
		Values:    map[string]*model.JSONValue{},
		ValueKind: "string",
	}
	if _, ok := cpaTypes[mode.key.Value]; ok {
		a.Mode = mode.key.Value
	}
	for _, f := range data {
		a.Keys = append(a.Keys, p.token(f.key))
	}
	p.res.Autoscalers = append(p.res.Autoscalers, a)
	v := resolve(mode.value)
	a.ValuePos = p.valuePos(mode.key, v)
	if !isScalar(v) {
		a.ValueKind = kindName(v.Kind)
		p.autoscalerError(a, fmt.Errorf("%s is a YAML %s, not a string: ConfigMap data values must be strings", mode.key.Value, a.ValueKind))
		return
	}
	if a.Mode == "" {
		return
	}
	t := p.jsonText(mode.key, v, mode.key.Value)
	var params any
	err := json.Unmarshal(t.Body, &params)
	var syntax *json.SyntaxError
	switch obj, isObj := params.(map[string]any); {
	case errors.As(err, &syntax):
		if len(bytes.TrimSpace(t.Body)) > 0 {
			pos := errorPos(t, syntax.Offset)
			a.ErrorPos = &pos
		}
		p.autoscalerError(a, err)
	case err != nil:
		p.autoscalerError(a, err)
	case params == nil:
		// CPA decodes null into its parameters struct without error: every field unset.
		a.Params = map[string]any{}
	case !isObj:
		p.autoscalerError(a, fmt.Errorf("json: cannot unmarshal %s into Go value of type %s", jsonKind(params), cpaTypes[a.Mode]))
	default:
		a.Params = obj
	}
	jsonWalk(t, a.Fields, a.Values)
}

func (p *parser) autoscalerError(a *model.Autoscaler, err error) {
	if p.res.AutoscalerErrors == nil {
		p.res.AutoscalerErrors = map[*model.Autoscaler]error{}
	}
	p.res.AutoscalerErrors[a] = err
}

// jsonText is the value of key as a text. Besides what p.text maps, a single-line quoted
// or plain scalar written without escapes maps column by column, so that positions inside
// `ladder: '{"coresToReplicas": …}'` point at the exact step.
func (p *parser) jsonText(key, val *yaml.Node, name string) *source.Text {
	t := p.text(key, val, name)
	if _, fixed := t.Lines.(source.Fixed); !fixed || val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.ContainsAny(val.Value, "\n\r") {
		return t
	}
	pos := p.span(val)
	raw := p.lines.line(pos.Line)
	start := p.lines.offset(pos.Line, pos.Col)
	quote := 0
	switch {
	case val.Style&yaml.SingleQuotedStyle != 0:
		// '' stands for ' inside single quotes.
		if quote = 1; strings.Contains(val.Value, "'") {
			return t
		}
	case val.Style&yaml.DoubleQuotedStyle != 0:
		// Escapes change the text between the quotes.
		if quote = 1; strings.ContainsAny(val.Value, `"\`) {
			return t
		}
	}
	body := raw[min(start+quote, len(raw)):]
	if !bytes.HasPrefix(body, []byte(val.Value)) || quote == 1 && (len(body) == len(val.Value) || body[len(val.Value)] != raw[start]) {
		return t
	}
	t.Lines = source.Shift{First: pos.Line, Indent: pos.Col - 1 + quote}
	return t
}

// errorPos is the position of the byte before offset in t, where a JSON syntax error was
// found (the offset counts the bytes read, up to and including the offending one).
func errorPos(t *source.Text, offset int64) model.Pos {
	line, col := newCursor(t.Body).at(max(int(offset)-1, 0))
	return t.Pos(line, col, line, col)
}

// jsonKind names a decoded JSON value the way encoding/json's errors do.
func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "bool"
	case float64:
		return "number"
	}
	return "object"
}

// itemDepth is how many levels of arrays are read element by element: a ladder list and
// its steps (whose elements, the numbers, are read whole).
const itemDepth = 2

// jsonWalk adds, for each top-level key of the JSON object in t, the key's position to
// fields and its value to values, up to the first syntax error.
func jsonWalk(t *source.Text, fields map[string]model.Pos, values map[string]*model.JSONValue) {
	w := &jsonWalker{t: t, dec: json.NewDecoder(bytes.NewReader(t.Body)), c: newCursor(t.Body)}
	if tok, err := w.dec.Token(); err != nil || tok != json.Delim('{') {
		return
	}
	for w.dec.More() {
		start := w.next()
		line, col := w.c.at(start)
		tok, err := w.dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return
		}
		endLine, endCol := w.c.at(int(w.dec.InputOffset()) - 1)
		fields[key] = t.Pos(line, col, endLine, endCol)
		v, err := w.value(0)
		if err != nil {
			return
		}
		values[key] = v
	}
}

// jsonWalker reads JSON values with their positions; the cursor only moves forward.
type jsonWalker struct {
	t   *source.Text
	dec *json.Decoder
	c   *cursor
}

// next is the offset of the next token: past white space and the separators , and :.
func (w *jsonWalker) next() int {
	off := int(w.dec.InputOffset())
	rest := w.t.Body[off:]
	return off + len(rest) - len(bytes.TrimLeft(rest, " \t\r\n,:"))
}

// value reads the next value. Arrays down to itemDepth are read element by element;
// any other value is read whole.
func (w *jsonWalker) value(depth int) (*model.JSONValue, error) {
	start := w.next()
	line, col := w.c.at(start)
	v := &model.JSONValue{Items: []*model.JSONValue{}}
	if start < len(w.t.Body) && w.t.Body[start] == '[' && depth < itemDepth {
		if _, err := w.dec.Token(); err != nil {
			return nil, err
		}
		for w.dec.More() {
			item, err := w.value(depth + 1)
			if err != nil {
				return nil, err
			}
			v.Items = append(v.Items, item)
		}
		if _, err := w.dec.Token(); err != nil {
			return nil, err
		}
	} else {
		var raw json.RawMessage
		if err := w.dec.Decode(&raw); err != nil {
			return nil, err
		}
		if len(raw) > 0 && raw[0] != '[' && raw[0] != '{' {
			v.Raw = string(raw)
		}
	}
	end := int(w.dec.InputOffset())
	endLine, endCol := w.c.at(end - 1)
	v.Pos = w.t.Pos(line, col, endLine, endCol)
	return v, nil
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
