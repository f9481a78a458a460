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
#   fixable: true
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
import data.dnslint.lib.fix
import data.dnslint.lib.forward
import data.dnslint.lib.report

report contains fix.add(report.related(d.pos, msg, meant(x.block)), move(x.block, d)) if {
	some name in corefile.names
	name in forward.options
	some x in corefile.directives(name)
	d := x.directive
	msg := sprintf("`%s` is a forward option, not a plugin: CoreDNS exits with `Unknown directive '%s'`%s. Move it inside the forward block of the zone it is meant for: %s", [
		d.name, d.name, corefile.where(d), hint(x.block, d),
	])
}

hint(block, d) := sprintf("`forward %s … { %s }`", [f.args[0].text, line(d)]) if {
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

# meant are the related places: the forward the hint names, when the block has one.
meant(block) := [{"message": sprintf("`forward %s`, the first forward of this server block", [f.args[0].text]), "pos": f.pos} |
	some f in first_forward(block)
]

# move is the fix: the line moves into the block's one forward (a `{ }` is opened after
# its last argument when it has none), or is deleted when that block has the option
# already. Safe: CoreDNS did not start with the line where it was.
move(block, d) := fix.declined(sprintf("the server block has %d forward plugins with an upstream: which one `%s` is meant for is not evident", [count(fwds), d.name])) if {
	fwds := [f | some f in block.directives; f.name == "forward"; count(f.args) > 0]
	count(fwds) != 1
} else := fix.declined(sprintf("`%s` has a block of its own", [d.name])) if {
	d.has_block
} else := fix.declined(sprintf("`%s` and the forward it belongs to are written in different places (%s and %s): moving it is a change to both, left to you", [d.name, where(d), where(f)])) if {
	some f in first_forward(block)
	where(d) != where(f)
} else := fix.safe(sprintf("delete `%s`: the forward block has it already", [d.name]), [fix.delete(s.pos, s.text)]) if {
	some f in first_forward(block)
	some o in f.block
	o.name == d.name
	s := fix.line_span(d)
} else := fix.safe(sprintf("move `%s` into the forward block", [d.name]), [
	fix.insert_before(f.block[0].pos, f.block[0].name, concat("", [s.text, "\n"])),
	fix.delete(s.pos, s.text),
]) if {
	some f in first_forward(block)
	count(f.block) > 0
	s := fix.line_span(d)
} else := fix.declined("the forward block is empty (`{ }`): dnslint does not place a line inside it") if {
	some f in first_forward(block)
	f.has_block
} else := fix.safe(sprintf("move `%s` into a new block of the forward", [d.name]), [
	fix.insert_after(last.pos, last.text, concat("", [" {\n    ", s.text, "\n}"])),
	fix.delete(s.pos, s.text),
]) if {
	some f in first_forward(block)
	last := f.args[count(f.args) - 1]
	s := fix.line_span(d)
}

# where is the file and import chain a line was written in.
where(d) := concat(" via ", array.concat([d.pos.file], d.via))
