package source

import (
	"unicode/utf8"

	"github.com/dnslint/dnslint/lint/model"
)

// Text is configuration text with the map from its own lines and columns back to the
// file the user edits. A plain file maps to itself; a Corefile inside a YAML block
// scalar maps line i to the YAML line where it stands, shifted by the indentation.
type Text struct {
	// File is the file the user edits (what findings name).
	File string
	// Name is the name the text has for its own consumer: the virtual path a Corefile
	// has inside the CoreDNS pod (e.g. /etc/coredns/Corefile), or File for plain files.
	Name string
	Body []byte
	// Lines maps a 1-based line of Body to the file; nil means identity.
	Lines LineMap
}

// LineMap places the lines of an embedded text in its file.
type LineMap interface {
	// Place returns the file line and the column offset of a text line.
	Place(line int) (fileLine, colOffset int)
}

// Shift is a LineMap for block scalars: text line i is file line First+i-1, indented by Indent.
type Shift struct{ First, Indent int }

// Place implements LineMap.
func (s Shift) Place(line int) (int, int) { return s.First + line - 1, s.Indent }

// Fixed is a LineMap for quoted or folded scalars, whose lines cannot be mapped one by one:
// every line maps to the scalar's own position.
type Fixed struct{ Line, Col int }

// Place implements LineMap.
func (f Fixed) Place(int) (int, int) { return f.Line, f.Col - 1 }

// Pos maps a range of the text (1-based lines, 1-based character columns) to the file.
func (t *Text) Pos(line, col, endLine, endCol int) model.Pos {
	if t.Lines == nil {
		return model.Pos{File: t.File, Line: line, Col: col, EndLine: endLine, EndCol: endCol}
	}
	l, off := t.Lines.Place(line)
	el, eoff := t.Lines.Place(endLine)
	if _, fixed := t.Lines.(Fixed); fixed {
		return model.Pos{File: t.File, Line: l, Col: off + 1, EndLine: l, EndCol: off + 1}
	}
	return model.Pos{File: t.File, Line: l, Col: col + off, EndLine: el, EndCol: endCol + eoff}
}

// Whole is the position of the whole text: its first line.
func (t *Text) Whole() model.Pos {
	p := t.Pos(1, 1, 1, 1)
	if t.Lines == nil {
		p.Line, p.EndLine = 0, 0
		p.Col, p.EndCol = 0, 0
	}
	return p
}

// Columns returns the 1-based character column of byte offset off within line.
func Columns(line []byte, off int) int {
	if off > len(line) {
		off = len(line)
	}
	return utf8.RuneCount(line[:off]) + 1
}
