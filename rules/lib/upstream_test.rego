package dnslint.lib.upstream_test

import data.dnslint.lib.upstream

test_ip_with_and_without_port if {
	u := upstream.parse("10.0.0.1")
	u.kind == "ip"
	u.port == "53"
	not u.port_explicit
	v := upstream.parse("127.0.0.1:5302")
	v.kind == "ip"
	v.host == "127.0.0.1"
	v.port == "5302"
}

test_ipv6 if {
	upstream.parse("[fd00::1]:5353").host == "fd00::1"
	upstream.parse("[fd00::1]:5353").port == "5353"
	upstream.parse("fd00::1").kind == "ip"
	upstream.parse("[::1]").port == "53"
}

test_schemes_and_default_ports if {
	t := upstream.parse("tls://1.1.1.1")
	t.scheme == "tls"
	t.explicit
	t.port == "853"
	upstream.parse("https://1.1.1.1").port == "443"
	upstream.parse("dns://1.1.1.1").scheme == "dns"
	not upstream.parse("1.1.1.1").explicit
	upstream.parse("quic://1.1.1.1").port == "853"
}

test_per_upstream_server_name if {
	u := upstream.parse("tls://9.9.9.9%dns.quad9.net:10853")
	u.host == "9.9.9.9"
	u.port == "10853"
	u.sni == "dns.quad9.net"
	v := upstream.parse("tls://[2620:fe::fe%dns.quad9.net]:853")
	v.host == "2620:fe::fe"
	v.sni == "dns.quad9.net"
}

test_kinds if {
	upstream.parse("/etc/resolv.conf").kind == "file"
	upstream.parse("resolv.conf").kind == "file"
	upstream.parse("resolv-ipv6.conf").kind == "file"
	upstream.parse("dns.example.com").kind == "hostname"
	upstream.parse("dns.quad9.net").kind == "hostname"
	upstream.parse("10.0.0.256").kind == "numeric"
	upstream.parse("8.8.8").kind == "numeric"
	upstream.parse("{env.UPSTREAM}").kind == "caddy_env"
	upstream.parse("a..b").kind == "invalid"
	upstream.parse("tls://").kind == "empty"
}

test_placeholders_are_not_judged if {
	upstream.parse("{$UPSTREAM}").kind == "placeholder"
	upstream.parse("__PILLAR__UPSTREAM__SERVERS__").kind == "placeholder"
}

test_loopback if {
	upstream.loopback("127.0.0.1")
	upstream.loopback("127.0.0.53")
	upstream.loopback("::1")
	upstream.loopback("localhost")
	not upstream.loopback("10.0.0.1")
	not upstream.loopback("fd00::1")
}
