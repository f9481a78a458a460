package dnslint.rules.corefile["invalid-plugin-args_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.corefile["invalid-plugin-args"] as rule

# findings of the Corefile of one server block holding lines (corefile.server: a directive's name
# at column 5, a line of its block at column 9).
findings(lines) := fs if {
	model := corefile.server(lines)
	fs := {[f.location.line, f.location.col, f.message] | some f in rule.report with input as model}
}

only(lines, l, c, text) if {
	fs := findings(lines)
	count(fs) == 1
	some [l2, c2, m] in fs
	l2 == l
	c2 == c
	contains(m, text)
}

test_unknown_block_lines if {
	only(["errors {", "    stack", "}"], 3, 9, "`Syntax error: Unexpected token 'stack', expecting 'Unknown field stack'`")
	only(["health {", "    timeout 3s", "}"], 3, 9, "`unknown property 'timeout'`. The health block accepts `lameduck`")
	only(["prometheus :9153 {", "    metrics", "}"], 3, 9, "`unknown option: metrics`")
	only(["bind 10.0.0.1 {", "    exclude lo", "}"], 3, 9, "`invalid option \"exclude\"`")
	only(["acl {", "    deny", "}"], 3, 9, "expect 'allow', 'block', 'filter' or 'drop'")
}

test_unknown_lines_follow_the_release if {
	health := ["health {", "    timeout 3s", "}"]
	some [_, _, m] in findings(health) with data.dnslint.config as {"coredns_version": "1.11.3"}
	contains(m, "`Wrong argument count or unexpected line ending after 'timeout'`")
	ready := ["ready {", "    foo", "}"]
	count(findings(ready)) == 1
	count(findings(ready)) == 0 with data.dnslint.config as {"coredns_version": "1.14.3"}
	monitor := ["ready {", "    monitor continuously", "}"]
	count(findings(monitor)) == 0
	zonal := ["kubernetes cluster.local {", "    zonal", "}"]
	count(findings(zonal)) == 0
	only(zonal, 3, 9, "`unknown property 'zonal'`") with data.dnslint.config as {"coredns_version": "1.14.6"}
}

test_older_releases_are_not_checked if {
	count(findings(["local {", "    prefix off", "}"])) == 1
	count(findings(["local {", "    prefix off", "}"])) == 0 with data.dnslint.config as {"coredns_version": "1.9.4"}
}

test_earlier_releases if {
	old := {"coredns_version": "1.11.3"}
	ready := ["ready {", "    monitor continuously", "}"]
	only(ready, 2, 5, "`this plugin can only be used once per Server Block`") with data.dnslint.config as old
	count(findings(ready)) == 0 with data.dnslint.config as {"coredns_version": "1.12.2"}
	prom := ["prometheus :9153 {", "    runtime_metrics", "}"]
	only(prom, 2, 5, "reads a block only from CoreDNS 1.14.3") with data.dnslint.config as old
	count(findings([
		"prometheus :9153",
		"ready",
	])) == 0 with data.dnslint.config as old
	only(["errors stderr"], 2, 12, "`invalid log file: stderr`") with data.dnslint.config as {"coredns_version": "1.9.3"}
	only(["errors {", "    consolidate 5m .* show_first", "}"], 3, 27, "`unknown log level argument in consolidate: show_first`") with data.dnslint.config as old

	# loadbalance before 1.10.1 (weighted came with it): rules/loadbalance/invalid-policy-args
	weighted := ["loadbalance weighted wfile {", "    reload 10s", "}"]
	count(findings(weighted)) == 0 with data.dnslint.config as {"coredns_version": "1.10.1"}
	count(findings(weighted)) == 0 with data.dnslint.config as {"coredns_version": "1.10.0"}
}

test_removed_options_are_left_to_their_rule if {
	count(findings(["kubernetes {", "    upstream", "    resyncperiod 30s", "}"])) == 0
}

test_argument_counts if {
	only(["whoami me you"], 2, 12, "`Wrong argument count or unexpected line ending after 'me'`")
	only(["health :8080 :8081"], 2, 18, "after ':8081'`")
	only(["file"], 2, 5, "Write `file DBFILE [ZONES...]`")
	only(["autopath"], 2, 5, "`no resolv-conf specified`")
	only(["bind"], 2, 5, "`at least one address or interface name is expected`")
	only(["health {", "    lameduck", "}"], 3, 9, "after 'lameduck'`. `lameduck` takes one value")
	only(["kubernetes {", "    tls a b", "}"], 3, 9, "after 'b'`. `tls` takes 3 values")
	only(["hosts {", "    reload 1s 2s", "}"], 3, 19, "`reload needs a duration (zero seconds to disable)`")
}

test_no_block_expected if {
	only(["loop {", "    detect", "}"], 2, 5, "`Unexpected token '{', expecting argument`")
}

test_values if {
	only(["health {", "    lameduck 5", "}"], 3, 18, "`unable to parse lameduck duration value: '5' : time: missing unit in duration \"5\"`")
	only(["health 8080"], 2, 12, "`address 8080: missing port in address`")
	only(["errors stderr"], 2, 12, "`invalid log file: stderr`")
	only(["log {", "    class denial warning", "}"], 3, 22, "`invalid Class: warning`")
	only(["loadbalance random"], 2, 17, "`unknown policy: random`. Use `round_robin` or `weighted`")
	only(["loadbalance {", "    prefer 10.0.0.0/33", "}"], 3, 16, "`invalid CIDR \"10.0.0.0/33\": invalid CIDR address: 10.0.0.0/33`")
	only(["k8s_external {", "    ttl 7200", "}"], 3, 13, "`ttl must be in range [0, 3600]: 7200`")
	only(["hosts {", "    ttl 0", "}"], 3, 13, "`ttl provided is invalid`")
	only(["hosts {", "    reload -1s", "}"], 3, 16, "`invalid negative duration for reload '-1s'`")
	only(["kubernetes {", "    apiserver_burst x", "}"], 3, 25, "`invalid apiserver_burst \"x\": strconv.Atoi: parsing \"x\": invalid syntax`")
	only(["kubernetes {", "    apiserver_burst -1", "}"], 3, 25, "`apiserver_burst must be >= 0`")
	only(["errors {", "    consolidate 5m .* warn", "}"], 3, 27, "`unknown option in consolidate: warn`")
	only(["dnssec {", "    cache_capacity big", "}"], 3, 24, "`strconv.Atoi: parsing \"big\": invalid syntax`")
}

test_bind_only_flags_what_no_interface_can_be if {
	only(["bind 10.0.0.1:53"], 2, 10, "`not a valid IP address or interface name: \"10.0.0.1:53\"`")
	count(findings(["bind eth99 10.0.0.1 ::1 __PILLAR__LOCAL__DNS__ {$POD_IP}"])) == 0
}

test_requires if {
	only(["hosts {", "    fallthrough_unsupported", "}"], 3, 9, "`fallthrough_unsupported requires fallthrough`")
	count(findings(["hosts {", "    fallthrough", "    fallthrough_unsupported", "}"])) == 0
}

test_conflicts if {
	both := ["kubernetes cluster.local {", "    namespaces default", "    namespace_labels env=prod", "}"]
	only(both, 4, 9, "`namespaces and namespace_labels cannot both be set`")
	count(findings(["kubernetes cluster.local {", "    namespace_labels env=prod", "}"])) == 0
}

test_rewrite_rule_type if {
	only(["rewrite nme a.example b.example"], 2, 13, "`invalid rule type \"nme\"`")
	ok := [
		"rewrite name a.example b.example",
		"rewrite Stop nme a.example b.example",
		"rewrite continue ttl a.example 30",
		"rewrite NAME regex (.*) {1} {",
		"    answer name (.*) {1}",
		"}",
		"rewrite {",
		"    name a.example b.example",
		"}",
		"rewrite {$RULE} a.example b.example",
	]
	count(findings(ok)) == 0
}

test_valid_lines if {
	ds := [
		"errors {",
		"    stacktrace",
		"    consolidate 5m .* warning show_first",
		"}",
		"health :8080 {",
		"    lameduck 5s",
		"}",
		"ready {",
		"    monitor until-ready",
		"}",
		"prometheus 0.0.0.0:9153 {",
		"    runtime_metrics",
		"}",
		"log . {",
		"    class denial error",
		"}",
		"kubernetes cluster.local {",
		"    pods insecure",
		"    ttl 30",
		"    namespaces a b",
		"}",
		"acl {",
		"    ALLOW net 10.0.0.0/8",
		"}",
		"hosts /etc/hosts {",
		"    10.0.0.1 a.example",
		"    fallthrough",
		"}",
		"loop",
		"whoami",
		"forward . 10.0.0.1 {",
		"    unknown_to_this_rule",
		"}",
	]
	count(findings(ds)) == 0
}

test_unknown_line_did_you_mean if {
	only(["health {", "    lameduk 5s", "}"], 3, 9, "`unknown property 'lameduk'`. Did you mean `lameduck`? The health block accepts `lameduck`")
	only(["health {", "    timeout 3s", "}"], 3, 9, "`unknown property 'timeout'`. The health block accepts `lameduck`")
}

test_once_per_block if {
	twice := ["quic {", "    max_streams 100", "    max_streams 200", "}"]
	only(twice, 4, 9, "`max_streams already defined for this server block`")
	count(findings(["quic {", "    max_streams 100", "    worker_pool_size 8", "}"])) == 0
	thrice := [
		"https {",
		"    max_connections 1",
		"    max_connections 2",
		"    max_connections 3",
		"}",
	]
	only(thrice, 4, 9, "`max_connections already defined for this server block`")
}

test_first_argument_form if {
	only(["dnstap listen"], 2, 5, "`dnstap listen requires an endpoint argument`")
	only(["dnstap listen tcp://127.0.0.1:6000 full 1 4097"], 2, 47, "`dnstap: MultipleQueue must be between 1 and 4096 (x10k messages): 4097`")
	only(["dnstap /tmp/s full 0"], 2, 24, "`dnstap: MultipleTcpWriteBuf must be between 1 and 1024 (MiB units): 0`")
	count(findings(["dnstap listen tcp://127.0.0.1:6000 full 1024 4096"])) == 0

	# listen is an endpoint (a unix socket) before 1.14.7, and the sizes are not checked before 1.13.1
	count(findings(["dnstap listen"])) == 0 with data.dnslint.config as {"coredns_version": "1.14.3"}
	count(findings(["dnstap /tmp/s full 0"])) == 0 with data.dnslint.config as {"coredns_version": "1.12.2"}
}

test_transport_plugins if {
	only(["quic arg"], 2, 10, "after 'arg'`")
	only(["quic {", "    worker_pool_size 0", "}"], 3, 26, "`worker_pool_size must be a positive integer: 0`")
	only(["grpc_server {", "    max_streams abc", "}"], 3, 21, "`invalid max_streams value 'abc': strconv.Atoi: parsing \"abc\": invalid syntax`")
	count(findings(["https3 {", "    max_streams 0", "}"])) == 0
	only(["https3 {", "    max_connections 5", "}"], 3, 9, "`unknown property 'max_connections'`") with data.dnslint.config as {"coredns_version": "1.14.3"}
	only(["proxyproto {", "    allow invalid_ip", "}"], 3, 15, "`plugin/proxyproto: invalid_ip: invalid CIDR address: invalid_ip`")
	only(["proxyproto {", "    udp_session_tracking 28s 0", "}"], 3, 34, "`plugin/proxyproto: udp_session_tracking: invalid max sessions \"0\": must be a positive integer`")
	only(["proxyproto {", "    unknown", "}"], 3, 9, "`unknown option 'unknown'`")
	only(["proxyproto extra_arg"], 2, 16, "`Wrong argument count or unexpected line ending after 'extra_arg'`")
	count(findings([
		"proxyproto {",
		"    allow 10.0.0.0/8 ::1/128",
		"    default REJECT",
		"    udp_session_tracking 1m 500",
		"}",
	])) == 0
}

test_needed_options if {
	only(["transfer"], 2, 5, "`'to' is required`")
	only(["secondary example.org {", "    fallthrough", "}"], 2, 5, "`secondary zones require a transfer from property`")
	count(findings(["transfer {", "    to *", "}"])) == 0
	only(
		[
			"transfer {",
			"    to *",
			"    source 192.0.2.1",
			"    source 192.0.2.2",
			"}",
		],
		5, 9, "`source already specified`",
	)
}

test_bool_and_float_kinds if {
	only(["trace {", "    client_server junk", "}"], 3, 23, "`plugin/trace: strconv.ParseBool: parsing \"junk\": invalid syntax`")
	only(["trace datadog localhost {", "    datadog_analytics_rate 2", "}"], 3, 32, "`plugin/trace: datadog analytics rate must be between 0 and 1, '2.000000' is not supported`")
	only(["trace {", "    datadog_analytics_rate x", "}"], 3, 32, "`plugin/trace: strconv.ParseFloat: parsing \"x\": invalid syntax`")
	ok := [
		"trace {",
		"    client_server True",
		"    client_server 0",
		"    datadog_analytics_rate 0.5",
		"    datadog_analytics_rate 1e-1",
		"    datadog_analytics_rate 0x1p-2",
		"    datadog_analytics_rate .5",
		"}",
	]
	count(findings(ok)) == 0
}

test_small_plugins if {
	only(["cancel 5"], 2, 12, "`plugin/cancel: invalid duration: \"5\"`")
	only(["cancel -1s"], 2, 12, "`plugin/cancel: invalid negative duration: \"-1s\"`")
	only(["bufsize 511"], 2, 13, "after '511'`")
	count(findings([
		"bufsize 1232",
		"cancel 2s",
	])) == 0
	only(["any example.org"], 2, 9, "after 'example.org'`")
	only(["geoip"], 2, 5, "after 'geoip'`")
	only(["geoip /db {", "    city", "}"], 3, 9, "`unknown property \"city\"`")
	count(findings(["geoip /db {", "    edns-subnet", "}"])) == 0
	only(["nomad {", "    TTL 3601", "}"], 3, 13, "`ttl must be in range [0, 3600]: 3601`")
	only(["erratic {", "    delay 15.a", "}"], 3, 15, "`plugin/erratic: strconv.ParseInt: parsing \"15.a\": invalid syntax`")
	only(["erratic {", "    drop -1", "}"], 3, 14, "`plugin/erratic: illegal amount value given \"-1\"`")
	only(["chaos {", "    unknown", "}"], 3, 9, "`unknown property 'unknown'`")
	only(["etcd {", "    endpoints x", "}"], 3, 9, "`unknown property 'endpoints'`")
	only(["view"], 2, 5, "after 'view'`")
}

test_qtype_and_opcode_kinds if {
	only(["tsig {", "    require invalid-qtype", "}"], 3, 17, "`Wrong argument count or unexpected line ending after 'invalid-qtype'`")
	only(["tsig {", "    require_opcode INVALID", "}"], 3, 24, "after 'INVALID'`")
	only(["tsig {", "    blah", "}"], 3, 9, "after 'blah'`")
	ok := [
		"tsig {",
		"    require AXFR IXFR SOA",
		"    require all BOGUS",
		"    require none",
		"    require_opcode UPDATE NOTIFY",
		"    secret name. c2VjcmV0",
		"}",
	]
	count(findings(ok)) == 0

	# require_opcode came after 1.11.3, which takes it for an unknown line
	only(["tsig {", "    require_opcode UPDATE", "}"], 3, 9, "after 'require_opcode'`") with data.dnslint.config as {"coredns_version": "1.11.3"}
}

test_cloud_plugins_without_credentials if {
	only(["route53 example.org"], 2, 13, "`invalid zone \"example.org\"`")
	only(["route53 :"], 2, 13, "`invalid zone \":\"`")
	only(["route53 example.org:Z1 {", "    aws_access_key AKID", "}"], 3, 9, "`invalid access key: '[AKID]'`")
	only(["route53 example.org:Z1 {", "    aws_access_key", "}"], 3, 9, "`invalid access key: '[]'`")
	only(["route53 example.org:Z1 {", "    refresh -1m", "}"], 3, 17, "`refresh interval must be greater than 0: \"-1m\"`")
	only(["route53 example.org:Z1 {", "    refresh 0", "}"], 3, 17, "`refresh interval must be greater than 0: \"0s\"`")
	only(["route53 example.org:Z1 {", "    refresh foo", "}"], 3, 17, "`Unable to parse duration: time: invalid duration \"foo\"`")
	only(["azure rg:zone {", "    access foo", "}"], 3, 16, "`invalid access value: can be public/private, found: foo`")
	only(["azure rg:zone {", "    foo", "}"], 3, 9, "`unknown property: \"foo\"`")
	only(["clouddns example.org.:project:"], 2, 14, "`invalid zone \"example.org.:project:\"`")
	ok := [
		"route53 example.org.:Z1:x example.net.:Z2 {",
		"    refresh 90",
		"    credentials default file",
		"    fallthrough",
		"}",
		"azure rg:example.org {",
		"    access private",
		"    environment AZUREPUBLICCLOUD",
		"}",
		"clouddns example.org.:project:zone {",
		"    credentials /etc/gcp.json",
		"}",
	]
	count(findings(ok)) == 0
}

test_zone_plugins_in_older_releases if {
	old := {"coredns_version": "1.9.3"}
	only(["dnssec {", "    key file", "}"], 3, 9, "after 'file'`")
	count(findings(["dnssec {", "    key file Kexample.org", "}"])) == 0
	only(["file db {", "    fallthrough", "}"], 3, 9, "`unknown property 'fallthrough'`") with data.dnslint.config as {"coredns_version": "1.11.3"}
	count(findings(["file db {", "    fallthrough", "}"])) == 0 with data.dnslint.config as {"coredns_version": "1.12.2"}
	only(["auto {", "    no_reload", "}"], 3, 9, "`unknown property 'no_reload'`") with data.dnslint.config as old
	only(["erratic {", "    drop -1", "}"], 3, 14, "`plugin/erratic: illegal amount value given \"-1\"`") with data.dnslint.config as old
	only(["etcd {", "    min-lease-ttl 30", "}"], 3, 9, "`unknown property 'min-lease-ttl'`") with data.dnslint.config as {"coredns_version": "1.12.2"}
	only(["etcd {", "    credentials u p x", "}"], 3, 25, "`credentials requires 2 arguments, username and password`")
}

test_grpc_zone_kind if {
	long := concat("", ["x" | some _ in numbers.range(1, 64)])
	only([sprintf("grpc %s 127.0.0.1", [long])], 2, 10, sprintf("`plugin/grpc: unable to normalize '%s'`", [long]))
	only(["grpc example.org: 127.0.0.1"], 2, 10, "`plugin/grpc: unable to normalize 'example.org:'`")
	only(["grpc . 127.0.0.1 {", "    blaatl", "}"], 3, 9, "`unknown property 'blaatl'`")
	only(["grpc . 127.0.0.1 {", "    policy least_conn", "}"], 3, 16, "`unknown policy 'least_conn'`")
	ok := [
		"grpc dns://example.org:53 127.0.0.1 {",
		"    policy sequential",
		"    fallthrough",
		"}",
		"grpc 10.0.0.0/8 127.0.0.1",
		sprintf("grpc %s.example.org. 127.0.0.1", [substring(long, 0, 63)]),
	]
	count(findings(ok)) == 0
	only(["grpc . 127.0.0.1 {", "    fallthrough", "}"], 3, 9, "`unknown property 'fallthrough'`") with data.dnslint.config as {"coredns_version": "1.11.3"}
}
