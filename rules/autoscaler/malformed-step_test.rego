package dnslint.rules.autoscaler["malformed-step_test"]

import data.dnslint.rules.autoscaler["malformed-step"] as rule

at(l, c, ec) := {"file": "as.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# ladder is a CPA ConfigMap whose ladder parameters are json, on line 5.
ladder(json) := dnslint.test.input({"as.yaml": concat("\n", [
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: dns-autoscaler, namespace: kube-system}",
	"data:",
	sprintf("  ladder: '%s'", [json]),
])})

test_entries if {
	r := rule.report with input as dnslint.test.input({"as.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: dns-autoscaler, namespace: kube-system}
		data:
		  ladder: |-
		    {
		      "coresToReplicas": [
		        [1, 2],
		        [8],
		        [],
		        [16, 3, 4],
		        [32, -1],
		        [64, 2.5],
		        [96, "2"],
		        5,
		        null
		      ]
		    }
	`})
	count(r) == 8
	some short in r
	short.location == at(9, 9, 11)
	contains(short.message, "entry [8] of coresToReplicas: CPA reads it as [8, 0]: 0 replicas at that step")
	some empty in r
	empty.location == at(10, 9, 10)
	contains(empty.message, "CPA reads it as [0, 0]")
	some extra in r
	extra.location == at(11, 17, 17)
	contains(extra.message, "CPA drops everything after the second number and reads [16, 3]")
	some negative in r
	negative.location == at(12, 14, 15)
	contains(negative.message, "`error parsing ladder params: invalid negative values in entry [32 -1] in cores_to_replicas_map`")
	some fraction in r
	fraction.location == at(13, 14, 16)
	contains(fraction.message, "(json: cannot unmarshal number 2.5 into Go struct field … of type int)")
	some quoted in r
	quoted.location == at(14, 14, 16)
	contains(quoted.message, "cannot unmarshal string into Go struct field … of type int")
	some scalar in r
	scalar.location == at(15, 9, 9)
	contains(scalar.message, "entry 5 of coresToReplicas: CPA cannot decode it")
	some null_entry in r
	null_entry.location == at(16, 9, 12)
	contains(null_entry.message, "CPA reads null as [0, 0]")
}

test_integer_written_as_float if {
	some f in rule.report with input as ladder(`{"nodesToReplicas": [[8, 2.0]]}`)
	contains(f.message, "cannot unmarshal number 2.0 into")
}

test_nodes_map_name if {
	some f in rule.report with input as ladder(`{"nodesToReplicas": [[-8, 2]]}`)
	contains(f.message, "in nodes_to_replicas_map`")
}

test_good_ladder_passes if {
	count(rule.report) == 0 with input as ladder(`{"coresToReplicas": [[0, 0], [1, 2]], "NodesToReplicas": [[1, 2]], "includeUnschedulableNodes": true}`)
}
