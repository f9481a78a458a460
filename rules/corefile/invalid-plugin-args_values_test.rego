package dnslint.rules.corefile["invalid-plugin-args_values_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.corefile["invalid-plugin-args"] as rule

# The messages of the findings of a block holding one line: `forward . 10.0.0.1 { <line> }`.
messages(line) := block(["forward . 10.0.0.1 {", sprintf("    %s", [line]), "}"])

block(lines) := {f.message | some f in rule.report with input as model} if model := corefile.server(lines)

refused(line, text) if {
	ms := messages(line)
	count(ms) == 1
	some m in ms
	contains(m, text)
}

test_forward_values_setup_refuses if {
	refused("max_concurrent many", "`strconv.Atoi: parsing \"many\": invalid syntax`")
	refused("max_concurrent -4", "`max_concurrent can't be negative: -4`")
	refused("max_idle_conns -1", "`max_idle_conns can't be negative: -1`")
	refused("max_connect_attempts -4", "`strconv.ParseUint: parsing \"-4\": invalid syntax`")
	refused("health_check no_rec", "`time: invalid duration \"no_rec\"`")
	refused("health_check -3s", "`health_check can't be negative: -3000000000`")
	refused("expire -60s", "`expire can't be negative: -1m0s`")
	refused("max_age -1s", "`max_age can't be negative: -1s`")
	refused("read_timeout 0s", "`read_timeout must be positive: 0s`")
	refused("read_timeout", "`Wrong argument count or unexpected line ending after 'read_timeout'`")
	refused("next NXDOMAIN INVALID", "`INVALID is not a valid rcode`")
	refused("next", "after 'next'`")
	refused("failover NOERROR", "`NoError cannot be used in failover`")
	refused("failover noerror", "`NoError cannot be used in failover`")
	refused("failfast_all_unhealthy_upstreams false", "after 'false'`")
	refused("source_address not-an-ip", "`invalid IP address: not-an-ip`")
	refused("doh_method PUT", "`doh_method must be either POST or GET`")
}

test_forward_values_setup_accepts if {
	every line in [
		"max_concurrent 0", "max_idle_conns 10", "max_connect_attempts 3",
		"health_check 0.5s no_rec domain example.org", "expire 0s",
		"max_age 30s", "read_timeout 2s", "next servfail REFUSED NOTIMPL",
		"failover SERVFAIL", "failfast_all_unhealthy_upstreams", "source_address fd00::1",
		"doh_method GET", "tls", "except example.org",
	] {
		count(messages(line)) == 0
	}
}

test_forward_options_newer_than_the_release_are_left_to_unknown_option if {
	count(messages("read_timeout 0s")) == 0 with data.dnslint.config as {"coredns_version": "1.14.4"}
	count(messages("failover NOERROR")) == 0 with data.dnslint.config as {"coredns_version": "1.12.1"}
	refused("max_concurrent -4", "`max_concurrent can't be negative: -4`") with data.dnslint.config as {"coredns_version": "1.9.3"}
}

# loadbalance weighted wfile { <line> }: the messages of its findings.
lbw(line) := block(["loadbalance weighted wfile {", sprintf("    %s", [line]), "}"])

test_loadbalance_reload if {
	some m in lbw("reload a")
	contains(m, "`invalid reload duration 'a'`")
	some m2 in lbw("reload 30s a")
	contains(m2, "`unexpected argument`")
	some m3 in lbw("reload")
	contains(m3, "`reload duration value is missing`")
	count(lbw("reload 30s")) == 0
}
