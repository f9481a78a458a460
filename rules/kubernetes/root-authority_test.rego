package dnslint.rules.kubernetes["root-authority_test"]

import data.dnslint.rules.kubernetes["root-authority"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose block for zone holds lines, from line 2 on.
cf(zone, lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	sprintf("%s {", [zone]),
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

fwd := "forward . /etc/resolv.conf"

test_no_zone_in_root_block if {
	r := rule.report with input as cf(".:53", ["kubernetes", fwd])
	count(r) == 1
	some f in r
	f.location == at(2, 5, 14)
	contains(f.message, "instead of reaching forward")
}

test_root_zone_written if {
	some f in rule.report with input as cf(".:53", ["kubernetes cluster.local .", fwd])
	f.location == at(2, 30, 30)
}

test_zones_named if {
	count(rule.report) == 0 with input as cf(".:53", ["kubernetes cluster.local", fwd])
}

test_cluster_block if {
	count(rule.report) == 0 with input as cf("cluster.local:53", ["kubernetes", fwd])
}

test_fallthrough_for_everything if {
	count(rule.report) == 0 with input as cf(".:53", ["kubernetes {", "    fallthrough", "}", fwd])
	count(rule.report) == 1 with input as cf(".:53", ["kubernetes {", "    fallthrough in-addr.arpa", "}", fwd])
}

test_nothing_after_it if {
	count(rule.report) == 0 with input as cf(".:53", ["kubernetes"])
}
