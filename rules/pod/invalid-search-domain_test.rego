package dnslint.rules.pod["invalid-search-domain_test"]

import data.dnslint.rules.pod["invalid-search-domain"] as rule

pod(domains) := {"workloads": [{
	"object": {"kind": "Pod", "name": "web"},
	"pod": {"path": "spec", "dns_config": {"searches": [{"text": d, "pos": {"line": i}} | some i, d in domains]}},
}]}

findings(domains, version) := r if {
	r := rule.report with input as pod(domains) with data.dnslint.config as {"kubernetes_version": version}
}

test_strict_before_1_33 if {
	r := findings(["Corp.example", "_ldap._tcp.example.com", ".", "ok.example.", "bad..example"], "1.32.0")
	{f.location.line | some f in r} == {0, 1, 2, 4}
	some f in r
	f.location.line == 0
	contains(f.message, `spec.dnsConfig.searches[0]: Invalid value: "Corp.example": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`)
	contains(f.message, "Write it in lowercase: corp.example")
	some g in r
	g.location.line == 1
	contains(g.message, "RelaxedDNSSearchValidation")
}

test_relaxed_from_1_33 if {
	r := findings(["Corp.example", "_ldap._tcp.example.com", ".", "a_b.example", "bad..example"], "1.33.0")
	{f.location.line | some f in r} == {0, 4}
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
