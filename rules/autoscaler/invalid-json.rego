# METADATA
# title: Autoscaler parameters that CPA cannot decode
# description: |-
#   cluster-proportional-autoscaler (CPA) reads its `ladder` or `linear` key as a JSON
#   string with Go's encoding/json. A syntax error (a trailing comma, single quotes, an
#   empty value) or a value of the wrong JSON type (`"min": 2.0` or `"min": "2"` for an
#   integer, `"preventSinglePointFailure": "true"` for a boolean) makes it log
#   `error parsing ladder params: could not parse parameters (…)` on every poll: it stops
#   scaling and leaves the DNS Deployment at whatever replica count it had, and with
#   `--max-sync-failures` set it exits. `--default-params` does not help: it is used only
#   when the ConfigMap does not exist. A data value written as a YAML mapping instead of a
#   string never gets that far: the API server rejects the ConfigMap. Ladder entries are
#   checked by autoscaler/malformed-step.
# related_resources:
#   - ref: https://github.com/kubernetes-sigs/cluster-proportional-autoscaler#control-patterns-and-configmap-formats
#     description: cluster-proportional-autoscaler, control patterns and ConfigMap formats
# custom:
#   each: autoscalers
#   severity: error
#   source: kubernetes-sigs/cluster-proportional-autoscaler pkg/autoscaler/controller/{laddercontroller,linearcontroller}/*.go (parseParams) and pkg/autoscaler/autoscaler_server.go @ 5a5dd5a1; encoding/json behaviour tested with Go 1.26
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       linear: |-
#         {"coresPerReplica": 256, "nodesPerReplica": 16, "min": 2,}
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-autoscaler
#       namespace: kube-system
#     data:
#       linear: |-
#         {"coresPerReplica": 256, "nodesPerReplica": 16, "min": 2}
package dnslint.rules.autoscaler["invalid-json"]

import data.dnslint.lib.autoscaler
import data.dnslint.lib.report

# A data value that is not a string.
report contains report.finding(a.value_pos, msg) if {
	some a in input.autoscalers
	a.value_kind != "string"
	msg := sprintf("this value is a YAML %s, but ConfigMap data values must be strings: the API server rejects the ConfigMap. Write the JSON as a string, as a block scalar (`%s: |-` with the JSON indented below) or in single quotes", [
		a.value_kind, mode(a),
	])
}

# JSON that does not parse, or that is no object.
report contains report.finding(where(a), msg) if {
	some e in input.parse_errors
	e.format == "autoscaler"
	some a in input.autoscalers
	a.value_pos == e.pos
	a.value_kind == "string"
	msg := sprintf("CPA cannot decode the parameters and stops scaling, leaving the replica count as it is: `error parsing %s params: could not parse parameters (%s)`. Fix the JSON (double-quoted keys, no trailing comma)", [
		a.mode, e.message,
	])
}

# A known field of the wrong JSON type.
report contains report.finding(v.pos, msg) if {
	some a in autoscaler.configs
	some field, type in types[a.mode]
	x := autoscaler.value(a, field)
	x != null
	v := autoscaler.written(a, field)
	not accepts(type, x, v.raw)
	msg := sprintf("CPA cannot decode `%s` (%s) and stops scaling, leaving the replica count as it is: `error parsing %s params: could not parse parameters (json: cannot unmarshal %s into Go struct field … of type %s)`. Write %s", [
		autoscaler.key(a, field), shown(x, v.raw), a.mode, value_name(type, x, v.raw), type, advice[type],
	])
}

types := {
	"ladder": {"coresToReplicas": "…", "nodesToReplicas": "…", "includeUnschedulableNodes": "bool"},
	"linear": {
		"coresPerReplica": "float64", "nodesPerReplica": "float64", "min": "int", "max": "int",
		"preventSinglePointFailure": "bool", "includeUnschedulableNodes": "bool",
	},
}

advice := {
	"…": "a list of [threshold, replicas] pairs, e.g. [[1, 2], [8, 3]]",
	"bool": "true or false, without quotes",
	"float64": "a number without quotes",
	"int": "a whole number without quotes or decimal point",
}

accepts("…", x, _) if is_array(x)

accepts("bool", x, _) if is_boolean(x)

accepts("float64", x, _) if is_number(x)

accepts("int", x, raw) if {
	is_number(x)
	autoscaler.integer(raw)
}

# value_name is how encoding/json names the offending value: a number with its text when
# it is a number that does not fit an int.
value_name(type, x, raw) := sprintf("number %s", [raw]) if {
	type == "int"
	is_number(x)
}

else := autoscaler.kind(x)

shown(x, raw) := raw if raw != ""

else := autoscaler.kind(x)

# where is the exact place of a syntax error, else the value.
where(a) := a.error_pos if a.error_pos != null

else := a.value_pos

mode(a) := a.mode if a.mode != ""

else := "ladder"
