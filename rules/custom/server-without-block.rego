# METADATA
# title: coredns-custom .server key without a braced server block
# description: |-
#   A `.server` key is imported at the top level of the Corefile, where every line starts
#   a server block: `ZONE[:PORT] { plugins }`. Without the braces, CoreDNS reads the first
#   word as the zone and every line after it, up to the end of the Corefile, as that
#   block's plugins ("single-server configs don't need curly braces"). A key holding plain
#   plugin lines (`log`, `errors`) thus creates a server block for the zone `log.` and the
#   lines never apply to the queries they were meant for; a zone without braces swallows
#   whatever is imported after it, such as the blocks of the next `.server` key. Write the
#   block with braces, or put plugin lines meant for the main block in a `.override` key.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS with Azure Kubernetes Service
#   - ref: https://coredns.io/manual/configuration/
#     description: CoreDNS manual, Configuration (server blocks)
# custom:
#   each: customs
#   severity: error
#   source: coredns/caddy caddyfile/parse.go (blockContents without braces); verified by starting CoreDNS 1.14.7 with an AKS-style custom/ directory (a .server key holding `log` creates a server block for the zone log.)
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       logging.server: |
#         log
#         errors
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       logging.override: |
#         log
package dnslint.rules.custom["server-without-block"]

import data.dnslint.lib.corefile
import data.dnslint.lib.custom
import data.dnslint.lib.report

# Plugin lines: the plugin name becomes a zone.
report contains report.finding(k.unbraced.pos, msg) if {
	some k in unbraced
	corefile.available(k.unbraced.text)
	msg := sprintf("key %s holds plugin lines without a server block: CoreDNS reads `%s` as the zone of a new server block (`%s.`) and the lines after it, up to the end of the Corefile, as its plugins, so they never apply to the queries they were meant for. Put plugin lines for the main block in a key ending in .override (%q), or wrap them in `ZONE:53 { … }`", [
		k.key.text, k.unbraced.text, trim_suffix(k.unbraced.text, "."), concat("", [trim_suffix(k.key.text, ".server"), ".override"]),
	])
}

# A zone without braces that swallows lines imported after it.
report contains report.finding(k.unbraced.pos, msg) if {
	some k in unbraced
	not corefile.available(k.unbraced.text)
	swallows(k)
	msg := sprintf("the server block `%s` of key %s has no `{ }`, so CoreDNS takes every line after it up to the end of the Corefile as its plugins: %s. Write it as `%s { … }`", [
		k.unbraced.text, k.key.text, swallowed(k), k.unbraced.text,
	])
}

# A zone without braces that nothing follows yet.
report contains report.graded(k.unbraced.pos, msg, "warning") if {
	some k in unbraced
	not corefile.available(k.unbraced.text)
	not swallows(k)
	msg := sprintf("the server block `%s` of key %s has no `{ }`: CoreDNS takes every line after it up to the end of the Corefile as its plugins, so it works only while nothing is imported after it (a .server key that sorts after %s would become part of this block). Write it as `%s { … }`", [
		k.unbraced.text, k.key.text, k.key.text, k.unbraced.text,
	])
}

unbraced contains k if {
	some c in input.customs
	some k in c.keys
	k.kind == "server"
	k.unbraced != null
}

# block is the composed server block that starts at the key's unbraced address.
block(k) := x.block if {
	some x in corefile.blocks
	x.block.keys[0].pos == k.unbraced.pos
}

swallows(k) if {
	some d in block(k).directives
	not from(d, k)
}

from(d, k) if custom.origin(d) == concat("", [custom.dir, k.key.text])

# swallowed names what the block takes in besides its own key: other keys, or lines of
# the Corefile after the import.
swallowed(k) := sprintf("the lines of %s %s become part of it", [plural("key", count(keys)), concat(", ", keys)]) if {
	keys := sort({custom.name(custom.origin(d)) |
		some d in block(k).directives
		not from(d, k)
		custom.origin(d)
	})
	count(keys) > 0
} else := "the lines of the Corefile after its import become part of it"

plural(word, 1) := word

plural(word, n) := concat("", [word, "s"]) if n != 1
