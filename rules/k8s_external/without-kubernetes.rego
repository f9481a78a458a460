# METADATA
# title: k8s_external without a kubernetes plugin in its server block
# description: |-
#   k8s_external answers for Services with external IPs by asking the kubernetes plugin of
#   the same server block. Without one, CoreDNS 1.11.0 and later stop at start-up with
#   `plugin/k8s_external: kubernetes plugin not loaded` and the pod crash-loops; older
#   releases start, and k8s_external passes every query on without answering any. A
#   kubernetes plugin in another server block does not count. Add the kubernetes plugin to
#   this block, or move k8s_external into the block that has it.
# related_resources:
#   - ref: https://coredns.io/plugins/k8s_external/
#     description: k8s_external plugin
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS plugin/k8s_external/setup.go @ v1.14.7 (OnStartup, first in v1.11.0; v1.10.1 returns nil); verified by starting CoreDNS 1.14.7
#   bad: |-
#     example.com:53 {
#         k8s_external example.com
#     }
#   good: |-
#     .:53 {
#         k8s_external example.com
#         kubernetes cluster.local
#     }
package dnslint.rules.k8s_external["without-kubernetes"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(x.directive.pos, msg) if {
	some x in corefile.directives("k8s_external")
	count(plugins.in_block(x.block, "kubernetes")) == 0
	msg := sprintf("%s%s: k8s_external needs the kubernetes plugin of its own server block. Add `kubernetes <cluster domain>` to this block, or move k8s_external into the block that has it", [
		effect, corefile.where(x.directive),
	])
}

effect := "CoreDNS exits at start-up with `plugin/k8s_external: kubernetes plugin not loaded`" if plugins.at_least("1.11.0")

else := sprintf("CoreDNS %s starts, but k8s_external passes every query on without answering", [corefile.version])
