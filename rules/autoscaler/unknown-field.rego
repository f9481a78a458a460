# METADATA
# title: Autoscaler parameter that CPA ignores
# description: |-
#   cluster-proportional-autoscaler (CPA) decodes its parameters with Go's encoding/json,
#   which matches key names case-insensitively and silently ignores every key that names
#   no field. A misspelt key — `preventSinglePointOfFailure` for
#   `preventSinglePointFailure`, `minReplicas` for `min` — or a key of the other mode
#   (`min` in a ladder) has no effect at all, with no error anywhere. Ladder mode reads
#   `coresToReplicas`, `nodesToReplicas` and `includeUnschedulableNodes`; linear mode
#   reads `coresPerReplica`, `nodesPerReplica`, `min`, `max`,
#   `preventSinglePointFailure` and `includeUnschedulableNodes`.
# related_resources:
#   - ref: https://github.com/kubernetes-sigs/cluster-proportional-autoscaler#control-patterns-and-configmap-formats
#     description: cluster-proportional-autoscaler, control patterns and ConfigMap formats
# custom:
#   each: autoscalers
#   severity: warning
#   source: kubernetes-sigs/cluster-proportional-autoscaler laddercontroller and linearcontroller parameter structs @ 5a5dd5a1; encoding/json (unknown keys ignored, case-insensitive match) tested with Go 1.26
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       linear: |-
#         {"coresPerReplica": 256, "nodesPerReplica": 16, "preventSinglePointOfFailure": true}
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       linear: |-
#         {"coresPerReplica": 256, "nodesPerReplica": 16, "preventSinglePointFailure": true}
package dnslint.rules.autoscaler["unknown-field"]

import data.dnslint.lib.autoscaler
import data.dnslint.lib.report

report contains report.finding(a.fields[name], msg) if {
	some a in autoscaler.configs
	some name, _ in a.params
	not known(a.mode, name)
	msg := sprintf("CPA ignores `%s`: encoding/json drops keys that match no field of %s mode, so it has no effect. %s", [
		name, a.mode, hint(a.mode, name),
	])
}

known(mode, name) if {
	some f in autoscaler.fields[mode]
	lower(f) == lower(name)
}

hint(mode, name) := sprintf("It is a field of %s mode; %s mode reads %s", [other, mode, listed(mode)]) if {
	some other, _ in autoscaler.fields
	other != mode
	known(other, name)
} else := sprintf("Did you mean `%s`?", [best[1]]) if {
	best := max([[n, f] |
		some f in autoscaler.fields[mode]
		n := common_prefix(lower(f), lower(name))
		n >= 3
	])
} else := sprintf("%s mode reads %s", [mode, listed(mode)])

listed(mode) := concat(", ", sort(autoscaler.fields[mode]))

# common_prefix is the length of the longest common prefix of a and b.
common_prefix(a, b) := max([n |
	some n in numbers.range(0, min([count(a), count(b)]))
	substring(a, 0, n) == substring(b, 0, n)
])
