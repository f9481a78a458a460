# METADATA
# title: Directive that is no CoreDNS plugin
# description: |-
#   Every line of a server block must start with the name of a plugin compiled into the
#   CoreDNS binary. Anything else — a typo, an external plugin the official image does not
#   contain, a plugin removed or not yet added in the target release — stops CoreDNS at
#   start-up with `Unknown directive '<name>'` and the pod crash-loops. The list of plugins
#   follows `--coredns-version` (default: the latest release dnslint knows). Custom builds
#   declare their extra plugins in .dnslint.yaml (`plugins: [unbound, alternate]`). Plugin
#   options written as directives are reported by forward/option-outside-block, removed
#   plugins by corefile/removed-plugin and `{env.X}` names by corefile/env-placeholder
#   instead.
# related_resources:
#   - ref: https://coredns.io/plugins/
#     description: the plugins compiled into CoreDNS
# custom:
#   each: corefiles
#   severity: error
#   source: coredns/caddy caddyfile/parse.go (Unknown directive); CoreDNS plugin.cfg of every v1.x.y release
#   bad: |-
#     .:53 {
#         forwrd . 1.1.1.1
#     }
#   good: |-
#     .:53 {
#         forward . 1.1.1.1
#     }
package dnslint.rules.corefile["unknown-directive"]

import data.dnslint.lib.corefile
import data.dnslint.lib.custom
import data.dnslint.lib.forward
import data.dnslint.lib.report

# Each name is judged once, then its lines.
report contains report.finding(d.pos, msg) if {
	some name in corefile.names
	not corefile.available(name)
	not corefile.placeholder(name)
	not corefile.env_placeholder(name)
	not corefile.removed(name)
	not name in forward.options
	some x in corefile.directives(name)
	d := x.directive
	not custom.override_server_block(d) # custom/server-block-in-override explains it
	msg := sprintf("CoreDNS %s exits at start-up with `Unknown directive '%s'`%s: %s", [
		corefile.version, d.name, corefile.where(d), why(d.name),
	])
}

why(name) := sprintf("%s first shipped in CoreDNS %s; raise coredns-version if the cluster runs a newer release", [name, p.first]) if {
	p := data.dnslint.coredns.plugins[name]
} else := sprintf("did you mean `%s`? %s is no plugin of CoreDNS %s; if it is an external plugin of a custom build, list it under `plugins:` in .dnslint.yaml", [meant, name, corefile.version]) if {
	meant := dnslint.closest(name, [p | some p, _ in data.dnslint.coredns.plugins; corefile.available(p)])
} else := sprintf("%s is no plugin of the official CoreDNS build; fix the spelling, or if it is an external plugin of a custom build, list it under `plugins:` in .dnslint.yaml", [name])
