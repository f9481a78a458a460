// Package kubeapi turns Kubernetes objects read from an API server (an admission request,
// a list call) into lint inputs, and the findings back into places a user can find.
//
// An object is rendered as YAML under the name `namespace/Kind/name`. Every multi-line
// string that is a mapping value becomes a literal block scalar with an explicit
// indentation indicator, so that the lint pipeline maps a Corefile held in a ConfigMap
// line by line (as it does for a file in Git). Locate then turns a position in the
// rendering into one a user can act on: inside a ConfigMap key, the key as a file
// (`kube-system/ConfigMap/coredns/Corefile`) and the line and column inside its text;
// elsewhere the object and the field path (`spec.template.spec.dnsConfig.options[0]`).
package kubeapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// Meta fills what an object may lack: list items and typed objects carry no apiVersion
// and kind, an admission request's object may carry no namespace.
type Meta struct {
	APIVersion, Kind, Namespace string
}

// Object is one Kubernetes object rendered for the lint pipeline.
type Object struct {
	// ID is `namespace/Kind/name` (a cluster-scoped object has no `namespace/`; an object
	// created with generateName is named by its prefix and `*`).
	ID         string
	Kind, Name string
	Namespace  string
	// File is the rendering, named ID.
	File *source.File

	// fields[i] is the field path written on line i+1.
	fields []string
	// texts are the ConfigMap keys rendered as literal block scalars.
	texts []text
}

// text is a data key rendered as a block scalar: its lines are file lines first…first+n-1,
// indented by indent spaces.
type text struct {
	key          string
	first, n     int
	indent       int
	value        string
	embeddedPath string
}

// ErrNotObject is returned for JSON that is not an object.
var ErrNotObject = errors.New("not a JSON object")

// FromJSON renders the JSON object raw.
func FromJSON(raw []byte, meta Meta) (*Object, error) {
	obj, err := DecodeJSON(raw)
	if err != nil {
		return nil, err
	}
	return FromMap(obj, meta)
}

// DecodeJSON decodes the JSON object raw as FromJSON does (numbers as json.Number), for a
// caller that looks at the object before rendering it with FromMap.
func DecodeJSON(raw []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return nil, err
	}
	if obj == nil {
		return nil, ErrNotObject
	}
	if dec.More() {
		return nil, errors.New("trailing data after the object")
	}
	return obj, nil
}

// FromValue renders a typed object (e.g. a *corev1.ConfigMap from a lister).
func FromValue(v any, meta Meta) (*Object, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return FromJSON(raw, meta)
}

// FromMap renders an object decoded from JSON (with json.Number or float64 numbers). It
// modifies obj: it fills meta, and drops status, metadata.managedFields and the
// last-applied-configuration annotation (a second copy of the object that no rule reads).
func FromMap(obj map[string]any, meta Meta) (*Object, error) {
	md, _ := obj["metadata"].(map[string]any)
	if md == nil {
		md = map[string]any{}
		obj["metadata"] = md
	}
	if s, _ := obj["apiVersion"].(string); s == "" && meta.APIVersion != "" {
		obj["apiVersion"] = meta.APIVersion
	}
	if s, _ := obj["kind"].(string); s == "" && meta.Kind != "" {
		obj["kind"] = meta.Kind
	}
	if s, _ := md["namespace"].(string); s == "" && meta.Namespace != "" {
		md["namespace"] = meta.Namespace
	}
	delete(obj, "status")
	delete(md, "managedFields")
	if ann, ok := md["annotations"].(map[string]any); ok {
		delete(ann, "kubectl.kubernetes.io/last-applied-configuration")
		if len(ann) == 0 {
			delete(md, "annotations")
		}
	}
	o := &Object{}
	o.Kind, _ = obj["kind"].(string)
	o.Namespace, _ = md["namespace"].(string)
	o.Name, _ = md["name"].(string)
	if o.Name == "" {
		if g, _ := md["generateName"].(string); g != "" {
			o.Name = g + "*"
		}
	}
	o.ID = ID(o.Namespace, o.Kind, o.Name)
	r := &renderer{}
	r.mapping(obj, 0, "", "", true)
	o.fields = r.fields
	for _, b := range r.blocks {
		if b.parent == "data" || b.parent == "binaryData" {
			b.embeddedPath = o.ID + "/" + b.key
			o.texts = append(o.texts, b.text)
		}
	}
	o.File = &source.File{Path: o.ID, Abs: o.ID, Format: source.YAML, Data: r.buf.Bytes()}
	return o, nil
}

// ID names an object `namespace/Kind/name`, or `Kind/name` without a namespace.
func ID(namespace, kind, name string) string {
	if name == "" {
		name = "(unnamed)"
	}
	if kind == "" {
		kind = "(no kind)"
	}
	if namespace == "" {
		return kind + "/" + name
	}
	return namespace + "/" + kind + "/" + name
}

