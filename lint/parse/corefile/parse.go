package corefile

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// Limits on import expansion. CoreDNS (caddy) allows 10000 snippet and 100000 file
// expansions; a lint run stops far earlier on files, where each expansion reads a file.
// MaxTokens bounds the tokens of a Corefile with its imports, which caddy does not: ten
// thousand expansions of a large snippet would need gigabytes, and the rules' time grows
// with every line. Real Corefiles have a few hundred tokens; the largest real ones hold
// a hosts list of some ten thousand entries (20,000 tokens) or a coredns-custom of a few
// hundred keys. Budgets across the Corefiles of a run are in budget.go.
const (
	maxSnippetExpansions = 10000
	maxFileExpansions    = 1000
)

// MaxTokens bounds the tokens of one Corefile with its imports and snippets; the
// admission webhook holds a reviewed ConfigMap to the same number.
const MaxTokens = 1 << 16

// LimitError is a Corefile past one of dnslint's limits (not CoreDNS's): dnslint does not
// lint it. Msg says which limit, Pos where it was passed.
type LimitError struct {
	Msg string
	Pos model.Pos
}

func (e *LimitError) Error() string { return e.Msg }

// Error is a Corefile that CoreDNS's parser rejects. Msg is the text CoreDNS prints
// ("<file>:<line> - Error during parsing: …"), Pos the token it points at.
type Error struct {
	Msg string
	Pos model.Pos
}

func (e *Error) Error() string { return e.Msg }

// Result is a parsed Corefile.
type Result struct {
	Blocks  []*model.ServerBlock
	Imports []*model.Import
	// Tokens counts the words and braces, imports and snippets expanded.
	Tokens int
}

// Parse parses a Corefile text, resolving imports through fs (nil: imports of files fail).
func Parse(t *source.Text, fs FS) (*Result, error) { return ParseWithin(t, fs, nil) }

// ParseWithin is Parse charging the Corefile, its imports included, to a run's budget
// (nil: only the per-Corefile limits).
func ParseWithin(t *source.Text, fs FS, budget *Budget) (*Result, error) {
	toks, err := lex(t)
	if errors.Is(err, errTooManyTokens) || err == nil && len(toks) > MaxTokens {
		return nil, &LimitError{Msg: fmt.Sprintf("this Corefile has more than %d tokens, dnslint's limit", MaxTokens), Pos: t.Pos(1, 1, 1, 1)}
	}
	if err != nil {
		return nil, err
	}
	if err := budget.spendTokens(len(toks), t.Pos(1, 1, 1, 1)); err != nil {
		return nil, err
	}
	slices.Reverse(toks)
	p := &parser{toks: stream{back: toks}, cursor: -1, fs: fs, name: t.Name, text: t, budget: budget}
	return p.parseAll()
}

type parser struct {
	toks     stream
	cursor   int
	fs       FS
	name     string
	text     *source.Text
	snippets map[string][]slot
	snippetN int
	fileN    int
	opened   map[string]opened
	budget   *Budget
	eof      bool
	block    *model.ServerBlock
	result   Result
}

// The dispenser primitives, as in caddyfile.Dispenser.

func (p *parser) next() bool {
	if p.cursor < p.toks.len()-1 {
		p.cursor++
		return true
	}
	return false
}

func (p *parser) cur() *slot {
	if p.cursor < 0 || p.cursor >= p.toks.len() {
		return nil
	}
	return p.toks.at(p.cursor)
}

func (p *parser) val() string {
	if t := p.cur(); t != nil {
		return t.text
	}
	return ""
}

func sameLine(a, b *slot) bool {
	return a.src == b.src && a.line+strings.Count(a.text, "\n") == b.line
}

func (p *parser) nextArg() bool {
	if p.cursor < 0 {
		p.cursor++
		return true
	}
	if p.cursor < p.toks.len()-1 && sameLine(p.toks.at(p.cursor), p.toks.at(p.cursor+1)) {
		p.cursor++
		return true
	}
	return false
}

func (p *parser) isNewLine() bool {
	if p.cursor < 1 {
		return true
	}
	if p.cursor > p.toks.len()-1 {
		return false
	}
	a, b := p.toks.at(p.cursor-1), p.toks.at(p.cursor)
	return a.src != b.src || a.line+strings.Count(a.text, "\n") < b.line
}

// errf builds CoreDNS's "Error during parsing" message at the current token.
func (p *parser) errf(format string, args ...any) error {
	name, line, pos := p.where()
	return &Error{Msg: fmt.Sprintf("%s:%d - Error during parsing: %s", name, line, fmt.Sprintf(format, args...)), Pos: pos}
}

// syntaxErr builds CoreDNS's "Syntax error" message at the current token.
func (p *parser) syntaxErr(expected string) error {
	name, line, pos := p.where()
	return &Error{Msg: fmt.Sprintf("%s:%d - Syntax error: Unexpected token '%s', expecting '%s'", name, line, p.val(), expected), Pos: pos}
}

func (p *parser) where() (string, int, model.Pos) {
	if t := p.cur(); t != nil {
		return p.show(t.src.Name), t.line, t.pos
	}
	pos := p.text.Whole()
	if pos.Line == 0 {
		pos.Line, pos.Col, pos.EndLine, pos.EndCol = 1, 1, 1, 1
	}
	return p.show(p.name), 0, pos
}

// show names a path in a message: a file on disk relative to the working directory, so
// that messages do not depend on where the checkout is; a path inside the CoreDNS pod
// (a ConfigMap key) as CoreDNS prints it.
func (p *parser) show(name string) string {
	if _, onDisk := p.fs.(DiskFS); onDisk && filepath.IsAbs(name) {
		return source.Display(name)
	}
	return name
}

