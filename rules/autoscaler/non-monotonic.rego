# METADATA
# title: Autoscaler ladder whose replicas shrink as the cluster grows
# description: |-
#   cluster-proportional-autoscaler (CPA) sorts each ladder list by threshold and uses
#   the last step whose threshold the cluster reaches. A step that gives fewer replicas
#   than the step below it scales CoreDNS down as the cluster grows, just when it serves
#   more pods — almost always a typo in the threshold or the replica count. Two steps
#   with the same threshold and different replica counts leave the result to Go's
#   unstable sort: which one applies is undefined. Keep replicas non-decreasing and
#   thresholds unique.
# related_resources:
#   - ref: https://github.com/kubernetes-sigs/cluster-proportional-autoscaler#ladder-mode
#     description: cluster-proportional-autoscaler, ladder mode
# custom:
#   each: autoscalers
#   severity: warning
#   source: kubernetes-sigs/cluster-proportional-autoscaler pkg/autoscaler/controller/laddercontroller/ladder_controller.go @ 5a5dd5a1 (sort.Sort, sort.Search)
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       ladder: |-
#         {"nodesToReplicas": [[1, 2], [8, 3], [16, 2], [32, 5]]}
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       ladder: |-
#         {"nodesToReplicas": [[1, 2], [8, 3], [16, 4], [32, 5]]}
package dnslint.rules.autoscaler["non-monotonic"]

import data.dnslint.lib.autoscaler
import data.dnslint.lib.report

# A step below the step before it (steps are ordered by threshold).
report contains report.related(q.node.items[1].pos, msg, [{"message": sprintf("step %s", [autoscaler.pair(p.value)]), "pos": p.node.pos}]) if {
	some x in autoscaler.ladder_lists
	some k, q in x.steps
	k > 0
	p := x.steps[k - 1]
	p.threshold < q.threshold
	q.replicas < p.replicas
	msg := sprintf("step %s of %s gives fewer replicas than step %s below it: CPA scales CoreDNS down from %d to %d when the cluster grows to %d %s. Keep the replica counts rising with the thresholds", [
		autoscaler.pair(q.value), x.key, autoscaler.pair(p.value), p.replicas, q.replicas, q.threshold, x.unit,
	])
}

# A threshold written twice with different replica counts.
report contains report.related(q.node.items[0].pos, msg, [{"message": sprintf("step %s", [autoscaler.pair(p.value)]), "pos": p.node.pos}]) if {
	some x in autoscaler.ladder_lists
	some k, q in x.steps
	k > 0
	p := x.steps[k - 1]
	p.threshold == q.threshold
	p.replicas != q.replicas
	msg := sprintf("threshold %d of %s appears in steps %s and %s: CPA sorts the steps with an unstable sort, so which replica count applies from %d %s is undefined. Keep one of them", [
		q.threshold, x.key, autoscaler.pair(p.value), autoscaler.pair(q.value), q.threshold, x.unit,
	])
}
