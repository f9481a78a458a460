# METADATA
# title: forward upstream CoreDNS cannot use, or FROM/TO missing
# description: |-
#   `forward FROM TO...` needs a zone and at least one upstream. Without them CoreDNS stops
#   at start-up with `Wrong argument count or unexpected line ending after '8.8.8.8'` (the
#   zone forgotten: `forward 8.8.8.8`). Each TO must be an IP address with an optional port
#   (`10.0.0.1`, `10.0.0.1:5353`, `[fd00::1]:53`), optionally behind `dns://`, `tls://` or —
#   since CoreDNS 1.14.5 — `https://` (DNS over HTTPS, no path), or a resolv.conf-style file
#   such as `/etc/resolv.conf`. CoreDNS 1.14.4 and later also take a hostname and resolve it
#   once at start-up; older releases stop with `not an IP address or file: "dns.quad9.net"`.
#   Other transports (`quic://`, `grpc://`) stop CoreDNS with `'quic' is not supported as a
#   destination protocol in forward`. A mistyped address such as `10.0.0.256` is no IP, so
#   1.14.4 and later take it for a hostname and stop with `failed to resolve "10.0.0.256"`;
#   Caddy v2's `{env.UPSTREAM}` is not substituted (write `{$UPSTREAM}`) and fails the same
#   way. A per-upstream server name (`tls://9.9.9.9%dns.quad9.net`) together with
#   `tls_servername` stops CoreDNS with `both forward ('…') and proxy level ('…') TLS
#   servernames are set for upstream proxy '…'`. Environment placeholders (`{$UPSTREAM}`)
#   are not checked. Messages follow `--coredns-version`.
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/forward/setup.go, resolve.go and plugin/pkg/parse/host.go @ v1.14.3, v1.14.4, v1.14.7; `forward 8.8.8.8` and `{env.UPSTREAM}` verified by starting CoreDNS 1.14.7"
#   bad: |-
#     .:53 {
#         forward 8.8.8.8
#     }
#     example.org:53 {
#         forward . 10.0.0.256 {env.UPSTREAM} quic://10.0.0.53
#     }
#   good: |-
#     .:53 {
#         forward . 8.8.8.8
#     }
#     example.org:53 {
#         forward . 10.0.0.25 {$UPSTREAM} tls://10.0.0.53 {
#             tls_servername dns.example.org
#         }
#     }
package dnslint.rules.forward["invalid-upstream"]

import data.dnslint.lib.corefile
import data.dnslint.lib.forward
import data.dnslint.lib.report
import data.dnslint.lib.upstream

facts := data.dnslint.forward

# `forward` alone, or with one argument: FROM or the upstreams are missing.
report contains report.finding(d.pos, msg) if {
	some x in corefile.directives("forward")
	d := x.directive
	count(d.args) == 0
	msg := sprintf("`forward` needs a zone and at least one upstream: CoreDNS exits at start-up with `Wrong argument count or unexpected line ending after 'forward'`%s. Write `forward . <upstream>`", [corefile.where(d)])
}

report contains report.finding(arg.pos, msg) if {
	some x in corefile.directives("forward")
	d := x.directive
	count(d.args) == 1
	arg := d.args[0]
	msg := sprintf("`forward %s` has %s: CoreDNS exits at start-up with `Wrong argument count or unexpected line ending after '%s'`%s. %s", [
		arg.text, lacking(arg.text), arg.text, corefile.where(d), fix(arg.text),
	])
}

# The lone argument looks like an upstream: the zone was forgotten.
lacking(text) := "no zone (FROM) before the upstream" if looks_upstream(text)

else := "no upstream (TO)"

fix(text) := sprintf("Write `forward . %s` to send every name of this block there", [text]) if looks_upstream(text)

else := sprintf("Add the upstream: `forward %s <upstream>`", [text])

looks_upstream(text) if upstream.parse(text).kind in {"ip", "file"}

looks_upstream(text) if upstream.parse(text).explicit

# Every TO argument CoreDNS refuses.
report contains report.finding(to.pos, msg) if {
	some x in corefile.directives("forward")
	some to in forward.tos(x.directive)
	u := upstream.parse(to.text)
	why := problem(u, x.directive)
	msg := sprintf("upstream `%s`: %s%s", [to.text, why, corefile.where(x.directive)])
}

since(v) if semver.compare(corefile.version, v) >= 0

refused(u) := t if {
	u.explicit
	t := facts.refused_transports[u.scheme]
	since(object.get(t, "known", "0.0.0"))
}

