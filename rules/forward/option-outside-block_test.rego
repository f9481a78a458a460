package dnslint.rules.forward["option-outside-block_test"]

import data.dnslint.rules.forward["option-outside-block"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 5, "end_line": l, "end_col": 13}

arg(t) := {"text": t, "pos": pos(9)}

fwd := {"name": "forward", "args": [arg("."), arg("10.0.0.1")], "block": [], "via": [], "pos": pos(2)}

opt(name, args, via) := {"name": name, "args": args, "block": [], "via": via, "pos": pos(3)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

test_option_as_directive if {
	r := rule.report with input as cf([fwd, opt("force_tcp", [], [])])
	count(r) == 1
	some f in r
	f.location == pos(3)
	contains(f.message, "Unknown directive 'force_tcp'")
	contains(f.message, "`forward . … { force_tcp }` (line 2)")
}

test_option_from_override if {
	r := rule.report with input as cf([opt("policy", [arg("sequential")], ["/etc/coredns/custom/x.override"])])
	some f in r
	contains(f.message, "imported from /etc/coredns/custom/x.override")
	contains(f.message, "{ policy sequential }")
}

test_inside_block_is_fine if {
	inside := object.union(fwd, {"block": [opt("force_tcp", [], [])]})
	count(rule.report) == 0 with input as cf([inside])
}

test_tls_plugin_is_not_an_option if {
	count(rule.report) == 0 with input as cf([opt("tls", [arg("cert.pem")], [])])
}

test_two_forwards_hint_names_the_first if {
	second := object.union(fwd, {"args": [arg("example.com"), arg("10.0.0.2")], "pos": pos(4)})
	r := rule.report with input as cf([fwd, second, opt("force_tcp", [], [])])
	count(r) == 1
	some f in r
	contains(f.message, "`forward . … { force_tcp }` (line 2)")
}
