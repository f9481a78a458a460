package corefile

import (
	"fmt"
	"sync"

	"github.com/dnslint/dnslint/lint/model"
)

// Budgets of a whole run, shared by every Corefile it parses: the per-Corefile limit
// (MaxTokens) bounds one Corefile, these bound many. A thousand Corefiles that each
// import the same thousand files stay within every per-Corefile limit and would still
// cost a lint run minutes and gigabytes.
const (
	// DefaultRunTokens are the tokens of all Corefiles of a run with their imports.
	DefaultRunTokens = 1 << 19
	// DefaultRunImports are the files all Corefiles of a run may import, each import of
	// a file counted (a file imported by two Corefiles counts twice).
	DefaultRunImports = 1 << 14
	// DefaultRunImportBytes are the bytes of those imported files.
	DefaultRunImportBytes = 64 << 20
)

// Budget is what the Corefiles of one run may still spend. A Corefile that would pass
// it is not linted (a LimitError at the import, or the text, that passed it); the
// Corefiles parsed before it are, and so are later ones that fit in what is left.
// Safe for concurrent use.
type Budget struct {
	mu                  sync.Mutex
	tokens, files       int
	bytes               int64
	MaxTokens, maxFiles int
	maxBytes            int64
}

// NewBudget returns a run's budget; a zero or negative value takes its default.
func NewBudget(tokens, files int, bytes int64) *Budget {
	if tokens <= 0 {
		tokens = DefaultRunTokens
	}
	if files <= 0 {
		files = DefaultRunImports
	}
	if bytes <= 0 {
		bytes = DefaultRunImportBytes
	}
	return &Budget{tokens: tokens, files: files, bytes: bytes, MaxTokens: tokens, maxFiles: files, maxBytes: bytes}
}

// spendTokens takes n tokens, or none and an error when fewer are left.
func (b *Budget) spendTokens(n int, pos model.Pos) error {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if n > b.tokens {
		return &LimitError{Msg: fmt.Sprintf("the run's budget of %d tokens across all Corefiles and their imports is spent", b.MaxTokens), Pos: pos}
	}
	b.tokens -= n
	return nil
}

// spendFiles takes n imported files, or none and an error when fewer are left.
func (b *Budget) spendFiles(n int, pos model.Pos) error {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if n > b.files {
		return &LimitError{Msg: fmt.Sprintf("the run's budget of %d imported files across all Corefiles is spent (this import matches %d)", b.maxFiles, n), Pos: pos}
	}
	b.files -= n
	return nil
}

// canRead tells whether any byte of imports is left to read; spendBytes charges a read.
// A read may overshoot the budget by one file (itself bounded by the file size limit).
func (b *Budget) canRead(pos model.Pos) error {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bytes <= 0 {
		return &LimitError{Msg: fmt.Sprintf("the run's budget of %d bytes of imported files is spent", b.maxBytes), Pos: pos}
	}
	return nil
}

func (b *Budget) spendBytes(n int) {
	if b == nil {
		return
	}
	b.mu.Lock()
	b.bytes -= int64(n)
	b.mu.Unlock()
}
