# METADATA
# title: Autoscaler ConfigMap without exactly one ladder or linear key
# description: |-
#   cluster-proportional-autoscaler (CPA) takes its mode from the single data key of its
#   ConfigMap, spelled exactly `ladder` or `linear`. Any other key count fails with
#   `invalid configMap format, expected only one entry, got: map[…]` — an extra key for
#   notes is enough — and any other name, `Ladder` or `ladder.json` (as
#   `kubectl create configmap --from-file=ladder.json` names it), with
#   `not a supported control mode: Ladder`. CPA then stops scaling on every poll and leaves
#   the DNS Deployment at whatever replica count it had. Keep exactly one key, `ladder`
#   or `linear`.
# related_resources:
#   - ref: https://github.com/kubernetes-sigs/cluster-proportional-autoscaler#control-patterns-and-configmap-formats
#     description: cluster-proportional-autoscaler, control patterns and ConfigMap formats
# custom:
#   each: autoscalers
#   severity: error
#   source: kubernetes-sigs/cluster-proportional-autoscaler pkg/autoscaler/controller/plugin/plugin.go (EnsureController) @ 5a5dd5a1
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       ladder.json: |-
#         {"coresToReplicas": [[1, 2], [512, 3]], "nodesToReplicas": [[1, 2], [8, 3]]}
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       ladder: |-
#         {"coresToReplicas": [[1, 2], [512, 3]], "nodesToReplicas": [[1, 2], [8, 3]]}
package dnslint.rules.autoscaler["missing-mode"]

import data.dnslint.lib.report

# More than one data key: every key after the first.
report contains report.finding(k.pos, msg) if {
	some a in input.autoscalers
	count(a.keys) > 1
	some i, k in a.keys
	i > 0
	msg := sprintf("CPA needs exactly one data key, `ladder` or `linear`, and this ConfigMap has %d (%s): it fails with `invalid configMap format, expected only one entry, got: map[…]` and stops scaling. %s", [
		count(a.keys), concat(", ", [x.text | some x in a.keys]), fix(a, k),
	])
}

# One key, not spelled as CPA reads it.
report contains report.finding(k.pos, msg) if {
	some a in input.autoscalers
	count(a.keys) == 1
	a.mode == ""
	k := a.keys[0]
	msg := sprintf("CPA fails with `not a supported control mode: %s` and stops scaling: the key must be exactly `ladder` or `linear`. %s", [
		k.text, rename(k.text),
	])
}

fix(a, k) := "Keep one of the two modes" if {
	{x.text | some x in a.keys} == {"ladder", "linear"}
} else := sprintf("Move `%s` out of this ConfigMap (a comment or an annotation keeps notes)", [k.text])

rename(text) := sprintf("Rename it to `%s`", [m]) if {
	m := lower(regex.find_n(`(?i)ladder|linear`, text, 1)[0])
} else := "Rename it to `ladder` (coresToReplicas, nodesToReplicas) or `linear` (coresPerReplica, nodesPerReplica), after the parameters it holds"