// Locate maps a position in the rendering: inside a ConfigMap key's text it names the key as
// a file (ID/key) with the line and column inside the text; elsewhere it is left as it is.
// ok is false when p is not in this object's rendering.
func (o *Object) Locate(p model.Pos) (model.Pos, bool) {
	if p.File != o.ID {
		return p, false
	}
	for _, t := range o.texts {
		if p.Line >= t.first && p.Line < t.first+t.n {
			q := model.Pos{File: t.embeddedPath, Line: p.Line - t.first + 1, Col: max(p.Col-t.indent, 1)}
			q.EndLine, q.EndCol = q.Line, q.Col
			if p.EndLine >= p.Line && p.EndLine < t.first+t.n {
				q.EndLine, q.EndCol = p.EndLine-t.first+1, max(p.EndCol-t.indent, 1)
			}
			return q, true
		}
	}
	return p, true
}

// Field is the field path written on line n of the rendering ("" when unknown).
func (o *Object) Field(n int) string {
	if n < 1 || n > len(o.fields) {
		return ""
	}
	return o.fields[n-1]
}

// Describe tells a person where p (a position in the rendering) is: the key file with line
// and column (`kube-system/ConfigMap/coredns/Corefile:12:5`), or the object and its field
// (`default/Deployment/web spec.template.spec.dnsConfig`).
func (o *Object) Describe(p model.Pos) string {
	q, ok := o.Locate(p)
	if !ok {
		return p.String()
	}
	if q.File != o.ID {
		return q.String()
	}
	if f := o.Field(p.Line); f != "" {
		return o.ID + " " + f
	}
	return o.ID
}

// Describe tells a person where p is among the renderings objs (Object.Describe of the
// object that holds it), or writes p as it is when none holds it (a platform's default
// Corefile). The webhook describes a finding's related locations this way too.
func Describe(p model.Pos, objs []*Object) string {
	if o := Owner(p, objs); o != nil {
		return o.Describe(p)
	}
	return p.String()
}

// Owner returns the object whose rendering holds p, or nil.
func Owner(p model.Pos, objs []*Object) *Object {
	for _, o := range objs {
		if p.File == o.ID {
			return o
		}
	}
	return nil
}

// Files returns the renderings, to lint together.
func Files(objs []*Object) []*source.File {
	out := make([]*source.File, 0, len(objs))
	for _, o := range objs {
		out = append(out, o.File)
	}
	return out
}

// Remap rewrites a run's findings for people: positions inside ConfigMap keys, the
// findings' own and their related locations', become positions in the key's text (file
// ID/key), whose text is added to sources (a new map when nil, returned) so that reporters
// can show the line. Messages are left as they are: they name places, never lines
// (finding.EmbeddedCoordinate). Findings are sorted again.
func Remap(findings []finding.Finding, sources map[string][]byte, objs []*Object) map[string][]byte {
	for i := range findings {
		f := &findings[i]
		f.Pos = locate(f.Pos, objs)
		for j := range f.Related {
			f.Related[j].Pos = locate(f.Related[j].Pos, objs)
		}
	}
	if sources == nil {
		sources = map[string][]byte{}
	}
	for _, o := range objs {
		for _, t := range o.texts {
			sources[t.embeddedPath] = []byte(t.value)
		}
	}
	finding.Sort(findings)
	return sources
}

func locate(p model.Pos, objs []*Object) model.Pos {
	if o := Owner(p, objs); o != nil {
		q, _ := o.Locate(p)
		return q
	}
	return p
}

// renderer writes YAML that the lint pipeline maps line by line.
type renderer struct {
	buf    bytes.Buffer
	line   int
	fields []string
	blocks []block
}

type block struct {
	text
	parent string
}

// write writes one line of the rendering, which shows the field path.
func (r *renderer) write(field string, parts ...string) {
	for _, s := range parts {
		r.buf.WriteString(s)
	}
	r.buf.WriteByte('\n')
	r.line++
	r.fields = append(r.fields, field)
}

// lead is the prefix of a node's first line: its indentation, or a sequence entry's "- "
// in front of it.
func pad(indent int, lead string) string {
	if lead != "" {
		return lead
	}
	return strings.Repeat(" ", indent)
}

