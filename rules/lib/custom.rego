# Helpers over coredns-custom ConfigMaps and the lines they bring into a Corefile.
package dnslint.lib.custom

import data.dnslint.lib.corefile

# dir is where a CoreDNS pod mounts the coredns-custom ConfigMap: each key is a file there.
dir := "/etc/coredns/custom/"

# origin is the path of the coredns-custom key that brought a line or a server block in
# (from its import chain, `via`).
origin(x) := paths[0] if {
	paths := [v | some v in x.via; startswith(v, dir)]
	count(paths) > 0
}

from_override(x) if endswith(origin(x), ".override")

# name is the key's name in a path under dir.
name(path) := substring(path, count(dir), -1)

# server_blocks are each server block that a .server key brings into a Corefile, with
# its Corefile and key path: {"corefile", "block", "origin"}. An array, as corefile.blocks.
server_blocks := [{"corefile": x.corefile, "block": x.block, "origin": o} |
	some x in corefile.blocks
	o := origin(x.block)
	endswith(o, ".server")
]

# override_collision holds when an .override key adds plugin to server block b, which
# then holds it more than once although CoreDNS allows it once. custom/override-duplicates-plugin
# reports these; corefile/duplicate-plugin leaves them to it.
override_collision(b, plugin) if {
	corefile.available(plugin)
	corefile.once(plugin)
	same := [d | some d in b.directives; d.name == plugin]
	count(same) > 1
	some d in same
	from_override(d)
}

# override_server_block holds for a line of an .override key that is a server block
# (`example.com:53 { … }`): spliced into a server block, its address is read as a plugin
# name. custom/server-block-in-override reports it; corefile/unknown-directive leaves it.
override_server_block(d) if {
	d.has_block
	regex.match(`[.:]`, d.name)
	from_override(d)
}

# platform names the platform whose default Corefile the file is (composition with a
# coredns-custom linted alone), e.g. "AKS"; undefined for a user's file.
platform(file) := object.get(platform_names, p, p) if {
	m := regex.find_all_string_submatch_n(`^<(.+) default Corefile>$`, file, 1)
	p := m[0][1]
}

platform_names := {"aks": "AKS"}
