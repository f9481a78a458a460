package finding

import "github.com/dnslint/dnslint/lint/model"

// Safety says when a fix is applied: Safe with --fix, Unsafe only with --unsafe-fixes.
const (
	// Safe: the fixed configuration does what its author evidently meant, and no run-time
	// behaviour a user relies on changes.
	Safe = "safe"
	// Unsafe: the fix changes run-time behaviour (a TTL, ndots, a replica count).
	Unsafe = "unsafe"
)

// Fix is what a rule offers to change for one finding: edits with their safety, or the
// reason it declines (Declined set, no edits).
type Fix struct {
	// Safety is Safe or Unsafe.
	Safety string `json:"safety,omitempty"`
	// Description says what the fix does, in a few words.
	Description string `json:"description,omitempty"`
	// Edits are the rule's edits, in the positions it reads (lint/fix resolves them).
	Edits []Edit `json:"edits,omitempty"`
	// Declined is why the finding has no fix: the rule's reason, or the reason the edits
	// could not be placed in the file (a Corefile in a quoted YAML scalar, a file the run
	// only imported).
	Declined string `json:"declined,omitempty"`
	// Replacements are the edits resolved to bytes of the file the user edits (set by
	// the run; empty when declined).
	Replacements []Replacement `json:"replacements,omitempty"`
}

// Edit ops.
const (
	// OpReplace replaces the range with Text.
	OpReplace = "replace"
	// OpDelete deletes the range; a line it leaves blank is deleted whole.
	OpDelete = "delete"
	// OpInsertBefore and OpInsertAfter insert Text before the range's first character or
	// after its last.
	OpInsertBefore = "insert_before"
	OpInsertAfter  = "insert_after"
	// OpScalar replaces the YAML scalar at the range (plain, single- or double-quoted)
	// with the scalar of value Text, in the same style where it can hold it.
	OpScalar = "replace_scalar"
	// OpDeleteItem deletes the YAML sequence item at the range, a scalar of value Expect:
	// its line in a block sequence (`- x`), or the item and one comma in a flow one.
	OpDeleteItem = "delete_item"
)

// Edit is one change a rule asks for, at a position it already has (a token, a YAML
// value). Expect is the text the rule read there: the edit is declined when the file
// holds anything else at that range (for OpScalar, the scalar's value). A line break in
// Text is followed by the indentation of the line the range starts on, so that a rule
// writes nested lines relative to it (a Corefile in a YAML block scalar keeps its
// indentation).
type Edit struct {
	Op     string    `json:"op"`
	Pos    model.Pos `json:"location"`
	Expect string    `json:"expect"`
	Text   string    `json:"text"`
	// Raw: Text goes in as written, its line breaks not indented (a YAML edit that
	// places its own lines at a column the rule knows).
	Raw bool `json:"raw,omitempty"`
}

// Replacement is an edit resolved to the file: bytes [Offset, Offset+Length) become Text.
// Start and End are the same range in lines and columns (characters, 1-based; End
// exclusive), for reports.
type Replacement struct {
	File      string `json:"file"`
	Offset    int    `json:"offset"`
	Length    int    `json:"length"`
	StartLine int    `json:"start_line"`
	StartCol  int    `json:"start_col"`
	EndLine   int    `json:"end_line"`
	EndCol    int    `json:"end_col"`
	Text      string `json:"text"`
}
