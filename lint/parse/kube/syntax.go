package kube

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// SyntaxError is a stream that is not valid YAML.
type SyntaxError struct {
	// Line and Col are 1-based; Col is 1 when the YAML parser does not tell it.
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// yamlLine matches the YAML parser's "yaml: line N: message".
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError turns an error of the YAML parser into a *SyntaxError. When the parser does
// not tell the line (bad UTF-8, control characters), the first such character gives it.
func (p *parser) syntaxError(err error, data []byte) *SyntaxError {
	msg := err.Error()
	e := &SyntaxError{Line: 1, Col: 1}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else if off := firstUnreadable(data); off >= 0 {
		e.Line, e.Col = locate(data, off)
	}
	e.Msg = strings.TrimPrefix(msg, "yaml: ")
	e.Line, e.Col = p.clamp(e.Line, e.Col)
	return e
}

// firstUnreadable is the offset of the first byte YAML cannot read: invalid UTF-8 or a
// control character other than tab and line breaks; -1 if none. Offsets here and in locate
// do not count a byte order mark.
func firstUnreadable(data []byte) int {
	data = bytes.TrimPrefix(data, bomUTF8)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1,
			r < 0x20 && r != '\t' && r != '\n' && r != '\r',
			r == 0x7f, r >= 0x80 && r < 0xa0 && r != 0x85,
			r == 0xfffe, r == 0xffff:
			return i
		}
		i += size
	}
	return -1
}

// locate is the 1-based line and character column of byte offset off of data.
func locate(data []byte, off int) (line, col int) {
	data = bytes.TrimPrefix(data, bomUTF8)
	line, start := 1, 0
	for i := 0; i < off && i < len(data); {
		if n := breakLen(data[i:]); n > 0 {
			i += n
			line, start = line+1, i
			continue
		}
		i++
	}
	return line, utf8.RuneCount(data[start:min(off, len(data))]) + 1
}
