# METADATA
# title: Autoscaler that can run a single CoreDNS replica
# description: |-
#   With one CoreDNS replica, draining, evicting or losing its node stops DNS for the
#   whole cluster until a new pod is ready. In ladder mode the smallest result is the
#   larger of the two lists' smallest steps, and a cluster below the first threshold
#   still gets the first step, so a ladder starting at `[1, 1]` runs one replica on small
#   clusters. In linear mode `min` defaults to 1, and `ceil(cores / coresPerReplica)` is 1
#   on any cluster smaller than one step, unless `preventSinglePointFailure` raises it to
#   2 on clusters of more than one node. AKS recommends "a minimum of 2 CoreDNS pod
#   replicas per cluster", and its default ladder starts at 2. The threshold is
#   `min_replicas` (default 2).
# related_resources:
#   - ref: https://learn.microsoft.com/azure/aks/coredns-autoscale
#     description: Autoscale CoreDNS in Azure Kubernetes Service
#   - ref: https://github.com/kubernetes-sigs/cluster-proportional-autoscaler#control-patterns-and-configmap-formats
#     description: cluster-proportional-autoscaler, control patterns and ConfigMap formats
# custom:
#   each: autoscalers
#   severity: warning
#   fixable: true
#   params:
#     min_replicas: 2
#   param_schema:
#     min_replicas: {minimum: 1}
#   source: kubernetes-sigs/cluster-proportional-autoscaler laddercontroller and linearcontroller @ 5a5dd5a1; MicrosoftDocs/azure-aks-docs articles/aks/coredns-autoscale.md @ fb060abe
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: kube-dns-autoscaler
#       namespace: kube-system
#     data:
#       linear: |-
#         {"coresPerReplica": 256, "nodesPerReplica": 16}
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: kube-dns-autoscaler
#       namespace: kube-system
#     data:
#       linear: |-
#         {"coresPerReplica": 256, "nodesPerReplica": 16, "preventSinglePointFailure": true}
package dnslint.rules.autoscaler["single-replica"]

import data.dnslint.lib.autoscaler
import data.dnslint.lib.fix as edit
import data.dnslint.lib.report

params := data.dnslint.params["autoscaler/single-replica"]

# Ladder: the first step of each list at the ladder's smallest result.
report contains edit.add(report.finding(s.node.items[1].pos, msg), raise_steps(x)) if {
	some x in autoscaler.ladder_lists
	least := max([x.lowest, autoscaler.other(x).lowest])
	least > 0
	least < params.min_replicas
	x.lowest == least
	i := min([j | some j, t in x.steps; t.replicas == least])
	s := x.steps[i]
	msg := sprintf("step %s of %s gives %d %s %s, and no step of the ladder gives more to the smallest clusters: draining or losing a node that runs CoreDNS stops DNS for the whole cluster. Give the first steps at least %d replicas (AKS recommends a minimum of 2)", [
		autoscaler.pair(s.value), x.key, least, replicas(least), autoscaler.sizes(x.steps, i, x.unit), params.min_replicas,
	])
}

# Linear: min (0 and absent mean 1), raised to 2 by preventSinglePointFailure.
report contains edit.add(report.finding(where(a), msg), raise_min(a)) if {
	some a in autoscaler.configs
	a.mode == "linear"
	m := minimum(a)
	least := floor_of(a, m)
	least < params.min_replicas
	msg := sprintf("CPA runs as few as %d CoreDNS %s: %s. Draining or losing a node that runs CoreDNS then stops DNS for the whole cluster. Set %s", [
		least, replicas(least), why(a, m), fix(a),
	])
}

# minimum is the min CPA uses: absent or 0 defaults to 1; a negative one is
# autoscaler/invalid-linear's.
minimum(a) := m if {
	m := autoscaler.value(a, "min")
	is_number(m)
	m > 0
} else := 1 if {
	not negative_min(a)
}

negative_min(a) if {
	m := autoscaler.value(a, "min")
	is_number(m)
	m < 0
}

floor_of(a, m) := max([m, 2]) if spf(a)

else := m

spf(a) if autoscaler.value(a, "preventSinglePointFailure") == true

why(a, m) := sprintf("`min` is %d and preventSinglePointFailure is off, so every cluster smaller than one coresPerReplica/nodesPerReplica step gets %d", [m, m]) if {
	not spf(a)
} else := sprintf("preventSinglePointFailure guarantees only 2 on clusters of more than one node, and `min` is %d", [m])

fix(a) := sprintf("\"preventSinglePointFailure\": true, or \"min\": %d", [params.min_replicas]) if {
	params.min_replicas <= 2
	not spf(a)
} else := sprintf("\"min\": %d", [params.min_replicas])

where(a) := autoscaler.written(a, "min").pos if autoscaler.written(a, "min")

else := autoscaler.mode_key(a).pos

replicas(1) := "replica"

replicas(n) := "replicas" if n != 1

# raise_steps gives every step of the list below min_replicas min_replicas: unsafe, the
# smallest clusters run more CoreDNS pods. The larger steps stay.
raise_steps(x) := edit.unsafe(sprintf("raise the steps of %s below %d replicas to %d", [x.key, params.min_replicas, params.min_replicas]), [edit.replace(n.pos, n.raw, sprintf("%d", [params.min_replicas])) |
	some s in x.steps
	s.replicas < params.min_replicas
	n := s.node.items[1]
])

# raise_min sets `min` to min_replicas, or writes it first in the JSON object when it is
# absent: unsafe, the smallest clusters run more CoreDNS pods.
raise_min(a) := edit.unsafe(sprintf("set \"min\" to %d", [params.min_replicas]), [edit.replace(v.pos, v.raw, sprintf("%d", [params.min_replicas]))]) if {
	v := autoscaler.written(a, "min")
	v.raw != ""
} else := edit.unsafe(sprintf("add \"min\": %d", [params.min_replicas]), [edit.insert_after(first, "{", sprintf("\"min\": %d, ", [params.min_replicas]))]) if {
	not autoscaler.written(a, "min")
	count(a.fields) > 0
	first := object.union(a.value_pos, {"end_line": a.value_pos.line, "end_col": a.value_pos.col})
} else := edit.declined("no JSON object to write `min` into")
