package dnslint.rules.forward["invalid-upstream_test"]

import data.dnslint.rules.forward["invalid-upstream"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# fwd is a Corefile whose line 2 is `forward ARGS`, with lines in its block from line 3 on.
fwd(args, lines) := parsed(concat("\n", array.flatten([
	".:53 {",
	forward(args, lines),
	"}",
	"",
])))

# forward is the lines of `forward ARGS`, with a block when lines are given.
forward(args, []) := [sprintf("    forward %s", [args])]

forward(args, lines) := array.flatten([
	sprintf("    forward %s {", [args]),
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
]) if count(lines) > 0

old := {"coredns_version": "1.11.3"}

test_zone_forgotten if {
	r := rule.report with input as fwd("8.8.8.8", [])
	count(r) == 1
	some f in r
	f.location == at(2, 13, 19)
	contains(f.message, "Wrong argument count or unexpected line ending after '8.8.8.8'")
	contains(f.message, "no zone (FROM)")
}

test_upstream_forgotten if {
	some f in rule.report with input as fwd(".", [])
	contains(f.message, "after '.'")
	contains(f.message, "no upstream (TO)")
}

test_bare_forward if {
	r := rule.report with input as fwd("", [])
	count(r) == 1
	some f in r
	f.location == at(2, 5, 11)
}

test_valid_upstreams if {
	count(rule.report) == 0 with input as fwd(
		concat(" ", [
			".", "10.0.0.1", "127.0.0.1:5302", "[fd00::1]:53", "fd00::2", "dns://10.0.0.2",
			"tls://9.9.9.9%dns.quad9.net", "https://1.1.1.1", "/etc/resolv.conf", "dns.quad9.net",
			"{$UPSTREAM}", "__PILLAR__UPSTREAM__SERVERS__",
		]),
		[],
	)
}

test_hostnames_before_1_14_4 if {
	r := rule.report with input as fwd(". tls://dns.quad9.net", []) with data.dnslint.config as old
	count(r) == 1
	some f in r
	f.location == at(2, 15, 33)
	contains(f.message, `not an IP address or file: "dns.quad9.net"`)
}

test_mistyped_ip if {
	some f in rule.report with input as fwd(". 10.0.0.256", [])
	contains(f.message, `failed to resolve "10.0.0.256"`)
	some g in rule.report with input as fwd(". 10.0.0.256", []) with data.dnslint.config as old
	contains(g.message, `not an IP address or file: "10.0.0.256"`)
}

test_caddy_env if {
	some f in rule.report with input as fwd(". {env.UPSTREAM}", [])
	contains(f.message, `failed to resolve "{env.UPSTREAM}"`)
	contains(f.message, "{$UPSTREAM}")
}

test_refused_transports if {
	some f in rule.report with input as fwd(". quic://10.0.0.53", [])
	contains(f.message, "'quic' is not supported as a destination protocol in forward: quic://10.0.0.53:853")
	some g in rule.report with input as fwd(". udp://10.0.0.53", [])
	contains(g.message, "`udp://` is no transport of forward")
}

test_https if {
	some f in rule.report with input as fwd(". https://1.1.1.1", []) with data.dnslint.config as old
	contains(f.message, "'https' is not supported as a destination protocol in forward: https://1.1.1.1:443")
	some g in rule.report with input as fwd(". https://dns.google/dns-query", [])
	contains(g.message, "paths are not allowed in HTTPS upstream addresses")
}

test_two_server_names if {
	named := fwd(". tls://9.9.9.9%dns.quad9.net", ["tls_servername dns.example"])
	some f in rule.report with input as named
	contains(f.message, "both forward ('dns.example') and proxy level ('dns.quad9.net') TLS servernames are set for upstream proxy 'tls://9.9.9.9:853'")
	count(rule.report) == 0 with input as named with data.dnslint.config as {"coredns_version": "1.13.1"}
}

test_invalid_name if {
	some f in rule.report with input as fwd(". a..b", [])
	contains(f.message, `not an IP address, file, or valid domain: "a..b"`)
}
