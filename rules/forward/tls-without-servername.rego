# METADATA
# title: DNS-over-TLS upstream without a server name
# description: |-
#   A `tls://` upstream is reached over TLS, but without a server name to check the
#   upstream's certificate against the connection is not what it seems. The forward README:
#   "Using TLS forwarding but not setting tls_servername results in anyone being able to
#   man-in-the-middle your connection to the DNS server you are forwarding to. Because of
#   this, it is strongly recommended to set this value when using TLS forwarding." CoreDNS
#   starts without a word. Set `tls_servername` in the forward block (one name for all its
#   upstreams) or, since CoreDNS 1.13.2, per upstream as `tls://9.9.9.9%dns.quad9.net`.
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin (tls_servername)
# custom:
#   each: corefiles
#   severity: warning
#   source: "CoreDNS plugin/forward/README.md @ v1.14.7 (tls_servername); per-upstream server names in 1.13.2 (#7633); verified that `forward . tls://127.0.0.2` starts silently on CoreDNS 1.14.7"
#   bad: |-
#     .:53 {
#         forward . tls://9.9.9.9
#     }
#   good: |-
#     .:53 {
#         forward . tls://9.9.9.9 {
#             tls_servername dns.quad9.net
#         }
#     }
package dnslint.rules.forward["tls-without-servername"]

import data.dnslint.lib.corefile
import data.dnslint.lib.forward
import data.dnslint.lib.report
import data.dnslint.lib.upstream

report contains report.finding(to.pos, msg) if {
	some x in corefile.directives("forward")
	d := x.directive
	not servername(d)
	some to in forward.tos(d)
	u := upstream.parse(to.text)
	u.scheme == "tls"
	not named(u)
	msg := sprintf("`%s` is DNS over TLS without a server name%s: the forward README warns that this \"results in anyone being able to man-in-the-middle your connection\". Add `tls_servername <name on the upstream's certificate>` to the forward block%s", [
		to.text, corefile.where(d), per_upstream(u),
	])
}

servername(d) if {
	some line in d.block
	line.name == "tls_servername"
}

since_sni if semver.compare(corefile.version, data.dnslint.forward.sni_first) >= 0

named(u) if {
	u.sni != ""
	since_sni
}

per_upstream(u) := sprintf(", or name it on the upstream: `%s`", [sni_form(u)]) if {
	since_sni
} else := sprintf(" (CoreDNS %s has no per-upstream `%%name`; it came in %s)", [corefile.version, data.dnslint.forward.sni_first]) if {
	u.sni != ""
} else := ""

sni_form(u) := sprintf("tls://[%s%%<name>]:%s", [u.host, u.port]) if {
	u.port_explicit
	contains(u.host, ":")
} else := sprintf("tls://%s%%<name>:%s", [u.host, u.port]) if {
	u.port_explicit
} else := sprintf("tls://%s%%<name>", [u.host])