// mapping writes a non-empty mapping at indent; the first line starts with lead.
func (r *renderer) mapping(m map[string]any, indent int, lead, path string, root bool) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if root {
		// apiVersion, kind and metadata first, as people write them.
		first := []string{"apiVersion", "kind", "metadata"}
		keys = slices.DeleteFunc(keys, func(k string) bool { return slices.Contains(first, k) })
		for i := len(first) - 1; i >= 0; i-- {
			if _, ok := m[first[i]]; ok {
				keys = append([]string{first[i]}, keys...)
			}
		}
	}
	for i, k := range keys {
		prefix := strings.Repeat(" ", indent)
		if i == 0 {
			prefix = pad(indent, lead)
		}
		field := joinKey(path, k)
		key := prefix + quoteKey(k) + ":"
		if qk := quoteKey(k); len(qk) > maxImplicitKey {
			// YAML allows implicit keys of up to 1024 characters: write an explicit one.
			r.write(field, prefix, "? ", qk)
			key = strings.Repeat(" ", indent) + ":"
		}
		switch v := m[k].(type) {
		case map[string]any:
			if len(v) == 0 {
				r.write(field, key, " {}")
				continue
			}
			r.write(field, key)
			r.mapping(v, indent+2, "", field, false)
		case []any:
			if len(v) == 0 {
				r.write(field, key, " []")
				continue
			}
			r.write(field, key)
			r.sequence(v, indent+2, "", field)
		case string:
			if literal(v) {
				r.literal(key, v, indent, k, path, field)
				continue
			}
			r.write(field, key, " ", scalar(v))
		default:
			r.write(field, key, " ", scalar(v))
		}
	}
}

// sequence writes a non-empty sequence at indent; the first line starts with lead.
func (r *renderer) sequence(s []any, indent int, lead, path string) {
	for i, item := range s {
		prefix := strings.Repeat(" ", indent)
		if i == 0 {
			prefix = pad(indent, lead)
		}
		field := fmt.Sprintf("%s[%d]", path, i)
		switch v := item.(type) {
		case map[string]any:
			if len(v) == 0 {
				r.write(field, prefix, "- {}")
				continue
			}
			r.mapping(v, indent+2, prefix+"- ", field, false)
		case []any:
			if len(v) == 0 {
				r.write(field, prefix, "- []")
				continue
			}
			r.sequence(v, indent+2, prefix+"- ", field)
		default:
			r.write(field, prefix, "- ", scalar(v))
		}
	}
}

// literal writes `key: |2` and the lines of s, indented 2 more than the mapping (indent).
func (r *renderer) literal(key, s string, indent int, k, parent, field string) {
	chomp, body := "-", s
	if strings.HasSuffix(s, "\n") {
		chomp, body = "", strings.TrimSuffix(s, "\n")
		if body == "" || strings.HasSuffix(body, "\n") {
			chomp = "+" // keep: the text ends with an empty line
		}
	}
	r.write(field, key, " |2", chomp)
	b := block{parent: parent, text: text{key: k, first: r.line + 1, indent: indent + 2, value: s}}
	prefix := strings.Repeat(" ", indent+2)
	for line := range strings.SplitSeq(body, "\n") {
		if line == "" {
			r.write(field)
			continue
		}
		r.write(field, prefix, line)
	}
	b.n = r.line - b.first + 1
	r.blocks = append(r.blocks, b)
}

// literal tells whether s can be written as a literal block scalar that reads back the
// same: it has a line break and only printable characters and tabs (no carriage return,
// no other line break that YAML knows: NEL, LS, PS, no byte-order mark).
func literal(s string) bool {
	if !strings.Contains(s, "\n") || !utf8.ValidString(s) {
		return false
	}
	for _, c := range s {
		switch {
		case c == '\n' || c == '\t':
		case c == '\uFEFF' || c == '\u0085' || c == '\u2028' || c == '\u2029':
			return false
		case !unicode.IsPrint(c) && c != ' ' && !unicode.Is(unicode.Zs, c):
			return false
		}
	}
	return true
}

// scalar writes a JSON value as a YAML flow scalar: strings as JSON strings (a JSON string
// is a YAML double-quoted scalar), numbers as they came.
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v)
		return escapeNonPrintable(strings.TrimSuffix(b.String(), "\n"))
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// escapeNonPrintable escapes what JSON leaves raw but a YAML double-quoted scalar may not
// hold (YAML 1.2 c-printable): DEL, the C1 controls (NEL would even be read as a line
// break), the byte-order mark, U+FFFE and U+FFFF.
func escapeNonPrintable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF {
			fmt.Fprintf(&b, `\u%04X`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// maxImplicitKey is below YAML's limit of 1024 characters for an implicit key.
const maxImplicitKey = 1000

var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_./-]*$`)

// reserved are plain words YAML 1.1 or 1.2 reads as something else than a string.
var reserved = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"y": true, "n": true, "null": true, "~": true,
}

func quoteKey(k string) string {
	if plainKey.MatchString(k) && !reserved[strings.ToLower(k)] {
		return k
	}
	return scalar(k)
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// joinKey extends a field path the way Kubernetes writes them: spec.dnsConfig,
// data[upstream.override].
func joinKey(path, k string) string {
	switch {
	case !identifier.MatchString(k):
		return path + "[" + k + "]"
	case path == "":
		return k
	}
	return path + "." + k
}
