# METADATA
# title: Server block key that is no valid zone, port or transport
# description: |-
#   Every key of a server block is `[SCHEME://]ZONE[:PORT]`. CoreDNS refuses to start when
#   the zone is not a domain name or a reverse CIDR (`zone is not a valid domain name: …`,
#   e.g. for an empty label in `a..example.org`, or for `. :53`, where the space makes `:53`
#   a key with an empty zone), when a key ends in a colon (`expecting data after last
#   colon: …`), when a zone is longer than 255 characters, or when the port is outside
#   0–65535. Other mistakes start but serve nothing: CoreDNS knows the schemes dns, tls,
#   quic, grpc, https and https3 (lower case) and reads any other key, such as
#   `udp://example.org`, as one long zone name; a port that is not a number
#   (`example.org:dns`) becomes part of the zone name; a stray `}` at the top level becomes
#   the zone `}.`; port 0 listens on a random port. CoreDNS only logs
#   `Warning: Domain "}." does not follow RFC1035 preferred syntax` for such zones, and no
#   query ever matches them; these cases are warnings.
# related_resources:
#   - ref: https://coredns.io/manual/configuration/
#     description: CoreDNS manual, Configuration (server blocks)
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS core/dnsserver/register.go InspectServerBlocks, plugin/normalize.go SplitHostPort, plugin/pkg/parse/transport.go, core/dnsserver/onstartup.go checkZoneSyntax; stray `}` verified on CoreDNS 1.14.7
#   bad: |-
#     example..org:53 {
#         forward . 10.0.0.1
#     }
#   good: |-
#     example.org:53 {
#         forward . 10.0.0.1
#     }
package dnslint.rules.corefile["invalid-zone"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

report contains report.graded(k.pos, sprintf("%s%s", [msg, where]), severity) if {
	some x in corefile.blocks
	some k in x.block.keys
	not corefile.placeholder(k.text)
	not corefile.env_placeholder(k.text)
	[severity, msg] := problem(k)
	where := corefile.where(x.block)
}

problem(k) := ["error", msg] if {
	k.error != ""
	msg := sprintf("CoreDNS cannot read the server block key `%s` and exits with `%s`. %s", [k.text, k.error, hint(k)])
} else := ["error", msg] if {
	k.port != ""
	not port_number(to_number(k.port))
	msg := sprintf("port %s is out of range: CoreDNS cannot resolve the listen address and exits (`address %s: invalid port`). Use a port from 1 to 65535", [k.port, k.port])
} else := ["warning", msg] if {
	not k.scheme in object.keys(transports)
	msg := sprintf("`%s://` is no CoreDNS transport (known, in lower case: %s): CoreDNS reads the whole key `%s` as a zone name, which no query matches, and the block serves nothing. Write `dns://%s` or leave the scheme out", [
		k.scheme, concat(", ", sort(object.keys(transports))), k.text, substring(k.text, count(k.scheme) + 3, -1),
	])
} else := ["warning", msg] if {
	k.port == "0"
	msg := sprintf("port 0 makes CoreDNS listen on a random free port, which no client knows: write the port the DNS Service sends queries to, e.g. `%s:53`", [k.zone])
} else := ["warning", msg] if {
	k.zone != "."
	not reverse(k.zone)
	regex.match(`[^A-Za-z0-9_.-]`, k.zone)
	msg := sprintf("CoreDNS reads the zone `%s` and only warns `Domain %q does not follow RFC1035 preferred syntax`; no query name matches it, so the block serves nothing. %s", [
		k.zone, k.zone, odd(k),
	])
}

transports := data.dnslint.coredns.transports

# reverse holds for a reverse zone, which CoreDNS does not check for RFC 1035 syntax
# (classless delegations such as 0/27.1.168.192.in-addr.arpa are valid names).
reverse(zone) if endswith(zone, ".in-addr.arpa.")

reverse(zone) if endswith(zone, ".ip6.arpa.")

port_number(n) if {
	n >= 0
	n <= 65535
}

hint(k) := "There is a space in the key: write the root zone with its port as one word, `.:53`" if {
	startswith(k.text, ":")
} else := sprintf("Add the port after the colon, or remove the colon: `%s`", [trim_suffix(k.text, ":")]) if {
	endswith(k.text, ":")
} else := "Check the key for an empty label (`..`), a leading dot or a label longer than 63 characters"

odd(k) := "A `}` at the top level closes no block: remove it, or check the brace before it" if {
	k.zone == "}."
} else := sprintf("`%s` is not a port number, so CoreDNS takes it as part of the zone name: write the port as a number", [p]) if {
	parts := split(trim_suffix(k.zone, "."), ":")
	count(parts) > 1
	p := parts[count(parts) - 1]
} else := "A reverse zone written as a network must be a valid CIDR (`10.0.0.0/24`)" if {
	contains(k.zone, "/")
} else := "Write the zone as a domain name (letters, digits, `-` and `_`)"
