# Helpers over input.corefiles: the effective Corefiles of a run.
package dnslint.lib.corefile

# version is the CoreDNS release the run targets.
version := data.dnslint.config.coredns_version if {
	data.dnslint.config.coredns_version
} else := data.dnslint.coredns.latest

# lines are every directive line of every server block, in written order, each with
# where it stands: {"corefile", "block", "directive"}. An array rather than a set: OPA
# hashes, sorts and compares the elements of a set, here whole Corefiles and blocks.
lines := [{"corefile": cf, "block": b, "directive": d} |
	some cf in input.corefiles
	some b in cf.server_blocks
	some d in b.directives
]

# names are the names the lines start with (plugins, and whatever else stands there).
# A rule about some names checks each name once, then takes its lines: directives(name).
names := {x.directive.name | some x in lines}

# directives are the lines of one plugin (elements of lines), in written order.
directives(name) := object.get(by_name, name, [])

# by_name maps each name to its lines: built once, in a single pass over lines (OPA
# indexes the inner comprehension on name), so that a plugin no line names costs nothing.
by_name := {name: named |
	some name in names
	named := [x | some x in lines; x.directive.name == name]
}

# repeated are the names that stand on more than one line of server block b: the plugins
# a rule about duplicates looks at. Sorted, equal names stand next to each other (no
# comparison of every line with every other: a block may hold thousands of lines).
repeated(b) := {name |
	sorted := sort([d.name | some d in b.directives])
	some i, name in sorted
	i > 0
	name == sorted[i - 1]
}

# available holds for a plugin compiled into the target CoreDNS version, or declared in
# the config as part of a custom build (plugins: [...]).
available(name) if {
	p := data.dnslint.coredns.plugins[name]
	semver.compare(version, p.first) >= 0
	not removed_by(p, version)
}

available(name) if name in object.get(data.dnslint.config, "plugins", [])

removed_by(p, v) if semver.compare(v, p.last) > 0

# placeholder holds for text that holds an environment placeholder ({$VAR} or {%VAR%}),
# which CoreDNS replaces at start-up.
placeholder(text) if regex.match(`\{\$[^}]*\}|\{%[^}]*%\}`, text)

# blocks are every server block with its Corefile, in written order: {"corefile", "block"}.
blocks := [{"corefile": cf, "block": b} |
	some cf in input.corefiles
	some b in cf.server_blocks
]

# where names the imported key or file a line came from, for messages ("" when written in place).
where(d) := sprintf(" (imported from %s)", [concat(" -> ", d.via)]) if count(d.via) > 0

else := ""

# removed holds for a plugin that the target CoreDNS release no longer has (proxy after
# 1.4.0, federation after 1.6.9, ...), unless the config declares it as part of a custom build.
removed(name) if {
	removed_by(data.dnslint.coredns.plugins[name], version)
	not name in object.get(data.dnslint.config, "plugins", [])
}

# once holds for a plugin that CoreDNS accepts only once per server block in the target
# release (plugin.ErrOnce: `this plugin can only be used once per Server Block`).
once(name) if data.dnslint.coredns.plugins[name].once

once(name) if semver.compare(version, data.dnslint.coredns.plugins[name].once_until) <= 0

# env_placeholder holds for text with a Caddy v2 placeholder ({env.VAR}), which CoreDNS
# does not know and leaves as it is.
env_placeholder(text) if regex.match(`\{env\.[^}]*\}`, text)

# words are every word of every server block: its keys, and the name and arguments of
# every line at any depth of `{ }` blocks, each {"text", "pos", "via", "top"}; top is true
# for the name of a plugin line. An array (see lines).
words := [w | some cf in input.corefiles; some w in words_of(cf)]

# words_of are the words of Corefile cf (see words).
words_of(cf) := array.concat(
	array.concat(
		[{"text": k.text, "pos": k.pos, "via": b.via, "top": false} |
			some b in cf.server_blocks
			some k in b.keys
		],
		[{"text": n.line.name, "pos": n.line.pos, "via": n.line.via, "top": n.top} | some n in ls],
	),
	[{"text": a.text, "pos": a.pos, "via": n.line.via, "top": false} |
		some n in ls
		some a in n.line.args
	],
) if {
	ls := nested(cf)
}

# nested are the lines of the server blocks of Corefile cf at any depth, each {"line",
# "top"}: top for a block's own plugin lines, false for the lines of their `{ }` blocks
# (found by walking these blocks, not the arguments and positions of every line).
nested(cf) := array.concat(
	[{"line": d, "top": true} |
		some b in cf.server_blocks
		some d in b.directives
		is_line(d)
	],
	[{"line": l, "top": false} |
		some b in cf.server_blocks
		some d in b.directives
		walk(d.block, [_, l])
		is_line(l)
	],
)

# is_line holds for a directive line: an object with a name and arguments.
is_line(d) if {
	is_object(d)
	is_array(d.args)
	is_string(d.name)
}

# mentions holds when text occurs anywhere in the server blocks of Corefile cf: in a key,
# a line or an argument, but also in a file name or an import chain. One quick test for a
# whole Corefile, which a rule about rare text makes before it looks at every word.
mentions(cf, text) if contains(sprintf("%v", [cf.server_blocks]), text)
