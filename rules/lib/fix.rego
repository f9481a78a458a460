# Helpers for the fixes a rule offers with a finding (a rule that offers them says
# custom.fixable: true). A fix holds edits in the positions the rule already has — a token, a YAML
# value — each with the text the rule read there (`expect`): the run places them in the
# file the user edits and declines the fix when the file holds anything else there (a
# Corefile in a quoted YAML scalar). A line break in inserted text takes the indentation
# of the line the edit is at, so nested lines are written relative to it ("    force_tcp").
package dnslint.lib.fix

# finding is a finding with a fix: report.finding plus the fix.
finding(pos, message, fix) := {"message": message, "location": pos, "fix": fix}

# add adds a fix to a finding built by lib/report.
add(f, fix) := object.union(f, {"fix": fix})

# safe: the fixed configuration does what its author evidently meant, and no run-time
# behaviour a user relies on changes. unsafe: it changes run-time behaviour (a TTL,
# ndots, replicas), applied only with --unsafe-fixes.
safe(description, edits) := {"safety": "safe", "description": description, "edits": edits}

unsafe(description, edits) := {"safety": "unsafe", "description": description, "edits": edits}

# declined says why the finding has no fix.
declined(reason) := {"declined": reason}

# replace the range of pos, which holds expect, with text.
replace(pos, expect, text) := {"op": "replace", "location": pos, "expect": expect, "text": text}

# delete the range of pos, which holds expect; a line left blank goes too.
delete(pos, expect) := {"op": "delete", "location": pos, "expect": expect, "text": ""}

# insert_before and insert_after the range of pos, which holds expect.
insert_before(pos, expect, text) := {"op": "insert_before", "location": pos, "expect": expect, "text": text}

insert_after(pos, expect, text) := {"op": "insert_after", "location": pos, "expect": expect, "text": text}

# raw is an edit whose text goes in as written: its line breaks take no indentation (a
# YAML edit that writes its own, from the columns it knows).
raw(edit) := object.union(edit, {"raw": true})

# spaces is n blanks.
spaces(n) := concat("", array.slice(blanks, 0, n)) if n <= count(blanks)

blanks := [" " | some _ in numbers.range(1, 64)]

# scalar replaces the YAML scalar at pos, whose value is expect, with value, kept in its
# quoting style where it can hold it.
scalar(pos, expect, value) := {"op": "replace_scalar", "location": pos, "expect": expect, "text": value}

# delete_item deletes the YAML sequence item at pos, a scalar of value expect: its line
# (`- x`), or the item and a comma in a flow sequence (`[a, x]`).
delete_item(pos, expect) := {"op": "delete_item", "location": pos, "expect": expect, "text": ""}

# span is the range from the start of a to the end of b.
span(a, b) := object.union(a, {"end_line": b.end_line, "end_col": b.end_col})

# line_span is the range of a directive's words (name and arguments; not its block),
# with the text they read as, words separated by one space.
line_span(d) := {"pos": span(d.pos, d.args[count(d.args) - 1].pos), "text": concat(" ", array.concat([d.name], [a.text | some a in d.args]))} if {
	count(d.args) > 0
} else := {"pos": d.pos, "text": d.name}
