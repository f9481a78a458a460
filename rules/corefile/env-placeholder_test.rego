package dnslint.rules.corefile["env-placeholder_test"]

import data.dnslint.rules.corefile["env-placeholder"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c + 5}

tok(t, l, c) := {"text": t, "pos": pos(l, c)}

cf(keys, ds, via) := {"corefiles": [{"server_blocks": [{"keys": keys, "via": via, "directives": ds}]}]}

test_argument if {
	bind := {"name": "bind", "args": [tok("{env.POD_IP}", 2, 10)], "block": [], "via": [], "pos": pos(2, 5)}
	r := rule.report with input as cf([], [bind], [])
	count(r) == 1
	some f in r
	f.location == pos(2, 10)
	not f.severity
	contains(f.message, "Write `{$POD_IP}`")
}

test_forward_target_is_left_to_invalid_upstream if {
	fwd := {"name": "forward", "args": [tok(".", 2, 13), tok("{env.UPSTREAM}", 2, 15)], "block": [], "via": [], "pos": pos(2, 5)}
	count(rule.report) == 0 with input as cf([], [fwd], [])
}

test_nested_line_and_key if {
	inner := {"name": "tls_servername", "args": [tok("{env.SNI}", 4, 24)], "block": [], "via": [], "pos": pos(4, 9)}
	fwd := {"name": "forward", "args": [tok(".", 2, 13)], "block": [inner], "via": [], "pos": pos(2, 5)}
	key := {"text": "{env.ZONE}:53", "pos": pos(1, 1)}
	r := rule.report with input as cf([key], [fwd], [])
	{f.location | some f in r} == {pos(4, 24), pos(1, 1)}
	some f in r
	f.location == pos(1, 1)
	contains(f.message, "Write `{$ZONE}:53`")
}

test_plugin_name_is_an_error if {
	d := {"name": "{env.PLUGIN}", "args": [], "block": [], "via": ["/etc/coredns/custom/x.override"], "pos": pos(3, 5)}
	some f in rule.report with input as cf([], [d], [])
	f.severity == "error"
	contains(f.message, "Unknown directive '{env.PLUGIN}'")
	contains(f.message, "(imported from /etc/coredns/custom/x.override)")
}

test_supported_placeholders if {
	fwd := {"name": "forward", "args": [tok(".", 2, 13), tok("{$UPSTREAM}", 2, 15), tok("{%UP%}", 2, 30), tok("{env}", 2, 40)], "block": [], "via": [], "pos": pos(2, 5)}
	count(rule.report) == 0 with input as cf([], [fwd], [])
}
