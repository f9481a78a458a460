# METADATA
# title: resolv.conf that the resolver cannot use
# description: |-
#   A resolv.conf that is not a text file leaves the resolver reading garbage, and a
#   `nameserver` line without an address is refused by the kubelet, which reads the
#   node's file for every dnsPolicy Default pod and reports `nameserver list is empty`
#   (glibc skips the line silently). Either way the file does not say what it seems to.
# custom:
#   severity: error
#   source: resolv.conf(5); glibc resolv/res_init.c; kubelet pkg/kubelet/network/dns/dns.go parseResolvConf
#   bad: "nameserver\n"
#   good: "nameserver 10.0.0.10\n"
package dnslint.rules.resolv.syntax

import data.dnslint.lib.report

report contains report.finding(e.pos, e.message) if {
	some e in input.parse_errors
	e.format == "resolv"
}

report contains report.finding(l.keyword.pos, msg) if {
	some rc in input.resolv_confs
	some l in rc.unknown
	l.keyword.text == "nameserver"
	count(l.args) == 0
	msg := "`nameserver` without an address: glibc ignores the line, and the kubelet, reading this file as a node's resolv.conf, fails with `nameserver list is empty`. Give the address, or remove the line"
}
