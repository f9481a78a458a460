package dnslint.rules.resolv["loopback-stub_test"]

import data.dnslint.rules.resolv["loopback-stub"] as rule

# conf is a resolv.conf with a nameserver line for each address given: address i on
# line i + 1.
conf(ips) := dnslint.test.input({"resolv.conf": concat("", [sprintf("nameserver %s\n", [ip]) | some ip in ips])})

test_loopback if {
	r := rule.report with input as conf(["127.0.0.53", "10.0.0.2", "127.0.1.1", "::1", "fd00::1", "not-an-ip"])
	{f.location.line | some f in r} == {1, 3, 4}
	some f in r
	f.location == {"file": "resolv.conf", "line": 1, "col": 12, "end_line": 1, "end_col": 21}
	contains(f.message, "the systemd-resolved stub")
	some g in r
	g.location.line == 3
	not contains(g.message, "systemd-resolved stub")
}
