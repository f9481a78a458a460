package dnslint.rules.corefile["invalid-plugin-args_test"]

import data.dnslint.rules.corefile["invalid-plugin-args"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

# d is a line: its words, the first one the name, each word 10 columns after the last.
d(words, block, l) := {
	"name": words[0], "args": [{"text": w, "pos": pos(l, 5 + (10 * i))} | some i, w in words; i > 0],
	"block": block, "has_block": count(block) > 0, "via": [], "pos": pos(l, 5),
}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

findings(ds) := {[f.location.line, f.location.col, f.message] | some f in rule.report with input as cf(ds)}

only(ds, l, c, text) if {
	fs := findings(ds)
	count(fs) == 1
	some [l2, c2, m] in fs
	l2 == l
	c2 == c
	contains(m, text)
}

test_unknown_block_lines if {
	only([d(["errors"], [d(["stack"], [], 3)], 2)], 3, 5, "`Syntax error: Unexpected token 'stack', expecting 'Unknown field stack'`")
	only([d(["health"], [d(["timeout", "3s"], [], 3)], 2)], 3, 5, "`unknown property 'timeout'`. The health block accepts `lameduck`")
	only([d(["prometheus", ":9153"], [d(["metrics"], [], 3)], 2)], 3, 5, "`unknown option: metrics`")
	only([d(["bind", "10.0.0.1"], [d(["exclude", "lo"], [], 3)], 2)], 3, 5, "`invalid option \"exclude\"`")
	only([d(["acl"], [d(["deny"], [], 3)], 2)], 3, 5, "expect 'allow', 'block', 'filter' or 'drop'")
}

test_unknown_lines_follow_the_release if {
	health := [d(["health"], [d(["timeout", "3s"], [], 3)], 2)]
	some [_, _, m] in findings(health) with data.dnslint.config as {"coredns_version": "1.11.3"}
	contains(m, "`Wrong argument count or unexpected line ending after 'timeout'`")
	ready := [d(["ready"], [d(["foo"], [], 3)], 2)]
	count(findings(ready)) == 1
	count(findings(ready)) == 0 with data.dnslint.config as {"coredns_version": "1.14.3"}
	monitor := [d(["ready"], [d(["monitor", "continuously"], [], 3)], 2)]
	count(findings(monitor)) == 0
	zonal := [d(["kubernetes", "cluster.local"], [d(["zonal"], [], 3)], 2)]
	count(findings(zonal)) == 0
	only(zonal, 3, 5, "`unknown property 'zonal'`") with data.dnslint.config as {"coredns_version": "1.14.6"}
}

test_older_releases_are_not_checked if {
	count(findings([d(["local"], [d(["prefix", "off"], [], 3)], 2)])) == 1
	count(findings([d(["local"], [d(["prefix", "off"], [], 3)], 2)])) == 0 with data.dnslint.config as {"coredns_version": "1.9.4"}
}

test_earlier_releases if {
	old := {"coredns_version": "1.11.3"}
	ready := [d(["ready"], [d(["monitor", "continuously"], [], 3)], 2)]
	only(ready, 2, 5, "`this plugin can only be used once per Server Block`") with data.dnslint.config as old
	count(findings(ready)) == 0 with data.dnslint.config as {"coredns_version": "1.12.2"}
	prom := [d(["prometheus", ":9153"], [d(["runtime_metrics"], [], 3)], 2)]
	only(prom, 2, 5, "reads a block only from CoreDNS 1.14.3") with data.dnslint.config as old
	count(findings([d(["prometheus", ":9153"], [], 2), d(["ready"], [], 3)])) == 0 with data.dnslint.config as old
	only([d(["errors", "stderr"], [], 2)], 2, 15, "`invalid log file: stderr`") with data.dnslint.config as {"coredns_version": "1.9.3"}
	only([d(["errors"], [d(["consolidate", "5m", ".*", "show_first"], [], 3)], 2)], 3, 35, "`unknown log level argument in consolidate: show_first`") with data.dnslint.config as old

	# loadbalance before 1.10.1 (weighted came with it): rules/loadbalance/invalid-policy-args
	weighted := [d(["loadbalance", "weighted", "wfile"], [d(["reload", "10s"], [], 3)], 2)]
	count(findings(weighted)) == 0 with data.dnslint.config as {"coredns_version": "1.10.1"}
	count(findings(weighted)) == 0 with data.dnslint.config as {"coredns_version": "1.10.0"}
}

test_removed_options_are_left_to_their_rule if {
	count(findings([d(["kubernetes"], [d(["upstream"], [], 3), d(["resyncperiod", "30s"], [], 4)], 2)])) == 0
}

test_argument_counts if {
	only([d(["whoami", "me", "you"], [], 2)], 2, 15, "`Wrong argument count or unexpected line ending after 'me'`")
	only([d(["health", ":8080", ":8081"], [], 2)], 2, 25, "after ':8081'`")
	only([d(["file"], [], 2)], 2, 5, "Write `file DBFILE [ZONES...]`")
	only([d(["autopath"], [], 2)], 2, 5, "`no resolv-conf specified`")
	only([d(["bind"], [], 2)], 2, 5, "`at least one address or interface name is expected`")
	only([d(["health"], [d(["lameduck"], [], 3)], 2)], 3, 5, "after 'lameduck'`. `lameduck` takes one value")
	only([d(["kubernetes"], [d(["tls", "a", "b"], [], 3)], 2)], 3, 5, "after 'b'`. `tls` takes 3 values")
	only([d(["hosts"], [d(["reload", "1s", "2s"], [], 3)], 2)], 3, 25, "`reload needs a duration (zero seconds to disable)`")
}

test_no_block_expected if {
	only([d(["loop"], [d(["detect"], [], 3)], 2)], 2, 5, "`Unexpected token '{', expecting argument`")
}

test_values if {
	only([d(["health"], [d(["lameduck", "5"], [], 3)], 2)], 3, 15, "`unable to parse lameduck duration value: '5' : time: missing unit in duration \"5\"`")
	only([d(["health", "8080"], [], 2)], 2, 15, "`address 8080: missing port in address`")
	only([d(["errors", "stderr"], [], 2)], 2, 15, "`invalid log file: stderr`")
	only([d(["log"], [d(["class", "denial", "warning"], [], 3)], 2)], 3, 25, "`invalid Class: warning`")
	only([d(["loadbalance", "random"], [], 2)], 2, 15, "`unknown policy: random`. Use `round_robin` or `weighted`")
	only([d(["loadbalance"], [d(["prefer", "10.0.0.0/33"], [], 3)], 2)], 3, 15, "`invalid CIDR \"10.0.0.0/33\": invalid CIDR address: 10.0.0.0/33`")
	only([d(["k8s_external"], [d(["ttl", "7200"], [], 3)], 2)], 3, 15, "`ttl must be in range [0, 3600]: 7200`")
	only([d(["hosts"], [d(["ttl", "0"], [], 3)], 2)], 3, 15, "`ttl provided is invalid`")
	only([d(["hosts"], [d(["reload", "-1s"], [], 3)], 2)], 3, 15, "`invalid negative duration for reload '-1s'`")
	only([d(["kubernetes"], [d(["apiserver_burst", "x"], [], 3)], 2)], 3, 15, "`invalid apiserver_burst \"x\": strconv.Atoi: parsing \"x\": invalid syntax`")
	only([d(["kubernetes"], [d(["apiserver_burst", "-1"], [], 3)], 2)], 3, 15, "`apiserver_burst must be >= 0`")
	only([d(["errors"], [d(["consolidate", "5m", ".*", "warn"], [], 3)], 2)], 3, 35, "`unknown option in consolidate: warn`")
	only([d(["dnssec"], [d(["cache_capacity", "big"], [], 3)], 2)], 3, 15, "`strconv.Atoi: parsing \"big\": invalid syntax`")
}

test_bind_only_flags_what_no_interface_can_be if {
	only([d(["bind", "10.0.0.1:53"], [], 2)], 2, 15, "`not a valid IP address or interface name: \"10.0.0.1:53\"`")
	count(findings([d(["bind", "eth99", "10.0.0.1", "::1", "__PILLAR__LOCAL__DNS__", "{$POD_IP}"], [], 2)])) == 0
}

test_requires if {
	only([d(["hosts"], [d(["fallthrough_unsupported"], [], 3)], 2)], 3, 5, "`fallthrough_unsupported requires fallthrough`")
	count(findings([d(["hosts"], [d(["fallthrough"], [], 3), d(["fallthrough_unsupported"], [], 4)], 2)])) == 0
}

test_conflicts if {
	ks := [d(["namespaces", "default"], [], 3), d(["namespace_labels", "env=prod"], [], 4)]
	only([d(["kubernetes", "cluster.local"], ks, 2)], 4, 5, "`namespaces and namespace_labels cannot both be set`")
	count(findings([d(["kubernetes", "cluster.local"], [ks[1]], 2)])) == 0
}

test_rewrite_rule_type if {
	only([d(["rewrite", "nme", "a.example", "b.example"], [], 2)], 2, 15, "`invalid rule type \"nme\"`")
	ok := [
		d(["rewrite", "name", "a.example", "b.example"], [], 2),
		d(["rewrite", "Stop", "nme", "a.example", "b.example"], [], 3),
		d(["rewrite", "continue", "ttl", "a.example", "30"], [], 4),
		d(["rewrite", "NAME", "regex", "(.*)", "{1}"], [d(["answer", "name", "(.*)", "{1}"], [], 6)], 5),
		d(["rewrite"], [d(["name", "a.example", "b.example"], [], 8)], 7),
		d(["rewrite", "{$RULE}", "a.example", "b.example"], [], 9),
	]
	count(findings(ok)) == 0
}

test_valid_lines if {
	ds := [
		d(["errors"], [d(["stacktrace"], [], 3), d(["consolidate", "5m", ".*", "warning", "show_first"], [], 4)], 2),
		d(["health", ":8080"], [d(["lameduck", "5s"], [], 6)], 5),
		d(["ready"], [d(["monitor", "until-ready"], [], 8)], 7),
		d(["prometheus", "0.0.0.0:9153"], [d(["runtime_metrics"], [], 10)], 9),
		d(["log", "."], [d(["class", "denial", "error"], [], 12)], 11),
		d(["kubernetes", "cluster.local"], [d(["pods", "insecure"], [], 14), d(["ttl", "30"], [], 15), d(["namespaces", "a", "b"], [], 16)], 13),
		d(["acl"], [d(["ALLOW", "net", "10.0.0.0/8"], [], 18)], 17),
		d(["hosts", "/etc/hosts"], [d(["10.0.0.1", "a.example"], [], 20), d(["fallthrough"], [], 21)], 19),
		d(["loop"], [], 22),
		d(["whoami"], [], 23),
		d(["forward", ".", "10.0.0.1"], [d(["unknown_to_this_rule"], [], 25)], 24),
	]
	count(findings(ds)) == 0
}

test_unknown_line_did_you_mean if {
	only([d(["health"], [d(["lameduk", "5s"], [], 3)], 2)], 3, 5, "`unknown property 'lameduk'`. Did you mean `lameduck`? The health block accepts `lameduck`")
	only([d(["health"], [d(["timeout", "3s"], [], 3)], 2)], 3, 5, "`unknown property 'timeout'`. The health block accepts `lameduck`")
}

test_once_per_block if {
	twice := [d(["quic"], [d(["max_streams", "100"], [], 3), d(["max_streams", "200"], [], 4)], 2)]
	only(twice, 4, 5, "`max_streams already defined for this server block`")
	count(findings([d(["quic"], [d(["max_streams", "100"], [], 3), d(["worker_pool_size", "8"], [], 4)], 2)])) == 0
	thrice := [d(["https"], [d(["max_connections", "1"], [], 3), d(["max_connections", "2"], [], 4), d(["max_connections", "3"], [], 5)], 2)]
	only(thrice, 4, 5, "`max_connections already defined for this server block`")
}

test_first_argument_form if {
	only([d(["dnstap", "listen"], [], 2)], 2, 5, "`dnstap listen requires an endpoint argument`")
	only([d(["dnstap", "listen", "tcp://127.0.0.1:6000", "full", "1", "4097"], [], 2)], 2, 55, "`dnstap: MultipleQueue must be between 1 and 4096 (x10k messages): 4097`")
	only([d(["dnstap", "/tmp/s", "full", "0"], [], 2)], 2, 35, "`dnstap: MultipleTcpWriteBuf must be between 1 and 1024 (MiB units): 0`")
	count(findings([d(["dnstap", "listen", "tcp://127.0.0.1:6000", "full", "1024", "4096"], [], 2)])) == 0

	# listen is an endpoint (a unix socket) before 1.14.7, and the sizes are not checked before 1.13.1
	count(findings([d(["dnstap", "listen"], [], 2)])) == 0 with data.dnslint.config as {"coredns_version": "1.14.3"}
	count(findings([d(["dnstap", "/tmp/s", "full", "0"], [], 2)])) == 0 with data.dnslint.config as {"coredns_version": "1.12.2"}
}

test_transport_plugins if {
	only([d(["quic", "arg"], [], 2)], 2, 15, "after 'arg'`")
	only([d(["quic"], [d(["worker_pool_size", "0"], [], 3)], 2)], 3, 15, "`worker_pool_size must be a positive integer: 0`")
	only([d(["grpc_server"], [d(["max_streams", "abc"], [], 3)], 2)], 3, 15, "`invalid max_streams value 'abc': strconv.Atoi: parsing \"abc\": invalid syntax`")
	count(findings([d(["https3"], [d(["max_streams", "0"], [], 3)], 2)])) == 0
	only([d(["https3"], [d(["max_connections", "5"], [], 3)], 2)], 3, 5, "`unknown property 'max_connections'`") with data.dnslint.config as {"coredns_version": "1.14.3"}
	only([d(["proxyproto"], [d(["allow", "invalid_ip"], [], 3)], 2)], 3, 15, "`plugin/proxyproto: invalid_ip: invalid CIDR address: invalid_ip`")
	only([d(["proxyproto"], [d(["udp_session_tracking", "28s", "0"], [], 3)], 2)], 3, 25, "`plugin/proxyproto: udp_session_tracking: invalid max sessions \"0\": must be a positive integer`")
	only([d(["proxyproto"], [d(["unknown"], [], 3)], 2)], 3, 5, "`unknown option 'unknown'`")
	only([d(["proxyproto", "extra_arg"], [], 2)], 2, 15, "`Wrong argument count or unexpected line ending after 'extra_arg'`")
	count(findings([d(["proxyproto"], [d(["allow", "10.0.0.0/8", "::1/128"], [], 3), d(["default", "REJECT"], [], 4), d(["udp_session_tracking", "1m", "500"], [], 5)], 2)])) == 0
}

test_needed_options if {
	only([d(["transfer"], [], 2)], 2, 5, "`'to' is required`")
	only([d(["secondary", "example.org"], [d(["fallthrough"], [], 3)], 2)], 2, 5, "`secondary zones require a transfer from property`")
	count(findings([d(["transfer"], [d(["to", "*"], [], 3)], 2)])) == 0
	only([d(["transfer"], [d(["to", "*"], [], 3), d(["source", "192.0.2.1"], [], 4), d(["source", "192.0.2.2"], [], 5)], 2)], 5, 5, "`source already specified`")
}

test_bool_and_float_kinds if {
	only([d(["trace"], [d(["client_server", "junk"], [], 3)], 2)], 3, 15, "`plugin/trace: strconv.ParseBool: parsing \"junk\": invalid syntax`")
	only([d(["trace", "datadog", "localhost"], [d(["datadog_analytics_rate", "2"], [], 3)], 2)], 3, 15, "`plugin/trace: datadog analytics rate must be between 0 and 1, '2.000000' is not supported`")
	only([d(["trace"], [d(["datadog_analytics_rate", "x"], [], 3)], 2)], 3, 15, "`plugin/trace: strconv.ParseFloat: parsing \"x\": invalid syntax`")
	ok := [d(
		["trace"], [
			d(["client_server", "True"], [], 3), d(["client_server", "0"], [], 4),
			d(["datadog_analytics_rate", "0.5"], [], 5), d(["datadog_analytics_rate", "1e-1"], [], 6),
			d(["datadog_analytics_rate", "0x1p-2"], [], 7), d(["datadog_analytics_rate", ".5"], [], 8),
		],
		2,
	)]
	count(findings(ok)) == 0
}

test_small_plugins if {
	only([d(["cancel", "5"], [], 2)], 2, 15, "`plugin/cancel: invalid duration: \"5\"`")
	only([d(["cancel", "-1s"], [], 2)], 2, 15, "`plugin/cancel: invalid negative duration: \"-1s\"`")
	only([d(["bufsize", "511"], [], 2)], 2, 15, "after '511'`")
	count(findings([d(["bufsize", "1232"], [], 2), d(["cancel", "2s"], [], 3)])) == 0
	only([d(["any", "example.org"], [], 2)], 2, 15, "after 'example.org'`")
	only([d(["geoip"], [], 2)], 2, 5, "after 'geoip'`")
	only([d(["geoip", "/db"], [d(["city"], [], 3)], 2)], 3, 5, "`unknown property \"city\"`")
	count(findings([d(["geoip", "/db"], [d(["edns-subnet"], [], 3)], 2)])) == 0
	only([d(["nomad"], [d(["TTL", "3601"], [], 3)], 2)], 3, 15, "`ttl must be in range [0, 3600]: 3601`")
	only([d(["erratic"], [d(["delay", "15.a"], [], 3)], 2)], 3, 15, "`plugin/erratic: strconv.ParseInt: parsing \"15.a\": invalid syntax`")
	only([d(["erratic"], [d(["drop", "-1"], [], 3)], 2)], 3, 15, "`plugin/erratic: illegal amount value given \"-1\"`")
	only([d(["chaos"], [d(["unknown"], [], 3)], 2)], 3, 5, "`unknown property 'unknown'`")
	only([d(["etcd"], [d(["endpoints", "x"], [], 3)], 2)], 3, 5, "`unknown property 'endpoints'`")
	only([d(["view"], [], 2)], 2, 5, "after 'view'`")
}

test_qtype_and_opcode_kinds if {
	only([d(["tsig"], [d(["require", "invalid-qtype"], [], 3)], 2)], 3, 15, "`Wrong argument count or unexpected line ending after 'invalid-qtype'`")
	only([d(["tsig"], [d(["require_opcode", "INVALID"], [], 3)], 2)], 3, 15, "after 'INVALID'`")
	only([d(["tsig"], [d(["blah"], [], 3)], 2)], 3, 5, "after 'blah'`")
	ok := [d(
		["tsig"], [
			d(["require", "AXFR", "IXFR", "SOA"], [], 3), d(["require", "all", "BOGUS"], [], 4),
			d(["require", "none"], [], 5), d(["require_opcode", "UPDATE", "NOTIFY"], [], 6),
			d(["secret", "name.", "c2VjcmV0"], [], 7),
		],
		2,
	)]
	count(findings(ok)) == 0

	# require_opcode came after 1.11.3, which takes it for an unknown line
	only([d(["tsig"], [d(["require_opcode", "UPDATE"], [], 3)], 2)], 3, 5, "after 'require_opcode'`") with data.dnslint.config as {"coredns_version": "1.11.3"}
}

test_cloud_plugins_without_credentials if {
	only([d(["route53", "example.org"], [], 2)], 2, 15, "`invalid zone \"example.org\"`")
	only([d(["route53", ":"], [], 2)], 2, 15, "`invalid zone \":\"`")
	only([d(["route53", "example.org:Z1"], [d(["aws_access_key", "AKID"], [], 3)], 2)], 3, 5, "`invalid access key: '[AKID]'`")
	only([d(["route53", "example.org:Z1"], [d(["aws_access_key"], [], 3)], 2)], 3, 5, "`invalid access key: '[]'`")
	only([d(["route53", "example.org:Z1"], [d(["refresh", "-1m"], [], 3)], 2)], 3, 15, "`refresh interval must be greater than 0: \"-1m\"`")
	only([d(["route53", "example.org:Z1"], [d(["refresh", "0"], [], 3)], 2)], 3, 15, "`refresh interval must be greater than 0: \"0s\"`")
	only([d(["route53", "example.org:Z1"], [d(["refresh", "foo"], [], 3)], 2)], 3, 15, "`Unable to parse duration: time: invalid duration \"foo\"`")
	only([d(["azure", "rg:zone"], [d(["access", "foo"], [], 3)], 2)], 3, 15, "`invalid access value: can be public/private, found: foo`")
	only([d(["azure", "rg:zone"], [d(["foo"], [], 3)], 2)], 3, 5, "`unknown property: \"foo\"`")
	only([d(["clouddns", "example.org.:project:"], [], 2)], 2, 15, "`invalid zone \"example.org.:project:\"`")
	ok := [
		d(["route53", "example.org.:Z1:x", "example.net.:Z2"], [d(["refresh", "90"], [], 3), d(["credentials", "default", "file"], [], 4), d(["fallthrough"], [], 5)], 2),
		d(["azure", "rg:example.org"], [d(["access", "private"], [], 7), d(["environment", "AZUREPUBLICCLOUD"], [], 8)], 6),
		d(["clouddns", "example.org.:project:zone"], [d(["credentials", "/etc/gcp.json"], [], 10)], 9),
	]
	count(findings(ok)) == 0
}

test_zone_plugins_in_older_releases if {
	old := {"coredns_version": "1.9.3"}
	only([d(["dnssec"], [d(["key", "file"], [], 3)], 2)], 3, 5, "after 'file'`")
	count(findings([d(["dnssec"], [d(["key", "file", "Kexample.org"], [], 3)], 2)])) == 0
	only([d(["file", "db"], [d(["fallthrough"], [], 3)], 2)], 3, 5, "`unknown property 'fallthrough'`") with data.dnslint.config as {"coredns_version": "1.11.3"}
	count(findings([d(["file", "db"], [d(["fallthrough"], [], 3)], 2)])) == 0 with data.dnslint.config as {"coredns_version": "1.12.2"}
	only([d(["auto"], [d(["no_reload"], [], 3)], 2)], 3, 5, "`unknown property 'no_reload'`") with data.dnslint.config as old
	only([d(["erratic"], [d(["drop", "-1"], [], 3)], 2)], 3, 15, "`plugin/erratic: illegal amount value given \"-1\"`") with data.dnslint.config as old
	only([d(["etcd"], [d(["min-lease-ttl", "30"], [], 3)], 2)], 3, 5, "`unknown property 'min-lease-ttl'`") with data.dnslint.config as {"coredns_version": "1.12.2"}
	only([d(["etcd"], [d(["credentials", "u", "p", "x"], [], 3)], 2)], 3, 35, "`credentials requires 2 arguments, username and password`")
}

test_grpc_zone_kind if {
	long := concat("", ["x" | some _ in numbers.range(1, 64)])
	only([d(["grpc", long, "127.0.0.1"], [], 2)], 2, 15, sprintf("`plugin/grpc: unable to normalize '%s'`", [long]))
	only([d(["grpc", "example.org:", "127.0.0.1"], [], 2)], 2, 15, "`plugin/grpc: unable to normalize 'example.org:'`")
	only([d(["grpc", ".", "127.0.0.1"], [d(["blaatl"], [], 3)], 2)], 3, 5, "`unknown property 'blaatl'`")
	only([d(["grpc", ".", "127.0.0.1"], [d(["policy", "least_conn"], [], 3)], 2)], 3, 15, "`unknown policy 'least_conn'`")
	ok := [
		d(["grpc", "dns://example.org:53", "127.0.0.1"], [d(["policy", "sequential"], [], 3), d(["fallthrough"], [], 4)], 2),
		d(["grpc", "10.0.0.0/8", "127.0.0.1"], [], 5),
		d(["grpc", concat("", [substring(long, 0, 63), ".example.org."]), "127.0.0.1"], [], 6),
	]
	count(findings(ok)) == 0
	only([d(["grpc", ".", "127.0.0.1"], [d(["fallthrough"], [], 3)], 2)], 3, 5, "`unknown property 'fallthrough'`") with data.dnslint.config as {"coredns_version": "1.11.3"}
}
