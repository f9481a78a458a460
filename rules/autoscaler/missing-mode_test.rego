package dnslint.rules.autoscaler["missing-mode_test"]

import data.dnslint.rules.autoscaler["missing-mode"] as rule

at(l, c, ec) := {"file": "as.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# autoscaler is a CPA ConfigMap (named as CPA's are) with the data keys given, one a
# line from line 5 on, each holding the same ladder.
autoscaler(keys) := dnslint.test.input({"as.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-autoscaler, namespace: kube-system}",
	"data:",
	[sprintf(`  %s: '{"coresToReplicas": [[1, 2]]}'`, [k]) | some k in keys],
	"",
]))})

test_extra_key if {
	r := rule.report with input as autoscaler(["ladder", "notes"])
	count(r) == 1
	some f in r
	f.location == at(6, 3, 7)
	contains(f.message, "this ConfigMap has 2 (ladder, notes): it fails with `invalid configMap format, expected only one entry, got: map[…]`")
	contains(f.message, "Move `notes` out of this ConfigMap")
}

test_both_modes if {
	some f in rule.report with input as autoscaler(["linear", "ladder"])
	contains(f.message, "Keep one of the two modes")
}

test_misspelt_mode if {
	r := rule.report with input as autoscaler(["ladder.json"])
	count(r) == 1
	some f in r
	f.location == at(5, 3, 13)
	contains(f.message, "`not a supported control mode: ladder.json`")
	contains(f.message, "Rename it to `ladder`")
	some g in rule.report with input as autoscaler(["params"])
	contains(g.message, "Rename it to `ladder` (coresToReplicas, nodesToReplicas) or `linear`")
}

test_single_mode_key_passes if {
	count(rule.report) == 0 with input as autoscaler(["ladder"])
}
