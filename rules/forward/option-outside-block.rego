# METADATA
# title: forward option written as a directive
# description: |-
#   `force_tcp`, `prefer_udp`, `policy`, `max_fails`, `health_check`, `expire`,
#   `tls_servername`, `max_concurrent`, `except` and the other forward options are lines
#   of the `forward` plugin's own block. Written on their own line in a server block they
#   are read as plugin names, and CoreDNS exits with `Unknown directive 'force_tcp'`. This
#   happens most often through a coredns-custom `.override` key: its lines are spliced into
#   the main server block, so an option there is a directive too. Move the option inside
#   the `{ }` of the forward it is meant for.
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin
# custom:
#   each: corefiles
#   severity: error
#   source: coredns/caddy caddyfile/parse.go; plugin/forward/setup.go @ v1.14.7; verified by starting CoreDNS 1.14.7
#   bad: |-
#     .:53 {
#         forward . 10.0.0.1
#         force_tcp
#     }
#   good: |-
#     .:53 {
#         forward . 10.0.0.1 {
#             force_tcp
#         }
#     }
package dnslint.rules.forward["option-outside-block"]

import data.dnslint.lib.corefile
import data.dnslint.lib.forward
import data.dnslint.lib.report

report contains report.finding(d.pos, msg) if {
	some name in corefile.names
	name in forward.options
	some x in corefile.directives(name)
	d := x.directive
	msg := sprintf("`%s` is a forward option, not a plugin: CoreDNS exits with `Unknown directive '%s'`%s. Move it inside the forward block of the zone it is meant for: %s", [
		d.name, d.name, corefile.where(d), hint(x.block, d),
	])
}

hint(block, d) := sprintf("`forward %s … { %s }` (%s)", [f.args[0].text, line(d), place(f.pos, d.pos)]) if {
	some f in first_forward(block)
} else := sprintf("`forward . <upstream> { %s }`", [line(d)])

# first_forward is the block's first forward (the one a query reaches first) with an
# argument, in an array that is empty when there is none: a value either way, which OPA
# finds once per block.
first_forward(block) := array.slice(forwards, 0, 1) if {
	forwards := [f |
		some f in block.directives
		f.name == "forward"
		count(f.args) > 0
	]
}

line(d) := concat(" ", array.concat([d.name], [a.text | some a in d.args]))

place(p, here) := sprintf("line %d", [p.line]) if p.file == here.file

else := sprintf("%s line %d", [p.file, p.line])
