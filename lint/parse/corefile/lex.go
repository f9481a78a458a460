package corefile

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/coredns/caddy/caddyfile"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// token is a lexer token with its place in its text and in the user's file. Tokens are
// lexed once per text and shared by every expansion of an import (see slot).
type token struct {
	text string
	// line is the token's line in its own text (what caddy's parser compares).
	line int
	src  *source.Text
	pos  model.Pos
	// dropped is the rest of the word after a `#` inside it ("#53" of `1.2.3.4#53`),
	// which caddy's lexer skips as a comment; dropPos is where it stands.
	dropped string
	dropPos model.Pos
}

// slot is a token at one place of the token stream: imports splice the same tokens in
// many times, each time with the import chain that brought them (nil: written in place).
type slot struct {
	*token
	via *chain
}

// errTooManyTokens is a text of more than MaxTokens tokens, found before lexing it all.
var errTooManyTokens = fmt.Errorf("more than %d tokens", MaxTokens)

// lex tokenizes a text with caddy's lexer and places every token. A text of more than
// MaxTokens tokens is refused before caddy lexes it (a 5 MiB file can hold millions).
func lex(t *source.Text) ([]slot, error) {
	spans := scan(t.Body, MaxTokens+1)
	if len(spans) > MaxTokens+1 {
		return nil, errTooManyTokens
	}
	d := caddyfile.NewDispenser(t.Name, bytes.NewReader(t.Body))
	var toks []slot
	for i := 0; d.Next(); i++ {
		if i >= len(spans) || spans[i].line != d.Line() {
			return nil, fmt.Errorf("%s:%d - internal error: token %q could not be placed", t.Name, d.Line(), d.Val())
		}
		s := spans[i]
		tok := &token{
			text: d.Val(),
			line: d.Line(),
			src:  t,
			pos:  t.Pos(s.line, s.col, s.endLine, s.endCol),
		}
		if s.dropped != "" {
			tok.dropped, tok.dropPos = s.dropped, t.Pos(s.endLine, s.dropCol, s.endLine, s.dropEnd)
		}
		toks = append(toks, slot{token: tok})
	}
	return toks, nil
}

type span struct {
	line, col, endLine, endCol int
	// dropped is the rest of the word after a `#` inside it, on columns dropCol..dropEnd
	// of line endLine: caddy ends the token at the `#` and skips the rest of the word.
	dropped          string
	dropCol, dropEnd int
}

// scan mirrors caddyfile's lexer.next and returns where each token starts and ends; it
// stops after limit+1 tokens.
func scan(b []byte, limit int) []span {
	var (
		spans                    []span
		line, col                = 1, 0
		inTok, quoted, esc, cmnt bool
		// word is set by a '#' inside a word: caddy drops the rest of that word only.
		word bool
		cur  span
	)
	if bytes.HasPrefix(b, []byte("\uFEFF")) {
		b = b[3:]
	}
	end := func() { spans = append(spans, cur); inTok = false }
	for len(b) > 0 && len(spans) <= limit {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		col++
		if quoted {
			switch {
			case !esc && r == '\\':
				esc = true
			case !esc && r == '"':
				quoted = false
				cur.endLine, cur.endCol = line, col
				end()
			default:
				esc = false
			}
			if quoted && r != '\n' && r != '\r' {
				// A quote left open runs to the end of the text: it ends at its last rune.
				cur.endLine, cur.endCol = line, col
			}
			if r == '\n' {
				line, col = line+1, 0
			}
			continue
		}
		if unicode.IsSpace(r) {
			if r == '\r' {
				continue
			}
			if inTok {
				end()
			}
			word = false
			if r == '\n' {
				line, col, cmnt = line+1, 0, false
			}
			continue
		}
		if r == '#' && inTok {
			end()
			word = true
			last := &spans[len(spans)-1]
			last.dropCol = col
		} else if r == '#' && !word {
			cmnt = true
		}
		if word {
			last := &spans[len(spans)-1]
			last.dropped += string(r)
			last.dropEnd = col
		}
		if cmnt || word {
			continue
		}
		if !inTok {
			inTok = true
			cur = span{line: line, col: col, endLine: line, endCol: col}
			if r == '"' {
				quoted = true
				continue
			}
		}
		cur.endLine, cur.endCol = line, col
	}
	if inTok {
		end()
	}
	return spans
}

// CountTokens counts the tokens caddy's lexer reads from b, up to limit+1: a bound that
// a caller can check before parsing (the admission webhook's per-review budget).
func CountTokens(b []byte, limit int) int { return len(scan(b, limit)) }
