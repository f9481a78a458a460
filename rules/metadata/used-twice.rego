# METADATA
# title: metadata used twice in one server block
# description: |-
#   metadata's setup function reads its zones and then expects nothing more of the block: a
#   second `metadata` line in the same server block reaches it as one more token and CoreDNS
#   exits with `plugin/metadata: … Wrong argument count or unexpected line ending after
#   'metadata'` (not the `can only be used once` message other plugins give).
# related_resources:
#   - ref: https://coredns.io/plugins/metadata/
#     description: metadata plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/metadata/setup.go metadataParse @ v1.9.3 and v1.14.7; CoreDNS's own metadata setup tests (make fidelity-setup); testdata/fidelity/metadata-twice.corefile"
#   bad: |-
#     .:53 {
#         metadata
#         metadata
#     }
#   good: |-
#     .:53 {
#         metadata
#     }
package dnslint.rules.metadata["used-twice"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(second.pos, msg) if {
	some cf in input.corefiles
	some b in cf.server_blocks
	"metadata" in corefile.repeated(b)
	uses := plugins.in_block(b, "metadata")
	second := uses[1]
	msg := sprintf("CoreDNS %s exits at start-up: metadata refuses a second use in the server block with `%s`%s. Keep one `metadata` line (it takes every zone as its arguments)", [
		corefile.version, plugins.argerr("metadata"), corefile.where(second),
	])
}
