package render

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A key path names a YAML node by the keys and list indexes that lead to it inside its
// document ("spec.template.spec.dnsConfig.options.0.value"). Rendered output and the
// files it came from (a Helm template, a kustomize resource or patch, a values file)
// are scanned line by line for the key path each line starts; a Helm template is no
// YAML, so the scanner reads indentation and keys only, and skips lines that hold
// nothing but template actions ({{ … }}).

// lineKey is what one line of a text starts: a key (Path, whose last element is the key
// at Col), or a line inside the block scalar of the key Path (Offset lines below it).
type lineKey struct {
	Doc    int
	Path   string
	Col    int // 1-based character column of the key (or of the text in a block line)
	Offset int // > 0: a line of the block scalar of Path
	Text   string
}

// keyIndex maps each line (1-based) of a text to what it starts, and each key path of
// each document to the line of its first occurrence.
type keyIndex struct {
	lines []lineKey // index 0 unused
	first map[string]int
	raw   []string
}

// docKey is the key of first: document index and path.
func docKey(doc int, path string) string { return strconv.Itoa(doc) + "\x00" + path }

type frame struct {
	indent int
	path   string
	list   bool // a list item frame: its children are indexed
}

// scanKeys indexes text. It never fails: a line it cannot read starts nothing.
func scanKeys(text string) *keyIndex {
	raw := strings.Split(text, "\n")
	ix := &keyIndex{lines: make([]lineKey, len(raw)+1), first: map[string]int{}, raw: raw}
	doc := 0
	var stack []frame
	block := -1 // indentation of the key that opened a block scalar, -1: none
	blockPath, blockLine := "", 0
	// listNext counts the items of each list, by the path of the key that holds it.
	listNext := map[string]int{}
	seen := false // the document has a key: a "---" after it starts the next one
	for i, line := range raw {
		n := i + 1
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if block >= 0 {
			if trimmed == "" || indent > block {
				ix.lines[n] = lineKey{Doc: doc, Path: blockPath, Offset: n - blockLine, Col: utf8.RuneCountInString(line[:indent]) + 1, Text: trimmed}
				continue
			}
			block = -1
		}
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case trimmed == "---" || strings.HasPrefix(trimmed, "--- "):
			if seen {
				doc++
			}
			stack, listNext, seen = nil, map[string]int{}, false
			continue
		case templateOnly(trimmed):
			continue
		}
		item := strings.HasPrefix(trimmed, "- ") || trimmed == "-"
		for len(stack) > 0 {
			top := stack[len(stack)-1]
			// A list may stand at its key's indentation ("key:\n- a").
			if top.indent < indent || item && top.indent == indent && !top.list {
				break
			}
			stack = stack[:len(stack)-1]
		}
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1].path
		}
		rest, col := line[indent:], indent
		// "- " items, possibly nested on one line ("- - a").
		for strings.HasPrefix(rest, "- ") || rest == "-" {
			idx := listNext[parent]
			listNext[parent] = idx + 1
			parent = join(parent, strconv.Itoa(idx))
			stack = append(stack, frame{indent: col, path: parent, list: true})
			skip := 1 + len(rest[1:]) - len(strings.TrimLeft(rest[1:], " "))
			rest, col = rest[skip:], col+skip
		}
		key, value, ok := splitKey(rest)
		if !ok {
			if rest != line[indent:] { // a scalar list item
				ix.set(n, lineKey{Doc: doc, Path: parent, Col: utf8.RuneCountInString(line[:col]) + 1, Text: trimmed})
			}
			continue
		}
		path := join(parent, key)
		seen = true
		ix.set(n, lineKey{Doc: doc, Path: path, Col: utf8.RuneCountInString(line[:col]) + 1, Text: trimmed})
		stack = append(stack, frame{indent: col, path: path})
		if v := strings.TrimSpace(value); strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">") {
			block, blockPath, blockLine = col, path, n
		}
	}
	return ix
}

func (ix *keyIndex) set(n int, k lineKey) {
	ix.lines[n] = k
	if _, ok := ix.first[docKey(k.Doc, k.Path)]; !ok && k.Offset == 0 {
		ix.first[docKey(k.Doc, k.Path)] = n
	}
}

// line returns what line n starts (zero when nothing).
func (ix *keyIndex) line(n int) lineKey {
	if n < 1 || n >= len(ix.lines) {
		return lineKey{}
	}
	return ix.lines[n]
}

// find returns the line of path in document doc, 0 when the text has none.
func (ix *keyIndex) find(doc int, path string) int { return ix.first[docKey(doc, path)] }

// findAny returns the line of path in any document, 0 when none: values files and
// single-object sources.
func (ix *keyIndex) findAny(path string) int {
	for doc := 0; doc <= len(ix.lines); doc++ {
		if n := ix.find(doc, path); n > 0 {
			return n
		}
		if doc > 64 {
			break
		}
	}
	return 0
}

// templateOnly tells whether a trimmed line holds template actions only.
func templateOnly(s string) bool {
	if !strings.HasPrefix(s, "{{") {
		return false
	}
	rest := s
	for strings.HasPrefix(rest, "{{") {
		end := strings.Index(rest, "}}")
		if end < 0 {
			return true // an action that goes on over the next lines
		}
		rest = strings.TrimSpace(rest[end+2:])
	}
	return rest == ""
}

// splitKey reads "key: value" or "key:" (a plain or quoted key).
func splitKey(s string) (key, value string, ok bool) {
	if s == "" || strings.HasPrefix(s, "{{") || strings.HasPrefix(s, "#") {
		return "", "", false
	}
	if q := s[0]; q == '"' || q == '\'' {
		end := strings.IndexByte(s[1:], q)
		if end < 0 || !strings.HasPrefix(s[end+2:], ":") {
			return "", "", false
		}
		key, rest := s[1:end+1], s[end+3:]
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return "", "", false
		}
		return key, rest, true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
				return strings.TrimSpace(s[:i]), s[i+1:], i > 0
			}
		case '{', '[', '#', '"', '\'':
			if i == 0 || s[i] == '#' && s[i-1] == ' ' {
				return "", "", false
			}
		}
	}
	return "", "", false
}

func join(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}