# problem is what CoreDNS refuses in upstream u of forward line d.
problem(u, d) := why if {
	why := refusal(u)
	why != ""
} else := sprintf("the per-upstream server name `%%%s` and `tls_servername %s` both set one: CoreDNS %s exits at start-up with `both forward ('%s') and proxy level ('%s') TLS servernames are set for upstream proxy 'tls://%s'`. Keep one of them", [
	u.sni, name, corefile.version, name, u.sni, upstream.host_port(u.host, u.port),
]) if {
	u.scheme == "tls"
	u.sni != ""
	since(facts.sni_first)
	name := servername(d)
}

# refusal is what CoreDNS refuses in upstream u whatever its line, "" when nothing: a
# value for every upstream, which OPA then computes once per upstream text.
refusal(u) := sprintf("forward sends only to dns://, tls:// and https:// upstreams: CoreDNS %s exits at start-up with `'%s' is not supported as a destination protocol in forward: %s://%s`", [
	corefile.version, u.scheme, u.scheme, upstream.host_port(u.host, u.port),
]) if {
	refused(u)
	u.kind == "ip"
	u.port != ""
} else := sprintf("forward sends only to dns://, tls:// and https:// upstreams: CoreDNS %s does not start with a %s:// upstream", [
	corefile.version, u.scheme,
]) if {
	refused(u)
} else := sprintf("`%s://` is no transport of forward (dns://, tls://, https://): CoreDNS %s does not take this for an address and does not start", [
	u.scheme, corefile.version,
]) if {
	u.explicit
	not facts.transports[u.scheme]
} else := sprintf("DNS over HTTPS upstreams need CoreDNS %s: CoreDNS %s exits at start-up with `'https' is not supported as a destination protocol in forward: https://%s`", [
	facts.transports.https.first, corefile.version, upstream.host_port(u.host, u.port),
]) if {
	u.scheme == "https"
	not since(facts.transports.https.first)
	u.kind == "ip"
} else := sprintf("DNS over HTTPS upstreams need CoreDNS %s: CoreDNS %s exits at start-up with `not an IP address, file, or valid domain: %q`", [
	facts.transports.https.first, corefile.version, u.text,
]) if {
	u.scheme == "https"
	not since(facts.transports.https.first)
	since(facts.hostnames_first)
} else := sprintf("DNS over HTTPS upstreams need CoreDNS %s: CoreDNS %s exits at start-up with `not an IP address or file: %q`", [
	facts.transports.https.first, corefile.version, trim(u.address, "[]"),
]) if {
	u.scheme == "https"
	not since(facts.transports.https.first)
} else := sprintf("CoreDNS %s exits at start-up with `paths are not allowed in HTTPS upstream addresses (the /dns-query path is used by default): %s`. Drop the path", [
	corefile.version, u.text,
]) if {
	u.scheme == "https"
	since(facts.transports.https.first)
	contains(u.address, "/")
} else := sprintf("nothing follows the scheme: CoreDNS %s exits at start-up with `invalid address: %q`", [corefile.version, u.text]) if {
	u.kind == "empty"
} else := sprintf("CoreDNS %s takes only IP addresses and files here (hostnames need %s) and exits at start-up with `not an IP address or file: %q`%s", [
	corefile.version, facts.hostnames_first, trim(u.address, "[]"), hint(u),
]) if {
	u.kind in {"hostname", "numeric", "caddy_env", "invalid"}
	not since(facts.hostnames_first)
} else := sprintf("no IP address: CoreDNS %s takes it for a hostname and exits at start-up when it cannot resolve it (`failed to resolve %q`). Fix the address", [
	corefile.version, u.host,
]) if {
	u.kind == "numeric"
} else := sprintf("CoreDNS does not substitute Caddy v2's `{env.…}`: CoreDNS %s takes it for a hostname and exits at start-up with `failed to resolve %q`. Write `{$%s}`", [
	corefile.version, u.host, env_name(u.host),
]) if {
	u.kind == "caddy_env"
} else := sprintf("neither an IP address, a file nor a valid name: CoreDNS %s exits at start-up with `not an IP address, file, or valid domain: %q`", [
	corefile.version, u.text,
]) if {
	u.kind == "invalid"
} else := ""

servername(d) := line.args[0].text if {
	some line in d.block
	line.name == "tls_servername"
	count(line.args) > 0
}

hint(u) := ". Write an IP address" if {
	u.kind == "numeric"
} else := sprintf(". CoreDNS does not substitute Caddy v2's `{env.…}`: write `{$%s}`", [env_name(u.host)]) if {
	u.kind == "caddy_env"
} else := ". Use its IP address, or a newer CoreDNS"

env_name(host) := trim_suffix(trim_prefix(host, "{env."), "}")
