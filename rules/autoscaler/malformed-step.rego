# METADATA
# title: Ladder entry that is not a pair of non-negative integers
# description: |-
#   Each entry of `coresToReplicas` and `nodesToReplicas` is read into a Go array of
#   exactly two ints, `[threshold, replicas]`. encoding/json fills what is missing with 0
#   and drops what is extra, silently: `[8]` is read as `[8, 0]` — zero replicas from 8
#   on — and `[8, 3, 4]` as `[8, 3]`. A number that is no integer (`2.5`, `2.0`, `"2"`) or
#   an entry that is no array makes CPA log `error parsing ladder params: could not parse
#   parameters (…)`; a negative number
#   `error parsing ladder params: invalid negative values in entry [-1 2] in cores_to_replicas_map`.
#   Either way CPA stops scaling and leaves the DNS Deployment at whatever replica count
#   it had. (CPA before 1.8.0 also rejects 0 with that message.) Write each entry as two
#   non-negative integers.
# related_resources:
#   - ref: https://github.com/kubernetes-sigs/cluster-proportional-autoscaler#ladder-mode
#     description: cluster-proportional-autoscaler, ladder mode
# custom:
#   each: autoscalers
#   severity: error
#   source: kubernetes-sigs/cluster-proportional-autoscaler pkg/autoscaler/controller/laddercontroller/ladder_controller.go (parseParams) @ 5a5dd5a1; encoding/json array decoding tested with Go 1.26
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       ladder: |-
#         {"coresToReplicas": [[1, 2], [512]], "nodesToReplicas": [[1, 2], [8, -3]]}
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       ladder: |-
#         {"coresToReplicas": [[1, 2], [512, 3]], "nodesToReplicas": [[1, 2], [8, 3]]}
package dnslint.rules.autoscaler["malformed-step"]

import data.dnslint.lib.autoscaler
import data.dnslint.lib.report

report contains report.finding(p.pos, msg) if {
	some a in autoscaler.configs
	a.mode == "ladder"
	some list, _ in autoscaler.lists
	some e in autoscaler.entries(a, list)
	p := problem(e)
	msg := sprintf("entry %s of %s: %s", [autoscaler.pair(e.value), autoscaler.key(a, list), p.message])
}

decode_error(what) := sprintf("CPA cannot decode it and stops scaling: `error parsing ladder params: could not parse parameters (json: cannot unmarshal %s into Go struct field … of type %s)`", what)

problem(e) := {"pos": e.node.pos, "message": sprintf("%s. Write a [threshold, replicas] pair", [decode_error([autoscaler.kind(e.value), "…"])])} if {
	not is_array(e.value)
	e.value != null
} else := {"pos": e.node.pos, "message": "CPA reads null as [0, 0]: 0 replicas. Write a [threshold, replicas] pair"} if {
	e.value == null
} else := {"pos": n.pos, "message": sprintf("%s. Write whole numbers without quotes or decimal point", [decode_error([number(e.value[j], n.raw), "int"])])} if {
	some j, n in array.slice(e.node.items, 0, 2)
	not autoscaler.integer(n.raw)
} else := {"pos": e.node.pos, "message": sprintf("CPA reads it as %s: 0 replicas at that step. Write a [threshold, replicas] pair", [autoscaler.pair(padded(e.value))])} if {
	count(e.value) < 2
} else := {"pos": n.pos, "message": sprintf("CPA refuses it and stops scaling: `error parsing ladder params: invalid negative values in entry [%d %d] in %s`", [e.value[0], e.value[1], info.map])} if {
	some n in array.slice(e.node.items, 0, 2)
	to_number(n.raw) < 0
	info := autoscaler.lists[e.list]
} else := {"pos": e.node.items[2].pos, "message": sprintf("CPA drops everything after the second number and reads %s. Remove the rest", [autoscaler.pair(array.slice(e.value, 0, 2))])} if {
	count(e.value) > 2
}

number(v, raw) := sprintf("number %s", [raw]) if is_number(v)

else := autoscaler.kind(v)

padded(v) := array.concat(v, [0 | some _ in numbers.range(1, 2 - count(v))])
