// Package fix owns the application of the fixes rules offer with their findings: it
// resolves a rule's edits (finding.Edit, in the positions the rule read: tokens of a
// Corefile, YAML values) to byte ranges of the file the user edits, checking that the
// file holds there what the rule read (else the fix is declined with the reason), picks
// the fixes a run applies (safe ones, unsafe ones only when asked; overlapping ones: the
// first wins, the rest wait for the next round), applies them to the bytes, writes files
// atomically only when unchanged since they were read, and shows a unified diff.
//
// Positions are those of model.Pos: 1-based lines and character columns, the end
// inclusive. A Corefile in a literal YAML block scalar has its tokens placed line by line
// in the YAML file, so an edit lands on the right bytes and its new lines take the
// indentation of the line they are inserted at; a Corefile in a quoted or folded scalar
// has one position for all its tokens, so an edit there finds other text than it expects
// and is declined.
package fix
