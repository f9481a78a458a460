package dnslint.rules.pod["invalid-search-domain_test"]

import data.dnslint.rules.pod["invalid-search-domain"] as rule

# statefulset is a StatefulSet whose dnsConfig lists the search domains, one a line:
# domain i on line 9 + i.
statefulset(domains) := dnslint.test.input({"db.yaml": concat("\n", array.flatten([
	"apiVersion: apps/v1",
	"kind: StatefulSet",
	"metadata: {name: db}",
	"spec:",
	"  template:",
	"    spec:",
	"      dnsConfig:",
	"        searches:",
	[sprintf("        - %s", [json.marshal(d)]) | some d in domains],
	"      containers: [{name: db, image: postgres}]",
	"",
]))})

findings(domains, version) := r if {
	r := rule.report with input as statefulset(domains) with data.dnslint.config as {"kubernetes_version": version}
}

test_strict_before_1_33 if {
	r := findings(["Corp.example", "_ldap._tcp.example.com", ".", "ok.example.", "bad..example"], "1.32.0")
	{f.location.line | some f in r} == {9, 10, 11, 13}
	some f in r
	f.location == {"file": "db.yaml", "line": 9, "col": 11, "end_line": 9, "end_col": 24}
	contains(f.message, `The API server rejects StatefulSet db: `)
	contains(f.message, `spec.template.spec.dnsConfig.searches[0]: Invalid value: "Corp.example": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`)
	contains(f.message, "Write it in lowercase: corp.example")
	some g in r
	g.location.line == 10
	contains(g.message, "RelaxedDNSSearchValidation")
}

test_relaxed_from_1_33 if {
	r := findings(["Corp.example", "_ldap._tcp.example.com", ".", "a_b.example", "bad..example"], "1.33.0")
	{f.location.line | some f in r} == {9, 13}
	some f in r
	contains(f.message, "'_', '-' or '.'")
}

test_length if {
	long := concat(".", [x | some _ in numbers.range(1, 5); x := "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc"])
	some f in findings([long], "1.34.0")
	contains(f.message, "must be no more than 253 characters")
}

test_long_label_is_a_warning if {
	label := concat("", [x | some _ in numbers.range(1, 64); x := "a"])
	r := findings([sprintf("%s.example.com", [label])], "1.34.0")
	count(r) == 1
	some f in r
	f.severity == "warning"
	contains(f.message, "is 64 characters")
}
