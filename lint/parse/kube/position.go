package kube

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/dnslint/dnslint/lint/model"
)

var bomUTF8 = []byte("\xef\xbb\xbf")

// utf8Input converts a UTF-16 stream (which YAML allows, with a byte order mark) to UTF-8,
// so that the raw lines agree with what the YAML parser reads.
func utf8Input(data []byte) []byte {
	if len(data) < 2 {
		return data
	}
	var order func(b []byte) uint16
	switch {
	case data[0] == 0xff && data[1] == 0xfe:
		order = func(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
	case data[0] == 0xfe && data[1] == 0xff:
		order = func(b []byte) uint16 { return uint16(b[1]) | uint16(b[0])<<8 }
	default:
		return data
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		units = append(units, order(data[i:]))
	}
	return []byte(string(utf16.Decode(units)))
}

// lines is the file split into lines as the YAML scanner counts them (at CR, LF, CRLF,
// NEL, LS and PS), without the byte order mark, so that a node's Line indexes it.
type lines struct {
	text [][]byte
	// chars holds the byte offset of each character of the non-ASCII lines, built on demand.
	chars map[int][]int
}

func splitLines(data []byte) *lines {
	data = bytes.TrimPrefix(data, bomUTF8)
	l := &lines{chars: map[int][]int{}}
	start := 0
	for i := 0; i < len(data); {
		n := breakLen(data[i:])
		if n == 0 {
			i++
			continue
		}
		l.text = append(l.text, data[start:i])
		i += n
		start = i
	}
	l.text = append(l.text, data[start:])
	return l
}

// breakLen is the length of the line break b starts with, or 0.
func breakLen(b []byte) int {
	switch b[0] {
	case '\n':
		return 1
	case '\r':
		if len(b) > 1 && b[1] == '\n' {
			return 2
		}
		return 1
	case 0xc2: // NEL
		if len(b) > 1 && b[1] == 0x85 {
			return 2
		}
	case 0xe2: // LS, PS
		if len(b) > 2 && b[1] == 0x80 && (b[2] == 0xa8 || b[2] == 0xa9) {
			return 3
		}
	}
	return 0
}

// count is the number of lines.
func (l *lines) count() int { return len(l.text) }

// line returns 1-based line n, or nil.
func (l *lines) line(n int) []byte {
	if n < 1 || n > len(l.text) {
		return nil
	}
	return l.text[n-1]
}

// offsets returns the byte offset of each character of line n, or nil for an ASCII line.
func (l *lines) offsets(n int) []int {
	if offs, ok := l.chars[n]; ok {
		return offs
	}
	var offs []int
	if s := l.line(n); !isASCII(s) {
		offs = make([]int, 0, len(s))
		for i := 0; i < len(s); {
			offs = append(offs, i)
			_, size := utf8.DecodeRune(s[i:])
			i += size
		}
	}
	l.chars[n] = offs
	return offs
}

// offset is the byte offset of 1-based character column col in line n, at most its length.
func (l *lines) offset(n, col int) int {
	s := l.line(n)
	if offs := l.offsets(n); offs != nil {
		if col-1 < len(offs) {
			return offs[max(col-1, 0)]
		}
		return len(s)
	}
	return min(max(col-1, 0), len(s))
}

// col is the 1-based character column of byte offset off in line n.
func (l *lines) col(n, off int) int {
	offs := l.offsets(n)
	if offs == nil {
		return off + 1
	}
	lo, hi := 0, len(offs)
	for lo < hi {
		if m := (lo + hi) / 2; offs[m] < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo + 1
}

func isASCII(s []byte) bool {
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// point is the position of the start of node n.
func (p *parser) point(n *yaml.Node) model.Pos {
	line, col := p.clamp(n.Line, n.Column)
	return model.Pos{File: p.file, Line: line, Col: col, EndLine: line, EndCol: col}
}

// clamp keeps a node's line and column inside the file.
func (p *parser) clamp(line, col int) (int, int) {
	return min(max(line, 1), p.lines.count()), max(col, 1)
}

// span is the position of node n: for a scalar, from its first character (after any anchor
// or tag) to its end on that line (for a block scalar, its header |-, >2 …); for another
// node, its first character.
func (p *parser) span(n *yaml.Node) model.Pos {
	pos := p.point(n)
	if !isScalar(n) {
		return pos
	}
	raw := p.lines.line(pos.Line)
	start := skipProperties(raw, p.lines.offset(pos.Line, pos.Col))
	if start >= len(raw) {
		return pos
	}
	pos.Col = p.lines.col(pos.Line, start)
	switch {
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		pos.EndCol = pos.Col + len(blockHeader(raw[start:])) - 1
	case n.Style&yaml.DoubleQuotedStyle != 0:
		pos.EndCol = p.lines.col(pos.Line, closingQuote(raw, start, '"'))
	case n.Style&yaml.SingleQuotedStyle != 0:
		pos.EndCol = p.lines.col(pos.Line, closingQuote(raw, start, '\''))
	default:
		// A plain scalar has no escapes: its first line is its text up to where it folds.
		end := pos.Col + utf8.RuneCountInString(n.Value) - 1
		pos.EndCol = max(pos.Col, min(end, p.lines.col(pos.Line, lastNonSpace(raw))))
	}
	return pos
}

// skipProperties skips the anchor (&a) and tag (!t) that may precede a node at offset i of raw.
func skipProperties(raw []byte, i int) int {
	for i < len(raw) && (raw[i] == '&' || raw[i] == '!') {
		for i < len(raw) && strings.IndexByte(" \t,[]{}", raw[i]) < 0 {
			i++
		}
		for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t') {
			i++
		}
	}
	return i
}

// blockHeader returns the indicators of the block scalar header that s starts with: | or >
// and up to two indentation and chomping indicators.
func blockHeader(s []byte) []byte {
	n := 1
	for n < len(s) && n < 3 && strings.IndexByte("123456789+-", s[n]) >= 0 {
		n++
	}
	return s[:min(n, len(s))]
}

// closingQuote is the offset of the quote that closes the scalar opened at raw[start], or of
// the last non-blank character when the scalar goes on past the line.
func closingQuote(raw []byte, start int, quote byte) int {
	for i := start + 1; i < len(raw); i++ {
		switch {
		case quote == '"' && raw[i] == '\\':
			i++
		case raw[i] == quote && quote == '\'' && i+1 < len(raw) && raw[i+1] == '\'':
			i++
		case raw[i] == quote:
			return i
		}
	}
	return lastNonSpace(raw)
}

// lastNonSpace is the offset of the last character of raw that is not a space or tab.
func lastNonSpace(raw []byte) int {
	return max(len(bytes.TrimRight(raw, " \t"))-1, 0)
}

// cursor turns ascending byte offsets of a text into 1-based lines and character columns.
type cursor struct {
	text           []byte
	off, line, col int
}

func newCursor(text []byte) *cursor { return &cursor{text: text, line: 1, col: 1} }

// at returns the line and column of offset off, which must not be below the previous one.
func (c *cursor) at(off int) (line, col int) {
	for ; c.off < off && c.off < len(c.text); c.off++ {
		switch b := c.text[c.off]; {
		case b == '\n':
			c.line, c.col = c.line+1, 1
		case b&0xc0 != 0x80: // not a UTF-8 continuation byte
			c.col++
		}
	}
	return c.line, c.col
}
