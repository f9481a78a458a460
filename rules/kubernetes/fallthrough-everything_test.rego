package dnslint.rules.kubernetes["fallthrough-everything_test"]

import data.dnslint.rules.kubernetes["fallthrough-everything"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose kubernetes plugin falls through for falls (line 3), followed by
# the lines given.
cf(falls, lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	"    kubernetes cluster.local in-addr.arpa ip6.arpa {",
	sprintf("        fallthrough %s", [falls]),
	"    }",
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

fwd := "forward . /etc/resolv.conf"

test_bare_fallthrough if {
	r := rule.report with input as cf("", [fwd])
	count(r) == 1
	some f in r
	f.location == at(3, 9, 19)
	contains(f.message, "names of `cluster.local` that do not exist on to forward")
}

test_parent_of_the_cluster_zone if {
	some f in rule.report with input as cf("local", [fwd])
	f.location == at(3, 21, 25)
}

test_reverse_zones_only if {
	count(rule.report) == 0 with input as cf("in-addr.arpa ip6.arpa", [fwd])
}

test_no_forward_or_forward_excepting if {
	count(rule.report) == 0 with input as cf("", [])
	count(rule.report) == 0 with input as cf("", ["forward . /etc/resolv.conf {", "    except cluster.local", "}"])
}

test_forward_for_another_zone if {
	count(rule.report) == 0 with input as cf("", ["forward corp.example.com 10.0.0.53"])
}
