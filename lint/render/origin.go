package render

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// origin places positions of a rendered text (source.Origin): a line whose key path is
// found in one of the candidate files goes to that file's line, shifted by the
// difference of the key's columns; a line of a block scalar goes to the same line of
// the candidate's block when the two read alike; anything else to the first line of
// the primary file, with the rendered line quoted in the message.
type origin struct {
	rendered *keyIndex
	// candidates are the documents a rendered document may come from, the most specific
	// first (a kustomize patch before the resource it patches).
	candidates func(doc int) []candidate
	// primary is the file a position that no candidate holds is given to (its line 1).
	primary     string
	primaryLine string
	// values are Helm values files, the one that wins first, and refs the .Values
	// references of the template, to tell which values file line a rendered value
	// came from.
	values []*textFile
	tmpl   *textFile
}

// textFile is a file the user edits, as the origin reads it.
type textFile struct {
	path string
	keys *keyIndex
	// rawKey, when set, makes the whole file the value of that key path: a file a
	// kustomize generator turns into a ConfigMap key (configMapGenerator files).
	rawKey string
}

type candidate struct {
	file *textFile
	doc  int
}

var _ source.Origin = (*origin)(nil)

// Place implements source.Origin.
func (o *origin) Place(p model.Pos) source.Placed {
	k := o.rendered.line(p.Line)
	if k.Path != "" {
		for _, c := range o.candidates(k.Doc) {
			line, shift, ok := o.match(c, k)
			if !ok {
				continue
			}
			pos := model.Pos{File: c.file.path, Line: line, Col: max(p.Col+shift, 1), EndLine: line, EndCol: max(p.EndCol+shift, 1)}
			if p.EndLine != p.Line {
				if el, eshift, ok := o.match(c, o.rendered.line(p.EndLine)); ok && el >= line {
					pos.EndLine, pos.EndCol = el, max(p.EndCol+eshift, 1)
				}
			}
			pos.EndCol = min(pos.EndCol, width(c.file.keys, pos.EndLine))
			if pos.EndLine == pos.Line && pos.EndCol < pos.Col {
				pos.EndCol = pos.Col
			}
			return source.Placed{Pos: pos, Related: o.valueOrigin(c, k, line)}
		}
	}
	snippet := strings.TrimSpace(o.rendered.text(p.Line))
	note := ""
	if snippet != "" {
		note = fmt.Sprintf(" (rendered from %s as `%s`)", o.primary, cut(snippet, 120))
	}
	end := max(utf8.RuneCountInString(o.primaryLine), 1)
	return source.Placed{
		Pos:     model.Pos{File: o.primary, Line: 1, Col: 1, EndLine: 1, EndCol: end},
		Note:    note,
		Related: o.valueOrigin(candidate{}, k, 0),
	}
}

// match finds what rendered line k starts in candidate c: its line and the column shift.
func (o *origin) match(c candidate, k lineKey) (line, shift int, ok bool) {
	if k.Path == "" {
		return 0, 0, false
	}
	if c.file.rawKey != "" {
		raw := c.file.keys.text(k.Offset)
		if k.Path != c.file.rawKey || k.Offset == 0 || strings.TrimSpace(raw) != k.Text {
			return 0, 0, false
		}
		indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
		return k.Offset, utf8.RuneCountInString(raw[:indent]) + 1 - k.Col, true
	}
	n := c.file.keys.find(c.doc, k.Path)
	if n == 0 {
		return 0, 0, false
	}
	if k.Offset > 0 {
		m := c.file.keys.line(n + k.Offset)
		if m.Offset != k.Offset || m.Text != k.Text || m.Path != k.Path {
			return 0, 0, false
		}
		n += k.Offset
		return n, m.Col - k.Col, true
	}
	return n, c.file.keys.line(n).Col - k.Col, true
}

// valuesRef is a reference to the chart's values in a template: `.Values.a.b`.
var valuesRef = regexp.MustCompile(`\.Values((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)`)

// valueOrigin tells which values file line a rendered value came from (Helm only): the
// .Values reference on the template line that produced it, else a reference of the
// template under whose path the rendered key path continues, looked up in the values
// files, the one that wins first.
func (o *origin) valueOrigin(c candidate, k lineKey, line int) []source.Related {
	if len(o.values) == 0 || o.tmpl == nil || k.Path == "" || k.Offset > 0 && line > 0 {
		return nil
	}
	var paths []string
	if line > 0 {
		for _, m := range valuesRef.FindAllStringSubmatch(c.file.keys.text(line), -1) {
			paths = append(paths, strings.TrimPrefix(m[1], "."))
		}
	} else {
		for _, m := range valuesRef.FindAllStringSubmatch(strings.Join(o.tmpl.keys.raw, "\n"), -1) {
			ref := strings.TrimPrefix(m[1], ".")
			// The rendered path continues below the key that holds the reference's value:
			// toYaml .Values.dnsConfig under dnsConfig: options.0.value is
			// dnsConfig.options.0.value.
			for rest := k.Path; rest != ""; rest = tail(rest) {
				paths = append(paths, join(ref, rest))
			}
		}
	}
	for _, p := range paths {
		for _, v := range o.values {
			if n := v.keys.findAny(p); n > 0 {
				col := v.keys.line(n).Col
				return []source.Related{{
					Message: fmt.Sprintf("the value comes from %s: %s", v.path, p),
					Pos:     model.Pos{File: v.path, Line: n, Col: col, EndLine: n, EndCol: width(v.keys, n)},
				}}
			}
		}
	}
	return nil
}

// tail drops the first element of a key path.
func tail(path string) string {
	_, rest, _ := strings.Cut(path, ".")
	return rest
}

// text returns line n of the indexed text.
func (ix *keyIndex) text(n int) string {
	if n < 1 || n > len(ix.raw) {
		return ""
	}
	return strings.TrimRight(ix.raw[n-1], "\r")
}

// width is the number of characters of line n, at least 1.
func width(ix *keyIndex, n int) int { return max(utf8.RuneCountInString(ix.text(n)), 1) }

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
