# METADATA
# title: resolv.conf that the resolver cannot use
# description: |-
#   A resolv.conf that is not a text file, or whose lines cannot be read as keyword and
#   values, leaves the resolver with defaults it does not say it uses (the local host as
#   the only nameserver). The kubelet reads the node's file the same way for every
#   dnsPolicy Default pod.
# custom:
#   severity: error
#   source: resolv.conf(5); glibc resolv/res_init.c; kubelet parseResolvConf
#   bad: "nameserver\n"
#   good: "nameserver 10.0.0.10\n"
package dnslint.rules.resolv.syntax

import data.dnslint.lib.report

report contains report.finding(e.pos, e.message) if {
	some e in input.parse_errors
	e.format == "resolv"
}
