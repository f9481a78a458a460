package engine

import (
	"fmt"
	"slices"

	"github.com/dnslint/dnslint/lint/finding"
)

// MaxEdits is the most edits one fix may carry, and MaxFixText the most bytes of text
// they insert together; a fix past either is a rule error (fail closed: a policy cannot
// write megabytes into a user's file).
const (
	MaxEdits   = 64
	MaxFixText = 1 << 16
)

var editOps = []string{finding.OpReplace, finding.OpDelete, finding.OpInsertBefore, finding.OpInsertAfter, finding.OpScalar, finding.OpDeleteItem}

// checkFix validates the fix a rule reported with a finding (rules/lib/fix.rego builds
// them): only a rule whose METADATA says custom.fixable may offer one; it either
// declines with a reason or carries 1..MaxEdits edits of a known op, each with a
// position, and a safety of safe or unsafe.
func checkFix(rule finding.Rule, f *finding.Fix) error {
	if f == nil {
		return nil
	}
	switch {
	case !rule.Fixable:
		return fmt.Errorf("rule %s reported a fix, but its METADATA does not say custom.fixable: true", rule.ID)
	case f.Declined != "" && len(f.Edits) > 0:
		return fmt.Errorf("rule %s reported a fix with edits that it also declines (%q)", rule.ID, f.Declined)
	case f.Declined != "":
		return nil
	case f.Safety != finding.Safe && f.Safety != finding.Unsafe:
		return fmt.Errorf("rule %s reported a fix of safety %q: want safe or unsafe", rule.ID, f.Safety)
	case len(f.Edits) == 0 || len(f.Edits) > MaxEdits:
		return fmt.Errorf("rule %s reported a fix of %d edits: want 1 to %d, or a declined reason", rule.ID, len(f.Edits), MaxEdits)
	case len(f.Replacements) > 0:
		return fmt.Errorf("rule %s reported replacements: a rule reports edits, the run resolves them", rule.ID)
	}
	text := 0
	for _, e := range f.Edits {
		if text += len(e.Text) + len(e.Expect); text > MaxFixText {
			return fmt.Errorf("rule %s reported a fix of more than %d bytes of text", rule.ID, MaxFixText)
		}
		if !slices.Contains(editOps, e.Op) {
			return fmt.Errorf("rule %s reported an edit of op %q: want one of %v", rule.ID, e.Op, editOps)
		}
		if e.Pos.File == "" || e.Pos.Line < 1 || e.Pos.Col < 1 {
			return fmt.Errorf("rule %s reported an edit without a position (%v)", rule.ID, e.Pos)
		}
	}
	return nil
}
