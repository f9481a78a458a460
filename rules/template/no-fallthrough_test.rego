package dnslint.rules.template["no-fallthrough_test"]

import data.dnslint.rules.template["no-fallthrough"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose block for zone holds lines, from line 2 on.
cf(zone, lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	sprintf("%s {", [zone]),
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

match := `    match ^www\.example\.com\.$`

fwd := "forward . /etc/resolv.conf"

test_match_without_fallthrough if {
	r := rule.report with input as cf(".:53", ["template IN A example.com {", match, "}", fwd])
	count(r) == 1
	some f in r
	f.location == at(2, 5, 12)
	contains(f.message, "the A queries of every name under `example.com`")
	contains(f.message, "forward never sees them")
}

test_fallthrough_or_no_match if {
	count(rule.report) == 0 with input as cf(".:53", ["template IN A example.com {", match, "    fallthrough", "}", fwd])
	count(rule.report) == 0 with input as cf(".:53", ["template ANY ANY reddog.microsoft.com {", "    rcode NXDOMAIN", "}", fwd])
}

test_template_owns_its_zone if {
	count(rule.report) == 0 with input as cf("ingress.lab:53", ["template IN A {", match, "}"])
}
