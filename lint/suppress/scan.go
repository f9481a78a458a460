package suppress

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dnslint/dnslint/lint/model"
)

// marker starts the text of a directive comment.
const marker = "dnslint:ignore"

var bom = []byte("\ufeff")

// Directive is one dnslint:ignore comment.
type Directive struct {
	// Pos spans the comment, from its '#' to the end of the line.
	Pos model.Pos
	// Rules are rule ids or globs like pod/*. A directive without rules is malformed: it
	// silences nothing, and the caller reports it.
	Rules []string
	// Reason is the text after `--`, trimmed.
	Reason string
	// Used tells whether the directive silenced a finding.
	Used bool
	// alone is true when the comment is the only thing on its line.
	alone bool
	// object and through are the first and last line of what the directive is about
	// (objectSpan): its own line, or the line below when it stands alone, with the lines
	// nested under it.
	object, through int
}

// Scan finds the directives in a file's bytes. Malformed directives (no rule) are returned
// too, with Rules empty.
func Scan(file string, data []byte) []*Directive {
	var ds []*Directive
	var lines [][]byte
	for line := range bytes.Lines(bytes.TrimPrefix(data, bom)) {
		lines = append(lines, bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r")))
	}
	for i, line := range lines {
		n := i + 1
		at := commentStart(line)
		if at < 0 {
			continue
		}
		d := parse(string(line[at+1:]))
		if d == nil {
			continue
		}
		d.alone = len(bytes.TrimLeft(line[:at], " \t")) == 0
		d.Pos = model.Pos{
			File:    file,
			Line:    n,
			Col:     utf8.RuneCount(line[:at]) + 1,
			EndLine: n,
			EndCol:  utf8.RuneCount(bytes.TrimRight(line, " \t")),
		}
		d.object = n
		if d.alone {
			d.object = n + 1
		}
		d.through = objectEnd(lines, d.object)
		ds = append(ds, d)
	}
	return ds
}

// objectEnd is the last line (1-based) of the object that starts on line first: the
// lines below it indented deeper — a YAML `- name: ndots` item with its `value:`, a
// mapping key with what it holds, a Corefile plugin with its block — blank lines inside
// included. A blank or comment-only line, or one past the end, is an object of one line.
func objectEnd(lines [][]byte, first int) int {
	if first > len(lines) {
		return first
	}
	head := lines[first-1]
	body := bytes.TrimLeft(head, " \t")
	if len(body) == 0 || body[0] == '#' {
		return first
	}
	indent := len(head) - len(body)
	// A YAML key whose sequence is written at its own indentation (`options:` then
	// `- name: ndots`) holds those items too.
	code := body
	if at := commentStart(code); at >= 0 {
		code = code[:at]
	}
	key := bytes.HasSuffix(bytes.TrimRight(code, " \t"), []byte(":")) && !bytes.HasPrefix(body, []byte("- "))
	last := first
	for i := first; i < len(lines); i++ {
		rest := bytes.TrimLeft(lines[i], " \t")
		if len(rest) == 0 {
			continue
		}
		deeper := len(lines[i])-len(rest) > indent
		if !deeper && !(key && len(lines[i])-len(rest) == indent && (bytes.HasPrefix(rest, []byte("- ")) || string(rest) == "-")) {
			break
		}
		last = i + 1
	}
	return last
}

// parse reads the text of a comment (after its '#'); it returns nil when the comment is
// not a directive.
func parse(comment string) *Directive {
	rest, ok := strings.CutPrefix(strings.TrimLeft(comment, " \t"), marker)
	if !ok || rest != "" && !isBlank(rest[0]) {
		return nil
	}
	rules, reason, _ := strings.Cut(rest, "--")
	return &Directive{
		Rules:  strings.FieldsFunc(rules, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }),
		Reason: strings.TrimSpace(reason),
	}
}

// commentStart returns the byte offset of the '#' that starts the line's comment, or -1.
func commentStart(line []byte) int {
	var quote byte // the open quote, or 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote == '"' && c == '\\':
			i++ // an escaped character
		case quote == '\'' && c == '\'' && i+1 < len(line) && line[i+1] == '\'':
			i++ // '' inside '…'
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '#' && (i == 0 || isBlank(line[i-1])):
			return i
		case (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" \t[{,", line[i-1]) >= 0):
			quote = c
		}
	}
	return -1
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }
