# METADATA
# title: Server block in a coredns-custom .override key
# description: |-
#   The lines of a `.override` key are spliced into the main `.:53` server block, where
#   `import custom/*.override` stands, so they may only be plugin lines. A whole server
#   block there (`example.com:53 { forward . 10.0.0.1 }`) is read as a plugin named
#   `example.com:53`, and CoreDNS exits at start-up with
#   `Unknown directive 'example.com:53'` (the pod crash-loops; a reload keeps the old
#   configuration until the next restart). Server blocks belong in a key ending in
#   `.server`, which is imported at the top level of the Corefile.
# related_resources:
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS with Azure Kubernetes Service
# custom:
#   each: corefiles
#   severity: error
#   source: "coredns/caddy caddyfile/parse.go (directive position); verified by starting CoreDNS 1.14.7 with an AKS-style custom/ directory (custom/x.override:1 - Error during parsing: Unknown directive 'example.com:15353')"
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       corp.override: |
#         corp.example.com:53 {
#             forward . 10.0.0.53
#         }
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       corp.server: |
#         corp.example.com:53 {
#             forward . 10.0.0.53
#         }
package dnslint.rules.custom["server-block-in-override"]

import data.dnslint.lib.corefile
import data.dnslint.lib.custom
import data.dnslint.lib.report

report contains report.finding(d.pos, msg) if {
	some name in corefile.names
	regex.match(`[.:]`, name) # an address, as custom.override_server_block: skips the plugins
	some x in corefile.directives(name)
	d := x.directive
	custom.override_server_block(d)
	key := custom.name(custom.origin(d))
	msg := sprintf("key %s holds a server block, but .override lines are spliced into the `.:53` block as plugin lines: CoreDNS exits at start-up with `Unknown directive '%s'`. Move the block to a key ending in .server (e.g. %q)", [
		key, d.name, concat("", [trim_suffix(key, ".override"), ".server"]),
	])
}
