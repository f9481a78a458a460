# METADATA
# title: Linear autoscaler parameters that CPA rejects
# description: |-
#   In linear mode cluster-proportional-autoscaler (CPA) checks its parameters before it
#   scales, and rejects them with `invalid negative value for min: -1`,
#   `max replicas count 1 should be greater than / equal to min replicas count 2` (`max: 0`
#   means no limit; a `min` of 0 counts as 1),
#   `should at least provide either CoresPerReplica or NodesPerReplica (Greater than 0)`,
#   or `invalid negative value for coresPerReplica: -1` (and for `nodesPerReplica`). It
#   logs the message prefixed with `error parsing linear params:` on every poll, stops
#   scaling and leaves the DNS Deployment at whatever replica count it had.
# related_resources:
#   - ref: https://github.com/kubernetes-sigs/cluster-proportional-autoscaler#linear-mode
#     description: cluster-proportional-autoscaler, linear mode
# custom:
#   each: autoscalers
#   severity: error
#   source: kubernetes-sigs/cluster-proportional-autoscaler pkg/autoscaler/controller/linearcontroller/linear_controller.go (parseParams) @ 5a5dd5a1
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: kube-dns-autoscaler
#       namespace: kube-system
#     data:
#       linear: |-
#         {"coresPerReplica": 256, "min": 3, "max": 2}
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: kube-dns-autoscaler
#       namespace: kube-system
#     data:
#       linear: |-
#         {"coresPerReplica": 256, "min": 3, "max": 10}
package dnslint.rules.autoscaler["invalid-linear"]

import data.dnslint.lib.autoscaler
import data.dnslint.lib.report

linears contains a if {
	some a in autoscaler.configs
	a.mode == "linear"
}

report contains report.finding(autoscaler.written(a, "min").pos, refused(sprintf("invalid negative value for min: %v", [m]), "Use a min of 2 or more for DNS")) if {
	some a in linears
	m := number(a, "min")
	m < 0
}

report contains report.finding(autoscaler.written(a, "max").pos, refused(msg, "Raise max to at least min, or set it to 0 for no limit")) if {
	some a in linears
	top := number(a, "max")
	top != 0
	least := min_or_one(a)
	top < least
	msg := sprintf("max replicas count %v should be greater than / equal to min replicas count %v", [top, least])
}

report contains report.finding(autoscaler.mode_key(a).pos, refused(msg, "Set coresPerReplica (e.g. 256) or nodesPerReplica (e.g. 16)")) if {
	some a in linears
	object.get(numbers(a), "coresPerReplica", 0) == 0
	object.get(numbers(a), "nodesPerReplica", 0) == 0
	msg := "should at least provide either CoresPerReplica or NodesPerReplica (Greater than 0)"
}

report contains report.finding(autoscaler.written(a, field).pos, refused(msg, sprintf("Make %s positive", [field]))) if {
	some a in linears
	some field in ["coresPerReplica", "nodesPerReplica"]
	v := number(a, field)
	v < 0
	msg := sprintf("invalid negative value for %s: %v", [field, v])
}

refused(message, fix) := sprintf("CPA rejects the parameters and stops scaling, leaving the replica count as it is: `error parsing linear params: %s`. %s", [message, fix])

# number is a numeric field's value (other types are autoscaler/invalid-json's).
number(a, field) := v if {
	v := autoscaler.value(a, field)
	is_number(v)
}

numbers(a) := {f: number(a, f) | some f in ["coresPerReplica", "nodesPerReplica"]; number(a, f)}

# min_or_one is min as CPA checks max against it: 0 or absent counts as 1.
min_or_one(a) := m if {
	m := number(a, "min")
	m > 0
} else := 1 if {
	not negative_min(a)
}

negative_min(a) if number(a, "min") < 0
