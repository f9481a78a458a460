package fix

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// lines indexes the starts of a file's lines.
type lines struct {
	src    []byte
	starts []int
}

func newLines(src []byte) lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lines{src: src, starts: starts}
}

// bounds is the byte range of line n (1-based) without its line break.
func (l lines) bounds(n int) (start, end int, ok bool) {
	if n < 1 || n > len(l.starts) {
		return 0, 0, false
	}
	start = l.starts[n-1]
	end = len(l.src)
	if n < len(l.starts) {
		end = l.starts[n] - 1
	}
	return start, end, true
}

// offset is the byte offset of character column col of line n; col may be one past the
// line's last character.
func (l lines) offset(n, col int) (int, bool) {
	start, end, ok := l.bounds(n)
	if !ok || col < 1 {
		return 0, false
	}
	off := start
	for c := 1; c < col; c++ {
		if off >= end {
			return 0, false
		}
		_, size := utf8.DecodeRune(l.src[off:end])
		off += size
	}
	return off, true
}

// place is the line and character column of byte offset off.
func (l lines) place(off int) (line, col int) {
	n := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) // the line after off's
	return n, utf8.RuneCount(l.src[l.starts[n-1]:off]) + 1
}

// crlf tells whether line n ends in CR LF.
func (l lines) crlf(n int) bool {
	_, end, ok := l.bounds(n)
	return ok && end < len(l.src) && end > 0 && l.src[end-1] == '\r'
}

// indentation is the leading blanks of line n.
func (l lines) indentation(n int) string {
	start, end, _ := l.bounds(n)
	line := l.src[start:end]
	return string(line[:len(line)-len(bytes.TrimLeft(line, " \t"))])
}

// Index is a file indexed by lines, for Text.
type Index struct{ l lines }

// NewIndex indexes src (once; Text is then cheap).
func NewIndex(src []byte) *Index { return &Index{newLines(src)} }

// Text is what the file holds at p (its end inclusive), or false when p is not in it.
func (x *Index) Text(p model.Pos) (string, bool) {
	l, src := x.l, x.l.src
	start, ok1 := l.offset(p.Line, p.Col)
	last, ok2 := l.offset(p.EndLine, p.EndCol)
	if !ok1 || !ok2 || last < start || last >= len(src) {
		return "", false
	}
	_, size := utf8.DecodeRune(src[last:])
	return string(src[start : last+size]), true
}

// Resolve places edits in src, the content of file: the replacements to make, or an
// error that says why the fix is declined.
func Resolve(file string, src []byte, edits []finding.Edit) ([]finding.Replacement, error) {
	return newLines(src).resolveAll(file, edits)
}

func (l lines) resolveAll(file string, edits []finding.Edit) ([]finding.Replacement, error) {
	out := make([]finding.Replacement, 0, len(edits))
	for _, e := range edits {
		r, err := l.resolve(file, e)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (l lines) resolve(file string, e finding.Edit) (finding.Replacement, error) {
	p := e.Pos
	if p.File != file {
		return finding.Replacement{}, fmt.Errorf("the edit is in %s, not in %s where the finding is", p.File, file)
	}
	endLine, endCol := p.EndLine, p.EndCol
	if endLine == 0 {
		endLine, endCol = p.Line, p.Col
	}
	start, ok1 := l.offset(p.Line, p.Col)
	last, ok2 := l.offset(endLine, endCol)
	if !ok1 || !ok2 || last < start || last >= len(l.src) {
		return finding.Replacement{}, fmt.Errorf("%s:%d:%d: the edit's range is not in the file", file, p.Line, p.Col)
	}
	_, size := utf8.DecodeRune(l.src[last:])
	end := last + size
	held := string(l.src[start:end])
	text := e.Text
	switch e.Op {
	case finding.OpScalar:
		var err error
		if text, err = reencode(held, e.Expect, e.Text); err != nil {
			return finding.Replacement{}, fmt.Errorf("%s:%d:%d: %w", file, p.Line, p.Col, err)
		}
	case finding.OpDeleteItem:
		var err error
		if _, err = reencode(held, e.Expect, e.Expect); err == nil {
			start, end, err = l.item(start, end, p.Line)
		}
		if err != nil {
			return finding.Replacement{}, fmt.Errorf("%s:%d:%d: %w", file, p.Line, p.Col, err)
		}
		text = ""
	default:
		if collapse(held) != collapse(e.Expect) && !quotedScalar(held, e.Expect) {
			hint := ""
			if strings.ContainsAny(held[:1], "\"'>|") {
				hint = " (a Corefile in a quoted or folded YAML scalar has no position per token; write it as a literal block scalar, `|`, to have it fixed)"
			}
			return finding.Replacement{}, fmt.Errorf("%s:%d:%d holds %q, not %q as the rule read it%s",
				file, p.Line, p.Col, shorten(held), shorten(e.Expect), hint)
		}
		if !e.Raw {
			// Text inserted before a token that ends in a line break puts that token on
			// a new line: it takes the indentation too.
			text = indent(text, l.indentation(p.Line), e.Op == finding.OpInsertBefore)
		}
		if l.crlf(p.Line) { // a file with CRLF line ends keeps them
			text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
		}
	}
	switch e.Op {
	case finding.OpInsertBefore:
		end = start
	case finding.OpInsertAfter:
		start = end
	case finding.OpDelete:
		text = ""
		start, end = l.wholeLines(start, end, p.Line, endLine)
	}
	r := finding.Replacement{File: file, Offset: start, Length: end - start, Text: text}
	r.StartLine, r.StartCol = l.place(start)
	r.EndLine, r.EndCol = l.place(end)
	return r, nil
}

// item widens the range of a YAML sequence item's scalar to the item: `- x` on a line of
// its own (the whole line), or `, x` / `x, ` in a flow sequence.
func (l lines) item(start, end, line int) (int, int, error) {
	ls, le, _ := l.bounds(line)
	before := bytes.TrimRight(l.src[ls:start], " \t")
	after := bytes.TrimLeft(l.src[end:le], " \t")
	switch {
	case len(bytes.TrimSpace(before)) == 1 && before[len(before)-1] == '-' && (len(after) == 0 || after[0] == '#'):
		if le < len(l.src) {
			return ls, le + 1, nil
		}
		return ls, le, nil
	case len(before) > 0 && before[len(before)-1] == ',':
		return ls + len(before) - 1, end, nil
	case len(before) > 0 && before[len(before)-1] == '[' && len(after) > 0 && after[0] == ',':
		comma := end + bytes.IndexByte(l.src[end:le], ',')
		next := comma + 1
		for next < le && (l.src[next] == ' ' || l.src[next] == '\t') {
			next++
		}
		return start, next, nil
	}
	return 0, 0, fmt.Errorf("not an item of a YAML sequence written `- x` on its own line or `[a, b]`")
}

// wholeLines widens a deletion to its whole lines, line breaks included, when nothing but
// blanks stands beside it on them.
func (l lines) wholeLines(start, end, first, last int) (int, int) {
	ls, _, _ := l.bounds(first)
	_, le, _ := l.bounds(last)
	if len(bytes.TrimSpace(l.src[ls:start])) > 0 || len(bytes.TrimSpace(l.src[end:le])) > 0 {
		// Something stays on the line: take the blanks after the range with it, or, at
		// the end of the line, those before it (no trailing blanks are left).
		for end < le && (l.src[end] == ' ' || l.src[end] == '\t') {
			end++
		}
		if len(bytes.TrimRight(l.src[end:le], "\r")) == 0 {
			for start > ls && (l.src[start-1] == ' ' || l.src[start-1] == '\t') {
				start--
			}
		}
		return start, end
	}
	if le < len(l.src) {
		return ls, le + 1
	}
	if ls > 0 { // the last line, without a line break: take the one before it
		return ls - 1, le
	}
	return ls, le
}

// indent follows every line break of text that starts a non-empty line with prefix (and
// the last one, when text is followed by a token of the file).
func indent(text, prefix string, followed bool) string {
	if prefix == "" || !strings.Contains(text, "\n") {
		return text
	}
	parts := strings.Split(text, "\n")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" || followed && i == len(parts)-1 {
			parts[i] = prefix + parts[i]
		}
	}
	return strings.Join(parts, "\n")
}

