# How CoreDNS reads one TO argument of `forward` ([SCHEME://]HOST[%SNI][:PORT], a
# resolv.conf-style file, or a hostname), after plugin/forward/setup.go (splitZone),
# plugin/forward/resolve.go (classifyToAddrs) and plugin/pkg/parse/host.go @ v1.14.7.
package dnslint.lib.upstream

import data.dnslint.lib.plugins

# parse describes a TO argument: {text, kind} for a placeholder (CoreDNS's {$ENV}, or a
# template variable filled in before CoreDNS reads the file: nothing to check), else {text, scheme, explicit (a scheme
# was written), address (the text after the scheme), host, port, port_explicit, sni, kind}.
# kind is one of
#   ip         an IPv4 or IPv6 address (port and [brackets] split off)
#   file       a path (contains "/"), or a bare name with a file extension no domain has
#              (resolv.conf, upstreams.txt): a resolv.conf-style file whose nameservers
#              are used. CoreDNS tries every name that is no IP address as a file first,
#              in its working directory; whether the file is there only the pod knows.
#   hostname   a name CoreDNS >= 1.14.4 resolves once at start-up
#   numeric    digits and dots that are no IP address (10.0.0.256, 8.8.8): taken for a hostname
#   caddy_env  {env.X}, Caddy v2 syntax that CoreDNS does not substitute
#   empty      nothing after the scheme
#   invalid    none of these (CoreDNS: not an IP address, file, or valid domain)
parse(text) := {"text": text, "kind": "placeholder"} if {
	plugins.templated(text)
} else := u if {
	[scheme, explicit, rest] := split_scheme(text)
	[addr, sni] := split_sni(rest)
	[host, port, port_explicit] := split_port(addr, scheme)
	u := {
		"text": text, "scheme": scheme, "explicit": explicit, "address": rest,
		"host": host, "port": port, "port_explicit": port_explicit, "sni": sni, "kind": kind(host),
	}
}

split_scheme(text) := [m[1], true, m[2]] if {
	m := regex.find_all_string_submatch_n(`^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$`, text, 1)[0]
} else := ["dns", false, text]

# split_sni mirrors splitZone: the last `%` starts the per-upstream TLS server name, and
# a `:PORT` after the name belongs to the address (tls://9.9.9.9%dns.quad9.net:853).
split_sni(s) := [addr, sni] if {
	contains(s, "%")
	i := max(indexof_n(s, "%"))
	[addr, sni] := sni_port(bracket(substring(s, 0, i)), substring(s, i + 1, -1))
} else := [s, ""]

bracket(head) := concat("", [head, "]"]) if startswith(head, "[")

else := head

sni_port(head, tail) := [concat("", [head, substring(tail, j, -1)]), trim_suffix(substring(tail, 0, j), "]")] if {
	contains(tail, ":")
	j := max(indexof_n(tail, ":"))
} else := [head, tail]

# split_port follows net.SplitHostPort: [v6]:port, [v6], host:port with a single colon;
# anything else (a bare IPv6 address, a name, a path) has the scheme's default port.
split_port(addr, scheme) := [m[1], m[2], true] if {
	m := regex.find_all_string_submatch_n(`^\[([^\]]*)\]:(.*)$`, addr, 1)[0]
} else := [m[1], default_port(scheme), false] if {
	m := regex.find_all_string_submatch_n(`^\[([^\]]*)\]$`, addr, 1)[0]
} else := [parts[0], parts[1], true] if {
	count(indexof_n(addr, ":")) == 1
	parts := split(addr, ":")
} else := [addr, default_port(scheme), false]

default_port(scheme) := data.dnslint.forward.transports[scheme].port if {
	data.dnslint.forward.transports[scheme]
} else := data.dnslint.forward.refused_transports[scheme].port if {
	data.dnslint.forward.refused_transports[scheme].port
} else := ""

kind(h) := "empty" if {
	h == ""
} else := "ip" if {
	ip(h)
} else := "file" if {
	contains(h, "/")
} else := "file" if {
	file_name(h)
} else := "caddy_env" if {
	regex.match(`^\{env\.[^}]*\}$`, h)
} else := "numeric" if {
	regex.match(`^[0-9.]+$`, h)
} else := "hostname" if {
	domain(h)
} else := "invalid"

# file_name holds for a name that ends in a file extension that is no top-level domain.
file_name(h) if regex.match(`\.(conf|txt|json|ya?ml|db|resolv)$`, lower(h))

# ip holds for an address Go's net.ParseIP accepts (every IPv4 and IPv6 address is valid
# with a /32 mask).
ip(h) if net.cidr_is_valid(sprintf("%s/32", [h]))

# domain approximates miekg/dns IsDomainName: labels of 1 to 63 characters, 255 at most.
domain(h) if {
	count(h) <= 255
	regex.match(`^([^.]{1,63}\.)*[^.]{1,63}\.?$`, h)
}

# loopback holds for a host that is the machine itself: 127.0.0.0/8, ::1, 0.0.0.0 or
# the name localhost.
loopback(h) if h in {"::1", "0.0.0.0", "localhost", "localhost."}

loopback(h) if net.cidr_contains("127.0.0.0/8", h)

# host_port joins a host and port the way net.JoinHostPort does.
host_port(h, port) := sprintf("[%s]:%s", [h, port]) if contains(h, ":")

else := sprintf("%s:%s", [h, port])
