# METADATA
# title: Plugin option removed from CoreDNS
# description: |-
#   Options that older CoreDNS releases accepted stop a newer one at start-up. The
#   kubernetes plugin lost `upstream` and `resyncperiod` in 1.7.0 (both had done nothing
#   since 1.5.0 and 1.6.0) and `transfer` in 1.8.0 (zone transfers moved to the transfer
#   plugin): CoreDNS exits with `plugin/kubernetes: … unknown property 'upstream'`. From
#   1.12.4 a header rule must start with its selector: the old `header { set ra }` fails
#   with `setting up rule: invalid selector=set should be query or response`. The pod
#   crash-loops; Corefiles that kubeadm wrote for Kubernetes 1.11 to 1.15 still carry
#   `upstream`, and the EKS upgrade guide tells users to delete it first. The check follows
#   `--coredns-version` (default: the latest release dnslint knows).
# related_resources:
#   - ref: https://coredns.io/plugins/kubernetes/
#     description: kubernetes plugin
#   - ref: https://coredns.io/plugins/header/
#     description: header plugin
#   - ref: https://github.com/coredns/coredns/blob/master/notes/coredns-1.7.0.md
#     description: CoreDNS 1.7.0 release notes (upstream and resyncperiod removed)
# custom:
#   each: corefiles
#   severity: error
#   fixable: true
#   source: coredns/corefile-migration migration/plugins.go (kubernetes v7, v8); CoreDNS release notes 1.7.0 (#3737), 1.8.0, 1.12.4 (#7436); messages verified on CoreDNS 1.14.7
#   bad: |-
#     .:53 {
#         kubernetes cluster.local {
#             upstream
#         }
#     }
#   good: |-
#     .:53 {
#         kubernetes cluster.local
#     }
package dnslint.rules.corefile["removed-option"]

import data.dnslint.lib.corefile
import data.dnslint.lib.fix
import data.dnslint.lib.report

report contains fix.add(report.finding(line.pos, msg), remove(o, line)) if {
	some o in data.dnslint.coredns.removed_options
	semver.compare(corefile.version, o.removed) >= 0
	some x in corefile.directives(o.plugin)
	some line in x.directive.block
	line.name == o.option
	msg := sprintf("%s was removed in CoreDNS %s: CoreDNS %s exits with `plugin/%s: %s`%s. %s", [
		o.what, o.removed, corefile.version, o.plugin, o.error, corefile.where(x.directive), o.fix,
	])
}

# remove deletes an option that did nothing before it was removed (safe: CoreDNS did not
# start with it); the others moved elsewhere, which is no mechanical change.
remove(o, line) := fix.safe(sprintf("delete `%s`", [o.option]), [fix.delete(s.pos, s.text)]) if {
	o.option in {"upstream", "resyncperiod"}
	not line.has_block
	s := fix.line_span(line)
} else := fix.declined(sprintf("not a mechanical change: %s", [o.fix]))
