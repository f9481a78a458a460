package kube

import (
	"bytes"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// text is the scalar value of key, named name. A literal block scalar maps each of its lines
// to the file; any other style, or an empty block, maps to the value's position.
func (p *parser) text(key, val *yaml.Node, name string) *source.Text {
	t := &source.Text{File: p.file, Name: name, Body: []byte(val.Value)}
	if val.Style&yaml.LiteralStyle != 0 && val.Value != "" {
		if first, indent, ok := p.block(key, val); ok && p.matches(val.Value, first, indent) {
			t.Lines = source.Shift{First: first, Indent: indent}
			return t
		}
	}
	pos := p.span(val)
	t.Lines = source.Fixed{Line: pos.Line, Col: pos.Col}
	return t
}

// block locates the content of the block scalar val, the value of key: the file line just
// below its header, and the indentation of its content (from the header's indentation
// indicator, else from its first non-blank line). ok is false when the header is not found.
func (p *parser) block(key, val *yaml.Node) (first, indent int, ok bool) {
	raw := p.lines.line(val.Line)
	i := skipProperties(raw, p.lines.offset(val.Line, val.Column))
	if i >= len(raw) || (raw[i] != '|' && raw[i] != '>') {
		return 0, 0, false
	}
	first = val.Line + 1
	for _, c := range blockHeader(raw[i:])[1:] {
		if '1' <= c && c <= '9' {
			// The indicator counts from the indentation of the mapping that holds key.
			return first, key.Column - 1 + int(c-'0'), true
		}
	}
	for n := first; n <= p.lines.count(); n++ {
		s := p.lines.line(n)
		if blank := len(s) - len(bytes.TrimLeft(s, " ")); blank < len(s) {
			return first, blank, true
		}
	}
	return first, key.Column, true
}

// matches tells whether every line of body stands on file line first+i-1 after indent
// spaces, so that source.Shift maps it: the check guards against line breaks that the YAML
// parser folds into content, and against any misreading of the block's indentation.
func (p *parser) matches(body string, first, indent int) bool {
	n := first
	for line := range strings.Lines(body) {
		if n > p.lines.count() || string(dedent(p.lines.line(n), indent)) != strings.TrimSuffix(line, "\n") {
			return false
		}
		n++
	}
	return true
}

// dedent removes indent spaces from raw; a line of fewer spaces only is empty.
func dedent(raw []byte, indent int) []byte {
	spaces := len(raw) - len(bytes.TrimLeft(raw, " "))
	switch {
	case spaces >= indent:
		return raw[indent:]
	case spaces == len(raw):
		return nil
	}
	return raw
}

// valuePos is the position of val, the value of key: for a block scalar, its first
// non-blank content line; otherwise its span.
func (p *parser) valuePos(key, val *yaml.Node) model.Pos {
	if val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 || strings.TrimSpace(val.Value) == "" {
		return p.span(val)
	}
	first, _, ok := p.block(key, val)
	if !ok {
		return p.span(val)
	}
	for n := first; n <= p.lines.count(); n++ {
		raw := p.lines.line(n)
		start := len(raw) - len(bytes.TrimLeft(raw, " \t"))
		if start == len(raw) {
			continue
		}
		return model.Pos{
			File: p.file, Line: n, Col: p.lines.col(n, start),
			EndLine: n, EndCol: p.lines.col(n, lastNonSpace(raw)),
		}
	}
	return p.span(val)
}
