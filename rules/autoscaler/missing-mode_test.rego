package dnslint.rules.autoscaler["missing-mode_test"]

import data.dnslint.rules.autoscaler["missing-mode"] as rule

pos(l) := {"file": "as.yaml", "line": l, "col": 3, "end_line": l, "end_col": 8}

key(text, l) := {"text": text, "pos": pos(l)}

run(mode, keys) := {"autoscalers": [{"mode": mode, "keys": keys}]}

test_extra_key if {
	r := rule.report with input as run("ladder", [key("ladder", 7), key("notes", 9)])
	count(r) == 1
	some f in r
	f.location == pos(9)
	contains(f.message, "this ConfigMap has 2 (ladder, notes): it fails with `invalid configMap format, expected only one entry, got: map[…]`")
	contains(f.message, "Move `notes` out of this ConfigMap")
}

test_both_modes if {
	some f in rule.report with input as run("linear", [key("linear", 7), key("ladder", 9)])
	contains(f.message, "Keep one of the two modes")
}

test_misspelt_mode if {
	r := rule.report with input as run("", [key("ladder.json", 7)])
	count(r) == 1
	some f in r
	f.location == pos(7)
	contains(f.message, "`not a supported control mode: ladder.json`")
	contains(f.message, "Rename it to `ladder`")
	some g in rule.report with input as run("", [key("params", 7)])
	contains(g.message, "Rename it to `ladder` (coresToReplicas, nodesToReplicas) or `linear`")
}

test_single_mode_key_passes if {
	count(rule.report) == 0 with input as run("ladder", [key("ladder", 7)])
}