// collapse reduces runs of blanks to one space, so that an expectation written with
// single spaces matches tokens written with several.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func shorten(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

// quotedScalar tells whether held is a one-line quoted YAML scalar of value want: an
// edit beside a YAML value reads it as the rule does, quotes or not.
func quotedScalar(held, want string) bool {
	if len(held) < 2 || held[0] != '"' && held[0] != '\'' {
		return false
	}
	_, err := reencode(held, want, want)
	return err == nil
}

// reencode checks that held is a one-line YAML scalar (plain, single- or double-quoted)
// of value want, and writes value in its style; a plain scalar that would read as another
// type, or another value, is double-quoted.
func reencode(held, want, value string) (string, error) {
	var n yaml.Node
	if strings.ContainsAny(held, "\n\r") || yaml.Unmarshal([]byte(held), &n) != nil || len(n.Content) != 1 {
		return "", fmt.Errorf("holds %q, not a one-line YAML scalar", shorten(held))
	}
	s := n.Content[0]
	if s.Kind != yaml.ScalarNode || s.Value != want || s.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return "", fmt.Errorf("holds %q, not the scalar %q the rule read", shorten(held), shorten(want))
	}
	switch {
	case s.Style&yaml.SingleQuotedStyle != 0 && !strings.ContainsAny(value, "\n\r\t"):
		return "'" + strings.ReplaceAll(value, "'", "''") + "'", nil
	case s.Style&yaml.DoubleQuotedStyle != 0, s.Style&yaml.SingleQuotedStyle != 0:
		return doubleQuoted(value), nil
	}
	var back yaml.Node
	if yaml.Unmarshal([]byte(value), &back) == nil && len(back.Content) == 1 {
		b := back.Content[0]
		if b.Kind == yaml.ScalarNode && b.Style == 0 && b.Value == value && b.ShortTag() == s.ShortTag() {
			return value, nil
		}
	}
	return doubleQuoted(value), nil
}

// doubleQuoted writes a YAML double-quoted scalar (JSON's escapes are YAML's).
func doubleQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// NotEdited is why a fix in a file the run did not lint is declined.
const NotEdited = "the finding is in a file this run only read (an import, a partner, a platform default) or saw through a rendering (a Helm template, a values file, a kustomize source): dnslint edits only the plain files it was asked to lint"

// ResolveFindings resolves the fixes of findings in place: those in files of editable
// (display path → content as read) get their replacements, or the reason they cannot be
// placed; those elsewhere are declined.
func ResolveFindings(findings []finding.Finding, editable map[string][]byte) {
	indexed := map[string]lines{}
	for i := range findings {
		f := findings[i].Fix
		if f == nil || f.Declined != "" {
			continue
		}
		c := *f
		findings[i].Fix = &c
		file := findings[i].Pos.File
		src, ok := editable[file]
		if !ok {
			c.Declined = NotEdited
			continue
		}
		l, ok := indexed[file] // each file is indexed once, however many fixes it has
		if !ok {
			l = newLines(src)
			indexed[file] = l
		}
		reps, err := l.resolveAll(file, c.Edits)
		if err != nil {
			c.Declined = err.Error()
			continue
		}
		c.Replacements = reps
	}
}
