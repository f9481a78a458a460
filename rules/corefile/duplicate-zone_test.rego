package dnslint.rules.corefile["duplicate-zone_test"]

import data.dnslint.rules.corefile["duplicate-zone"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile of the given server blocks (Corefile text each, one after the other).
cf(blocks) := dnslint.test.input({"Corefile": concat("\n", array.concat(blocks, [""]))})

test_two_root_blocks if {
	r := rule.report with input as cf([".:53 {\n    whoami\n}", ".:53 {\n    log\n}"])
	count(r) == 1
	some f in r
	f.location == at(4, 1, 4)
	f.related == [{"message": "`.:53` is first served here", "pos": at(1, 1, 4)}]
	contains(f.message, "`cannot serve dns://.:53 - it is already defined`")
	contains(f.message, "`.:53` is already served by the earlier server block `.:53`:")
}

test_server_key_of_coredns_custom if {
	r := rule.report with input as dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  replace.server: |
		    .:53 {
		        forward . 10.0.0.1
		    }
	`})
	some f in r
	contains(f.message, "(imported from /etc/coredns/custom/replace.server)")
	contains(f.message, "cannot replace it")
	contains(f.message, "by the server block `.:53` of <aks default Corefile>")
	f.related[0].pos.file == "<aks default Corefile>"
}

test_same_key_twice_in_one_block if {
	r := rule.report with input as cf(["example.org example.org:53 {\n    bind 10.0.0.1\n}"])
	some f in r
	f.location == at(1, 13, 26)
	contains(f.message, "`cannot serve dns://example.org.:53 on 10.0.0.1 - it is already defined`")
	contains(f.message, "by `example.org`, earlier in this block's key list")
}

test_third_block_points_at_the_first if {
	r := rule.report with input as cf([". {\n    whoami\n}", ". {\n    whoami\n}", ". {\n    whoami\n}"])
	{f.location | some f in r} == {at(4, 1, 1), at(7, 1, 1)}
	every f in r {
		f.related[0].pos == at(1, 1, 1)
	}
}

# two is two example.org blocks (lines 1 and 4), with the bind lines given ("" for none).
two(b1, b2) := cf([
	sprintf("example.org {\n    whoami\n%s}", [bind_line(b1)]),
	sprintf("example.org {\n    whoami\n%s}", [bind_line(b2)]),
])

bind_line("") := ""

bind_line(addr) := sprintf("    bind %s\n", [addr]) if addr != ""

test_bind_addresses if {
	count(rule.report) == 0 with input as two("10.0.0.1", "10.0.0.2")
	some f1 in rule.report with input as two("10.0.0.1", "10.0.0.1")
	contains(f1.message, "`cannot serve dns://example.org.:53 on 10.0.0.1 - it is already defined`")
	some f2 in rule.report with input as two("", "10.0.0.1")
	contains(f2.message, "`cannot serve dns://example.org.:53 on 10.0.0.1 - zone overlap listener capacity with dns://example.org.:53`")
	some f3 in rule.report with input as two("10.0.0.1", "")
	contains(f3.message, "`cannot serve dns://example.org.:53 - zone overlap listener capacity with dns://example.org.:53 on 10.0.0.1`")
}

test_case_follows_the_version if {
	blocks := cf(["Example.org {\n    whoami\n}", "example.org {\n    whoami\n}"])
	count(rule.report) == 1 with input as blocks with data.dnslint.config as {}
	count(rule.report) == 0 with input as blocks with data.dnslint.config as {"coredns_version": "1.14.6"}
}

test_other_port_transport_or_view if {
	first := "example.org {\n    whoami\n}"
	count(rule.report) == 0 with input as cf([first, "example.org:5353 {\n    whoami\n}"])
	count(rule.report) == 0 with input as cf([first, "tls://example.org {\n    tls cert.pem key.pem\n}"])
	count(rule.report) == 0 with input as cf([first, "example.org {\n    view internal {\n        expr incidr(client_ip(), '10.0.0.0/8')\n    }\n}"])
}

test_reverse_cidr_and_zone if {
	some f in rule.report with input as cf(["1.0.10.in-addr.arpa {\n    whoami\n}", "10.0.0.0/23 {\n    whoami\n}"])
	contains(f.message, "cannot serve dns://1.0.10.in-addr.arpa.:53 - it is already defined")
}

test_separate_corefiles if {
	one := ".:53 {\n    whoami\n}\n"
	count(rule.report) == 0 with input as dnslint.test.input({"a.corefile": one, "b.corefile": one})
}
