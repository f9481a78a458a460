package kube

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/coredns/caddy/caddyfile"
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
	for _, f := range data { // every data key is read
		p.read(f)
	}
	if obj.Name == customName {
		p.custom(obj, data)
		return
	}
	if f, ok := autoscalerKey(data); ok {
		p.autoscaler(obj, data, f)
		return
	}
	p.corefiles(obj, data)
}

// cpaFields are JSON keys that only CPA parameters use.
var cpaFields = []string{"coresToReplicas", "nodesToReplicas", "coresPerReplica", "nodesPerReplica"}

// autoscalerKey finds the data key of a cluster-proportional-autoscaler ConfigMap: a
// `ladder` or `linear` key; else a key that names a mode in another case (`Ladder`), or
// whose value is a JSON object of CPA parameters (`ladder.json`, as kubectl create
// configmap --from-file names it). CPA rejects the last two, so they are reported.
func autoscalerKey(data []field) (field, bool) {
	for _, f := range data {
		if f.key.Value == "ladder" || f.key.Value == "linear" {
			return f, true
		}
	}
	for _, f := range data {
		if k := strings.TrimSpace(f.key.Value); strings.EqualFold(k, "ladder") || strings.EqualFold(k, "linear") {
			return f, true
		}
	}
	for _, f := range data {
		if v := resolve(f.value); isScalar(v) && holdsCPAParams(v.Value) {
			return f, true
		}
	}
	return field{}, false
}

// holdsCPAParams tells whether s is a JSON object with a key that only CPA parameters use.
func holdsCPAParams(s string) bool {
	if !strings.HasPrefix(strings.TrimSpace(s), "{") {
		return false
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(s), &obj) != nil {
		return false
	}
	for k := range obj {
		for _, name := range cpaFields {
			if strings.EqualFold(k, name) {
				return true
			}
		}
	}
	return false
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
		t := p.text(f.key, v, customDir+key)
		k := &model.CustomKey{
			Key:       p.token(f.key),
			Kind:      customKind(key),
			Style:     styleName(v),
			Lines:     countLines(v.Value),
			ValuePos:  p.valuePos(f.key, v),
			ScalarPos: p.span(v),
			Joined:    p.joined(f.key, v),
		}
		if k.Kind != "override" {
			k.Unbraced = unbraced(t)
		}
		c.Custom.Keys = append(c.Custom.Keys, k)
		c.Texts[key] = t
		if isCorefileKey(key) {
			c.Corefiles = append(c.Corefiles, &CorefileText{Object: obj, Key: key, Text: p.text(f.key, v, corefileDir+key)})
		}
	}
	p.res.Customs = append(p.res.Customs, c)
}

// joined tells whether YAML joined line breaks of scalar val, the value of key, into
// spaces: a folded block whose lines differ from the file's, or a plain or quoted scalar
// that goes on past its first line.
func (p *parser) joined(key, val *yaml.Node) bool {
	switch {
	case val.Style&yaml.LiteralStyle != 0:
		return false
	case val.Style&yaml.FoldedStyle != 0:
		first, indent, ok := p.block(key, val)
		return ok && val.Value != "" && !p.matches(val.Value, first, indent)
	}
	pos := p.span(val)
	raw := p.lines.line(pos.Line)
	start := p.lines.offset(pos.Line, pos.Col)
	switch {
	case start >= len(raw):
		return false
	case val.Style&yaml.DoubleQuotedStyle != 0:
		return !closes(raw, start, '"')
	case val.Style&yaml.SingleQuotedStyle != 0:
		return !closes(raw, start, '\'')
	}
	// A plain scalar ends at a comment or at the end of its line unless it goes on.
	return utf8.RuneCountInString(val.Value) > utf8.RuneCount(bytes.TrimRight(raw[start:], " \t"))
}

// closes tells whether the quoted scalar opened at raw[start] closes on the same line.
func closes(raw []byte, start int, quote byte) bool {
	for i := start + 1; i < len(raw); i++ {
		switch {
		case quote == '"' && raw[i] == '\\':
			i++
		case quote == '\'' && raw[i] == quote && i+1 < len(raw) && raw[i+1] == quote:
			i++
		case raw[i] == quote:
			return true
		}
	}
	return false
}

// unbraced returns the first address of a server block of t that no `{` follows, read as
// caddy's parser reads addresses (the rest of a line, continued by a trailing comma; a
// top-level import line is skipped), or nil when every block has braces.
func unbraced(t *source.Text) *model.Token {
	type tok struct {
		text string
		line int
	}
	var toks []tok
	d := caddyfile.NewDispenser(t.Name, bytes.NewReader(t.Body))
	for d.Next() {
		toks = append(toks, tok{d.Val(), d.Line()})
	}
	for i := 0; i < len(toks); {
		start := i
		if toks[i].text == "import" {
			for i++; i < len(toks) && toks[i].line == toks[start].line; i++ {
			}
			continue
		}
		for i < len(toks) && toks[i].text != "{" {
			comma := strings.HasSuffix(toks[i].text, ",")
			i++
			if !comma && i < len(toks) && toks[i].line != toks[i-1].line {
				break
			}
		}
		if i == len(toks) || toks[i].text != "{" {
			return &model.Token{Text: toks[start].text, Pos: wordPos(t, toks[start].line, toks[start].text)}
		}
		for depth := 0; i < len(toks); i++ {
			if toks[i].text == "{" {
				depth++
			} else if toks[i].text == "}" {
				if depth--; depth == 0 {
					i++
					break
				}
			}
		}
	}
	return nil
}

// wordPos is the position of word on line n of t (the line's first word when it is not
// found as written, e.g. quoted).
func wordPos(t *source.Text, n int, word string) model.Pos {
	line := bodyLine(t.Body, n)
	i := bytes.Index(line, []byte(word))
	if i < 0 {
		i = len(line) - len(bytes.TrimLeft(line, " \t"))
		if f := bytes.Fields(line[i:]); len(f) > 0 {
			word = string(f[0])
		}
	}
	col := source.Columns(line, i)
	return t.Pos(n, col, n, col+utf8.RuneCountInString(word)-1)
}

// bodyLine is 1-based line n of body.
func bodyLine(body []byte, n int) []byte {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(body, '\n')
		if j < 0 {
			return nil
		}
		body = body[j+1:]
	}
	if j := bytes.IndexByte(body, '\n'); j >= 0 {
		body = body[:j]
	}
	return bytes.TrimSuffix(body, []byte("\r"))
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
		if !isScalar(v) || !isCorefileKey(f.key.Value) && !source.LooksLikeCorefile(v.Value) {
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
