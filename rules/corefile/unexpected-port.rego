# METADATA
# title: Server block on a port the DNS Service does not send queries to
# description: |-
#   Pods send their queries to the cluster DNS Service, which forwards them to one port of
#   the CoreDNS pods (53 on most distributions). A server block on another port, such as a
#   coredns-custom `.server` key written `example.com:5353`, makes CoreDNS open a second
#   listener that nothing routes to: the block starts without an error but no pod query
#   ever reaches it ("CoreDNS will open a second port, but you are responsible to direct
#   the traffic to this port", Gardener). The ports the Service sends to are the
#   `service_ports` parameter (default 53) and the port of every root (`.`) block written
#   in the Corefile itself: distributions that run CoreDNS on another port (OpenShift
#   5353, Gardener 8053) serve their main `.` block there, because that is where their
#   Service points, and setups with several resolvers on several ports give each its own
#   `.` block. Only zone-specific blocks on yet another port are reported. Serve the zone
#   on the main block's port, or list the port in `service_ports` when the Service does
#   send queries there. Only plain DNS (`dns://`) keys are checked: DNS over TLS, gRPC,
#   HTTPS and QUIC have ports of their own.
# related_resources:
#   - ref: https://github.com/gardener/gardener/blob/master/docs/usage/networking/custom-dns-config.md
#     description: Gardener, Custom DNS Configuration (second port note)
#   - ref: https://coredns.io/manual/configuration/
#     description: CoreDNS manual, Configuration (server blocks)
# custom:
#   each: corefiles
#   severity: warning
#   params:
#     service_ports: [53]
#   param_schema:
#     service_ports: {minimum: 1, maximum: 65535}
#   source: CoreDNS core/dnsserver/register.go groupConfigsByListenAddr (a listener per port); gardener/gardener docs/usage/networking/custom-dns-config.md; verified on CoreDNS 1.14.7 (a .server block on another port starts an extra listener)
#   bad: |-
#     .:53 {
#         forward . /etc/resolv.conf
#     }
#     example.com:5353 {
#         forward . 10.0.0.1
#     }
#   good: |-
#     .:53 {
#         forward . /etc/resolv.conf
#     }
#     example.com:53 {
#         forward . 10.0.0.1
#     }
package dnslint.rules.corefile["unexpected-port"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

params := data.dnslint.params["corefile/unexpected-port"]

report contains report.finding(k.pos, msg) if {
	some cf in input.corefiles
	roots := root_ports(cf)
	expected := {to_number(p) | some p in params.service_ports} | roots
	some b in cf.server_blocks
	some k in b.keys
	k.scheme == "dns"
	k.error == ""
	k.zone != "."
	not corefile.placeholder(k.text)
	not corefile.env_placeholder(k.text)
	port := to_number(k.port)
	port > 0
	port <= 65535
	not port in expected
	target := main_port(roots, expected)
	msg := sprintf("`%s` listens on port %s, but the DNS Service sends pods' queries to port %s: this block starts without an error and no pod query ever reaches it%s. Serve the zone on port %d (`%s:%d`), or add %s to service_ports if the Service does send queries there", [
		k.text, k.port, concat(" or ", [format_int(p, 10) | some p in sort(expected)]), corefile.where(b),
		target, trim_suffix(k.zone, "."), target, k.port,
	])
}

# root_ports are the ports of the root (`.`) blocks written in the Corefile itself.
root_ports(cf) := {to_number(k.port) |
	some b in cf.server_blocks
	count(b.via) == 0
	some k in b.keys
	k.scheme == "dns"
	k.zone == "."
	k.error == ""
}

# main_port is the port to suggest: the main block's, else the Service's.
main_port(roots, expected) := min(roots) if count(roots) > 0

else := min(expected)
