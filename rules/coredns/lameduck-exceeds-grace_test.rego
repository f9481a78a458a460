package dnslint.rules.coredns["lameduck-exceeds-grace_test"]

import data.dnslint.rules.coredns["lameduck-exceeds-grace"] as rule

pos(l) := {"file": "coredns.yaml", "line": l, "col": 22, "end_line": l, "end_col": 24}

corefile(duration) := {
	"object": {"kind": "ConfigMap", "name": "coredns", "namespace": "kube-system"},
	"key": "Corefile",
	"server_blocks": [{"directives": [{"name": "health", "args": [], "block": [{"name": "lameduck", "args": [{"text": duration, "pos": pos(11)}]}]}]}],
}

deployment(grace) := {
	"object": {"kind": "Deployment", "name": "coredns", "namespace": "kube-system"},
	"pod": {
		"containers": [], "termination_grace_period_seconds": grace,
		"volumes": [{"name": {"text": "config-volume"}, "config_map": {"text": "coredns"}}],
	},
}

run(duration, grace) := r if {
	r := rule.report with input as {"corefiles": [corefile(duration)], "workloads": [deployment(grace)]}
}

test_default_grace_period if {
	r := run("30s", null)
	count(r) == 1
	some f in r
	f.location == pos(11)
	f.related == []
	contains(f.message, "terminationGracePeriodSeconds (30 s, the default)")
	count(run("29s", null)) == 0
}

test_explicit_grace_period if {
	some f in run("1m", {"value": 45, "pos": pos(70)})
	f.related[0].pos == pos(70)
	count(run("1m", {"value": 90, "pos": pos(70)})) == 0
}

test_placeholder_is_skipped if {
	count(run("{$LAMEDUCK}", null)) == 0
}
