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
