package dnslint.rules.custom["not-imported_test"]

import data.dnslint.rules.custom["not-imported"] as rule

pos(file, l) := {"file": file, "line": l, "col": 7, "end_line": l, "end_col": 15}

key(name) := {"key": {"text": name, "pos": pos("custom.yaml", 8)}, "kind": "override"}

custom(partner, keys) := {"customs": [{
	"object": {"name": "coredns-custom", "pos": pos("custom.yaml", 2)},
	"keys": keys,
	"partner": partner,
}]}

run_partner(imports) := {
	"source": "run", "imports": imports, "key": "Corefile", "file": "coredns.yaml",
	"object": {"name": "coredns", "pos": pos("coredns.yaml", 2)},
}

test_corefile_of_the_run_imports_nothing if {
	r := rule.report with input as custom(run_partner(false), [key("log.override"), key("a.server")])
	count(r) == 1
	some f in r
	f.location == pos("custom.yaml", 2)
	f.related[0].pos == pos("coredns.yaml", 2)
	contains(f.message, "ConfigMap coredns-custom is never read by the CoreDNS of this run: its Corefile, key Corefile of ConfigMap coredns (coredns.yaml)")
	contains(f.message, "none of its keys (log.override, a.server)")
}

test_corefile_of_the_repository_imports_nothing if {
	partner := object.union(run_partner(false), {"source": "repository", "file": "clusters/prod/coredns.yaml"})
	r := rule.report with input as custom(partner, [key("log.override")])
	count(r) == 1
	some f in r
	contains(f.message, "key Corefile of ConfigMap coredns (clusters/prod/coredns.yaml)")
}

test_corefile_of_the_run_imports if {
	count(rule.report) == 0 with input as custom(run_partner(true), [key("log.override")])
}

test_platform_default_is_not_the_run if {
	count(rule.report) == 0 with input as custom({"source": "platform", "imports": true}, [key("log.override")])
}

test_corefile_known_by_mount_only if {
	count(rule.report) == 0 with input as custom({"source": "mount", "imports": false}, [key("log.override")])
}

test_empty_custom if {
	count(rule.report) == 0 with input as custom(run_partner(false), [])
}

test_platform_that_imports_no_custom if {
	r := rule.report with input as custom({"source": "platform", "platform": "eks", "imports": false}, [key("log.override")])
	count(r) == 1
	some f in r
	f.location == pos("custom.yaml", 2)
	contains(f.message, "ConfigMap coredns-custom is never read on platform eks")
	contains(f.message, "(log.override)")
}
