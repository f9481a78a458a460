# METADATA
# title: Autoscaler ladder that scales CoreDNS to zero
# description: |-
#   In ladder mode cluster-proportional-autoscaler (CPA) sets the replica count to the
#   larger of the `coresToReplicas` and `nodesToReplicas` steps that match the cluster
#   (a size below the first threshold uses the first step). A list that is absent, null
#   or empty counts as 0 replicas since CPA 1.8.5 (commit 4a59276d; 1 before): with both
#   lists empty — a misspelt key is enough — CPA scales the DNS Deployment to zero. A step
#   of 0 replicas does the same for the cluster sizes it covers when the other list gives
#   0 there too; the CPA README shows such ladders to scale workloads to zero, but for
#   CoreDNS it means every DNS lookup in the cluster fails, for instance while all nodes
#   are cordoned. Give every step at least 1 replica (2 for DNS).
# related_resources:
#   - ref: https://github.com/kubernetes-sigs/cluster-proportional-autoscaler#ladder-mode
#     description: cluster-proportional-autoscaler, ladder mode
# custom:
#   each: autoscalers
#   severity: error
#   source: kubernetes-sigs/cluster-proportional-autoscaler pkg/autoscaler/controller/laddercontroller/ladder_controller.go @ 5a5dd5a1 (getExpectedReplicasFromEntries; commit 4a59276d "Change minimum replicas to zero in laddermode")
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       ladder: |-
#         {"coresToReplica": [[1, 2], [512, 3]], "nodeToReplicas": [[1, 2], [8, 3]]}
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       ladder: |-
#         {"coresToReplicas": [[1, 2], [512, 3]], "nodesToReplicas": [[1, 2], [8, 3]]}
package dnslint.rules.autoscaler["zero-replicas"]

import data.dnslint.lib.autoscaler
import data.dnslint.lib.report

ladders contains a if {
	some a in autoscaler.configs
	a.mode == "ladder"
}

# No step at all.
report contains report.finding(a.value_pos, msg) if {
	some a in ladders
	every list, _ in autoscaler.lists {
		autoscaler.empty(a, list)
	}
	msg := "neither coresToReplicas nor nodesToReplicas has a step (CPA matches the names case-insensitively; other keys are ignored): CPA 1.8.5 and later compute 0 replicas and scale the DNS Deployment to zero, so every DNS lookup in the cluster fails. Add steps, e.g. {\"coresToReplicas\": [[1, 2], [512, 3]], \"nodesToReplicas\": [[1, 2], [8, 3]]}"
}

# A step of 0 replicas where the other list gives 0 as well.
report contains report.finding(s.node.items[1].pos, msg) if {
	some x in autoscaler.ladder_lists
	x.zero >= 0
	also := zero(autoscaler.other(x))
	some i, s in x.steps
	s.replicas == 0
	msg := sprintf("step %s of %s gives 0 replicas %s, and %s: on a cluster of that size CPA scales the DNS Deployment to zero and every DNS lookup fails. Give every step at least 1 replica (2 for DNS)", [
		autoscaler.pair(s.value), x.key, autoscaler.sizes(x.steps, i, x.unit), also,
	])
}

# zero describes how list y gives 0 replicas (undefined when it never does).
zero(y) := sprintf("%s has no steps (CPA 1.8.5 and later count that as 0)", [y.key]) if {
	y.empty
} else := sprintf("%s gives 0 too %s (step %s)", [y.key, autoscaler.sizes(y.steps, y.zero, y.unit), autoscaler.pair(y.steps[y.zero].value)]) if {
	y.zero >= 0
}
