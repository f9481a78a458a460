# Helpers over input.corefiles: the effective Corefiles of a run.
package dnslint.lib.corefile

# version is the CoreDNS release the run targets.
version := data.dnslint.config.coredns_version if {
	data.dnslint.config.coredns_version
} else := data.dnslint.coredns.latest

# lines yields every directive line of every server block, with where it stands.
lines contains {"corefile": cf, "block": b, "directive": d} if {
	some cf in input.corefiles
	some b in cf.server_blocks
	some d in b.directives
}

# directives yields the lines of one plugin.
directives(name) := {x | some x in lines; x.directive.name == name}

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

# blocks yields every server block with its Corefile.
blocks contains {"corefile": cf, "block": b} if {
	some cf in input.corefiles
	some b in cf.server_blocks
}

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

# words yields every word of every server block: its keys, and the name and arguments of
# every line at any depth of `{ }` blocks; top is true for the name of a plugin line.
words contains {"text": k.text, "pos": k.pos, "via": x.block.via, "top": false} if {
	some x in blocks
	some k in x.block.keys
}

words contains {"text": d.name, "pos": d.pos, "via": d.via, "top": count(path) == 1} if {
	some x in blocks
	some path, d in nested(x.block)
}

words contains {"text": a.text, "pos": a.pos, "via": d.via, "top": false} if {
	some x in blocks
	some d in nested(x.block)
	some a in d.args
}

# nested maps the path of every line of a server block, at any depth, to the line.
nested(block) := {path: d |
	walk(block.directives, [path, d])
	is_object(d)
	is_array(d.args)
	is_string(d.name)
}

# place names where a position is, relative to another one: "line 3" in the same file,
# else "<file> line 3".
place(p, here) := sprintf("line %d", [p.line]) if p.file == here.file

else := sprintf("%s line %d", [p.file, p.line])
