package dnslint.rules.corefile["import-not-read_test"]

import data.dnslint.rules.corefile["import-not-read"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c + 5}

imports(list) := {"corefiles": [{"server_blocks": [], "imports": list}]}

imp(unread) := {"pattern": "x", "kind": "glob", "matched": [], "resolved": count(unread) == 0, "unread": unread, "pos": pos(2, 5)}

test_outside_is_info if {
	u := {"path": "/etc/coredns/custom/*.server", "reason": "outside", "message": "outside", "pos": pos(2, 12)}
	r := rule.report with input as imports([imp([u])])
	count(r) == 1
	some f in r
	f.location == pos(2, 12)
	not f.severity
	contains(f.message, "dnslint did not read /etc/coredns/custom/*.server: it lies outside")
}

test_hidden_is_info if {
	u := {"path": "../.git/config", "reason": "hidden", "message": "hidden", "pos": pos(2, 12)}
	r := rule.report with input as imports([imp([u])])
	count(r) == 1
	some f in r
	not f.severity
	contains(f.message, "dnslint did not read ../.git/config: its path goes through a hidden file or directory")
}

test_too_large_is_a_warning if {
	u := {"path": "big.conf", "reason": "too-large", "message": "file too large: 6000000 bytes, the limit is 5242880", "pos": pos(3, 12)}
	r := rule.report with input as imports([imp([u])])
	count(r) == 1
	some f in r
	f.severity == "warning"
	contains(f.message, "big.conf (file too large: 6000000 bytes, the limit is 5242880)")
	contains(f.message, "--max-file-size")
}

test_every_unread_file_once if {
	a := {"path": "a", "reason": "outside", "message": "", "pos": pos(2, 12)}
	b := {"path": "b", "reason": "too-large", "message": "", "pos": pos(2, 12)}
	# The same import brought in twice by a snippet is reported once.
	count(rule.report) == 2 with input as imports([imp([a, b]), imp([a])])
}

test_silent_when_everything_was_read if {
	count(rule.report) == 0 with input as imports([imp([])])
}
