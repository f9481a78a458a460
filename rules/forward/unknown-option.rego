# METADATA
# title: line in a forward block that is no forward option
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
#   follow `--coredns-version`.
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin
# custom:
#   severity: error
#   source: "CoreDNS plugin/forward/setup.go (parseBlock) @ v1.9.3, v1.14.3, v1.14.4, v1.14.6, v1.14.7 and the release notes; `prefer-udp` verified by starting CoreDNS 1.14.7"
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
} else := "Remove it, or fix its name (see the forward plugin's options)"
