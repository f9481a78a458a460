# METADATA
# title: line in a forward block that is no forward option, or a max_fails CoreDNS refuses
# description: |-
#   Inside `forward FROM TO... { }` every line must be one of the plugin's options
#   (`except`, `force_tcp`, `prefer_udp`, `expire`, `max_fails`, `tls`, `tls_servername`,
#   `policy`, `health_check`, `max_concurrent`, …). Anything else — a typo such as
#   `prefer-udp`, another plugin written inside the block, or an option the target CoreDNS
#   release does not have yet (`next` came in 1.11.4, `failfast_all_unhealthy_upstreams` in
#   1.12.1, `failover` in 1.13.0, `max_connect_attempts` in 1.13.2, `max_age` in 1.14.3,
#   `next_on_nodata` and `resolver` in 1.14.4, `read_timeout` and `doh_method` in 1.14.5,
#   `source_address` in 1.14.6) — stops CoreDNS at start-up with
#   `plugin/forward: … Error during parsing: unknown property 'prefer-udp'`. Versions
#   follow `--coredns-version`. `max_fails` takes a whole number from 0 (strconv.ParseUint,
#   32 bits): `max_fails -1` exits with
#   `plugin/forward: strconv.ParseUint: parsing "-1": invalid syntax`.
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/forward/setup.go (parseBlock) @ v1.9.3, v1.14.3, v1.14.4, v1.14.6, v1.14.7 and the release notes; `prefer-udp` verified by starting CoreDNS 1.14.7; `max_fails -1` verified with CoreDNS 1.9.3, 1.11.3 and 1.14.7 (testdata/fidelity/forward-max-fails-negative.corefile)"
#   bad: |-
#     .:53 {
#         forward . 10.0.0.1 {
#             prefer-udp
#         }
#     }
#   good: |-
#     .:53 {
#         forward . 10.0.0.1 {
#             prefer_udp
#         }
#     }
package dnslint.rules.forward["unknown-option"]

import data.dnslint.lib.corefile
import data.dnslint.lib.forward
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(line.pos, msg) if {
	some x in corefile.directives("forward")
	some line in x.directive.block
	not forward.option(line.name)
	not plugins.templated(line.name)
	msg := sprintf("`%s` is no option of forward in CoreDNS %s: it exits at start-up with `unknown property '%s'`%s. %s", [
		line.name, corefile.version, line.name, corefile.where(line), advice(line.name),
	])
}

advice(name) := sprintf("It came in CoreDNS %s: upgrade, or remove the line", [o.first]) if {
	o := data.dnslint.forward.options[name]
} else := sprintf("Did you mean `%s`?", [spelled]) if {
	spelled := replace(lower(name), "-", "_")
	data.dnslint.forward.options[spelled]
} else := sprintf("`%s` is a plugin: write it on its own line of the server block, outside the forward block", [name]) if {
	data.dnslint.coredns.plugins[name]
} else := sprintf("Did you mean `%s`?", [meant]) if {
	meant := dnslint.closest(name, [n | some n, _ in data.dnslint.forward.options; forward.option(n)])
} else := "Remove it, or fix its name (see the forward plugin's options)"

# max_fails is read with strconv.ParseUint(value, 10, 32); its error stops CoreDNS.
report contains report.finding(v.pos, msg) if {
	some x in corefile.directives("forward")
	some line in x.directive.block
	line.name == "max_fails"
	some v in line.args
	not plugins.templated(v.text)
	err := parse_uint32_error(v.text)
	msg := sprintf("CoreDNS %s exits at start-up: forward refuses `max_fails %s` with `plugin/forward: %s`%s. Write a whole number from 0 (0 disables the health checks that mark an upstream down)", [
		corefile.version, v.text, err, corefile.where(line),
	])
}

parse_uint32_error(text) := sprintf("strconv.ParseUint: parsing %s: invalid syntax", [plugins.quote(text)]) if {
	not regex.match(`^[0-9]+$`, text)
} else := sprintf("strconv.ParseUint: parsing %s: value out of range", [plugins.quote(text)]) if {
	count(trim_left(text, "0")) > 10
} else := sprintf("strconv.ParseUint: parsing %s: value out of range", [plugins.quote(text)]) if {
	to_number(text) > 4294967295
}
