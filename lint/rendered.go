package lint

import (
	"regexp"
	"strconv"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// placeRendered moves the findings on rendered texts (a Helm template's output, a
// kustomize build's objects: source.File.Origin) to the files the user edits, and
// replaces the rendered texts in sources by those files' texts. A finding that two
// rendered texts report at the same place (a base resource built by two overlays) is
// kept once.
func placeRendered(files []*source.File, found []finding.Finding, sources map[string][]byte) []finding.Finding {
	origins := map[string]source.Origin{}
	only := map[string]map[string]bool{}
	for _, f := range files {
		if f.Origin == nil {
			continue
		}
		origins[f.Path], only[f.Path] = f.Origin, f.Only
		delete(sources, f.Path)
		for name, b := range f.Edited {
			sources[name] = b
		}
	}
	if len(origins) == 0 {
		return found
	}
	place := func(p model.Pos) (source.Placed, bool) {
		o, ok := origins[p.File]
		if !ok {
			return source.Placed{Pos: p}, false
		}
		return o.Place(p), true
	}
	type key struct {
		rule, msg string
		pos       model.Pos
	}
	seen := map[key]bool{}
	out := found[:0]
	for _, f := range found {
		f.Message = placeMentions(f.Message, origins)
		if o := only[f.Pos.File]; o != nil {
			if p, _ := place(f.Pos); !o[p.Pos.File] {
				continue
			}
		}
		if p, ok := place(f.Pos); ok {
			f.Pos, f.Message = p.Pos, f.Message+p.Note
			for _, r := range p.Related {
				f.Related = append(f.Related, finding.Related{Message: r.Message, Pos: r.Pos})
			}
		}
		for i, r := range f.Related {
			if p, ok := place(r.Pos); ok {
				f.Related[i].Pos = p.Pos
			}
		}
		k := key{f.RuleID, f.Message, f.Pos}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// mention is "FILE line N" in a message: rules name other places so.
var mention = regexp.MustCompile(`([^\s(]+) line (\d+)`)

// placeMentions rewrites the places a message names in rendered texts.
func placeMentions(msg string, origins map[string]source.Origin) string {
	return mention.ReplaceAllStringFunc(msg, func(m string) string {
		sub := mention.FindStringSubmatch(m)
		o, ok := origins[sub[1]]
		if !ok {
			return m
		}
		n, _ := strconv.Atoi(sub[2])
		p := o.Place(model.Pos{File: sub[1], Line: n, Col: 1, EndLine: n, EndCol: 1}).Pos
		return p.File + " line " + strconv.Itoa(p.Line)
	})
}