func (p *parser) argErr() error {
	if p.val() == "{" {
		return p.errf("Unexpected token '{', expecting argument")
	}
	return p.errf("Wrong argument count or unexpected line ending after '%s'", p.val())
}

// The grammar, as in caddyfile's parser.

func (p *parser) parseAll() (*Result, error) {
	for p.next() {
		p.block = &model.ServerBlock{}
		start := p.cursor
		if err := p.begin(); err != nil {
			return nil, err
		}
		if len(p.block.Keys) > 0 {
			p.block.Truncated = p.truncated(start, p.cursor)
			p.result.Blocks = append(p.result.Blocks, p.block)
		}
	}
	p.result.Tokens = p.toks.len()
	return &p.result, nil
}

// truncated lists the words cut short by a `#` among the tokens from..to (a server
// block, its imports expanded), each once.
func (p *parser) truncated(from, to int) []*model.Truncated {
	var out []*model.Truncated
	seen := map[model.Pos]bool{}
	for i := max(from, 0); i <= to && i < p.toks.len(); i++ {
		t := p.toks.at(i)
		if t.dropped == "" || seen[t.dropPos] {
			continue
		}
		seen[t.dropPos] = true
		out = append(out, &model.Truncated{Text: t.text, Dropped: t.dropped, Pos: t.dropPos, Via: t.via.slice()})
	}
	return out
}

func (p *parser) begin() error {
	if p.toks.len() == 0 {
		return nil
	}
	if err := p.addresses(); err != nil {
		return err
	}
	if p.eof {
		return nil
	}
	if name, ok := p.isSnippet(); ok {
		return p.defineSnippet(name)
	}
	return p.blockContents()
}

func (p *parser) addresses() error {
	expectingAnother := false
	for {
		tkn := p.val()
		if tkn == "import" && p.isNewLine() {
			if err := p.doImport(); err != nil {
				return err
			}
			continue
		}
		if tkn == "{" {
			if expectingAnother {
				return p.errf("Expected another address but had '%s' - check for extra comma", tkn)
			}
			break
		}
		if tkn != "" {
			t := p.cur()
			text := tkn
			if strings.HasSuffix(text, ",") {
				text = text[:len(text)-1]
				expectingAnother = true
			} else {
				expectingAnother = false
			}
			// A lone `,` is an empty key, which caddy keeps too.
			if len(p.block.Keys) == 0 {
				// The block starts at its first key, which an import may have brought in.
				p.block.Pos, p.block.Via = t.pos, t.via.slice()
			}
			p.block.Keys = append(p.block.Keys, parseKey(text, t.pos))
		}
		hasNext := p.next()
		if expectingAnother && !hasNext {
			return p.errf("Unexpected EOF")
		}
		if !hasNext {
			p.eof = true
			break
		}
		if !expectingAnother && p.isNewLine() {
			break
		}
	}
	return nil
}

func (p *parser) isSnippet() (string, bool) {
	if k := p.block.Keys; len(k) == 1 && strings.HasPrefix(k[0].Text, "(") && strings.HasSuffix(k[0].Text, ")") {
		return strings.TrimSuffix(k[0].Text[1:], ")"), true
	}
	return "", false
}

func (p *parser) defineSnippet(name string) error {
	if _, dup := p.snippets[name]; dup {
		return p.errf("redeclaration of previously declared snippet %s", name)
	}
	if p.val() != "{" {
		return p.syntaxErr("{")
	}
	count := 1
	var toks []slot
	for p.next() {
		if p.val() == "}" {
			if count--; count == 0 {
				break
			}
		}
		if p.val() == "{" {
			count++
		}
		toks = append(toks, *p.cur())
	}
	if count != 0 {
		return p.syntaxErr("}")
	}
	for i := 0; i+1 < len(toks); i++ {
		atLineStart := i == 0 || !sameLine(&toks[i-1], &toks[i])
		if toks[i].text == "import" && atLineStart && toks[i+1].text == name {
			return p.errf("maximum snippet import depth (%d) exceeded", maxSnippetExpansions)
		}
	}
	if p.snippets == nil {
		p.snippets = map[string][]slot{}
	}
	p.snippets[name] = toks
	p.block.Keys = nil
	return nil
}

func (p *parser) blockContents() error {
	braced := p.val() == "{"
	if !braced {
		p.cursor-- // single-server configs don't need curly braces
	}
	if err := p.directives(); err != nil {
		return err
	}
	if braced && p.val() != "}" {
		return p.syntaxErr("}")
	}
	return nil
}

func (p *parser) directives() error {
	for p.next() {
		if p.val() == "}" {
			break
		}
		if p.val() == "import" {
			if err := p.doImport(); err != nil {
				return err
			}
			p.cursor--
			continue
		}
		if err := p.directive(); err != nil {
			return err
		}
	}
	return nil
}

// directive collects one directive line and its block, as caddy does, then structures it.
func (p *parser) directive() error {
	toks := []slot{*p.cur()}
	nesting := 0
	for p.next() {
		switch v := p.val(); {
		case v == "{":
			nesting++
		case p.isNewLine() && nesting == 0:
			p.cursor--
			p.block.Directives = append(p.block.Directives, structure(toks))
			return nil
		case v == "}" && nesting > 0:
			nesting--
		case v == "}" && nesting == 0:
			return p.errf("Unexpected '}' because no matching opening brace")
		case v == "import" && p.isNewLine():
			if err := p.doImport(); err != nil {
				return err
			}
			p.cursor--
			continue
		}
		toks = append(toks, *p.cur())
	}
	if nesting > 0 {
		return p.errf("Unexpected EOF")
	}
	p.block.Directives = append(p.block.Directives, structure(toks))
	return nil
}
