package dnslint.rules.pod["invalid-nameserver_test"]

import data.dnslint.rules.pod["invalid-nameserver"] as rule

# pod is a Pod whose dnsConfig lists the nameservers ips, one a line from line 8 on.
pod(ips) := dnslint.test.input({"pod.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: Pod",
	"metadata: {name: web}",
	"spec:",
	"  dnsPolicy: None",
	"  dnsConfig:",
	"    nameservers:",
	[sprintf("    - %s", [json.marshal(ip)]) | some ip in ips],
	"  containers: [{name: web, image: nginx}]",
	"",
]))})

message(ip) := m if {
	some f in rule.report with input as pod([ip])
	m := f.message
}

test_place if {
	r := rule.report with input as pod(["10.96.0.10", "10.96.0.10:53"])
	count(r) == 1
	some f in r
	f.location == {"file": "pod.yaml", "line": 9, "col": 7, "end_line": 9, "end_col": 21}
	contains(f.message, `spec.dnsConfig.nameservers[1]: Invalid value: "10.96.0.10:53"`)
}

test_hints if {
	contains(message("10.96.0.10:53"), "Drop the port")
	contains(message("10.96.0.10:53"), `spec.dnsConfig.nameservers[0]: Invalid value: "10.96.0.10:53": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`)
	contains(message("[fd00::10]:53"), "write fd00::10")
	contains(message("kube-dns.kube-system"), "cannot look up the name")
	contains(message("fe80::1%eth0"), "Drop the zone")
	contains(message("10.0.0.0/24"), "not the network")
	contains(message("10.0.0.300"), "Write an IPv4 or IPv6 address")
}

test_valid_addresses if {
	count(rule.report) == 0 with input as pod(["10.96.0.10", "fd00::a", "010.0.0.1"])
}
