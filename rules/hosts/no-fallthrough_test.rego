package dnslint.rules.hosts["no-fallthrough_test"]

import data.dnslint.rules.hosts["no-fallthrough"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose block for zone holds lines, from line 2 on.
cf(zone, lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	sprintf("%s {", [zone]),
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

hosts := ["hosts {", "    10.0.0.1 db.internal", "}"]

fwd := "forward . /etc/resolv.conf"

test_hosts_in_root_block if {
	r := rule.report with input as cf(".:53", array.concat(hosts, ["kubernetes cluster.local", fwd]))
	count(r) == 1
	some f in r
	f.location == at(2, 5, 9)
	contains(f.message, "SERVFAIL for every name it has no entry for")
	contains(f.message, "kubernetes and forward never see")
}

test_zone_of_the_hosts_file if {
	some f in rule.report with input as cf(".:53", ["hosts /etc/hosts corp.example.com", fwd])
	contains(f.message, "every name under `corp.example.com`")
}

test_with_fallthrough if {
	count(rule.report) == 0 with input as cf(".:53", ["hosts {", "    10.0.0.1 db.internal", "    fallthrough", "}", fwd])
}

test_nothing_else_answers if {
	count(rule.report) == 0 with input as cf("lab.internal:53", array.concat(hosts, ["log"]))
	count(rule.report) == 0 with input as cf(".:53", ["hosts /etc/hosts home.arpa", "forward corp.example.com 10.0.0.53"])
}
