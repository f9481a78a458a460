package dnslint.rules.resolv["loopback-stub_test"]

import data.dnslint.rules.resolv["loopback-stub"] as rule

conf(ips) := {"resolv_confs": [{"nameservers": [{"text": ip, "pos": {"line": i}} | some i, ip in ips]}]}

test_loopback if {
	r := rule.report with input as conf(["127.0.0.53", "10.0.0.2", "127.0.1.1", "::1", "fd00::1", "not-an-ip"])
	{f.location.line | some f in r} == {0, 2, 3}
	some f in r
	f.location.line == 0
	contains(f.message, "the systemd-resolved stub")
	some g in r
	g.location.line == 2
	not contains(g.message, "systemd-resolved stub")
}
