package dnslint.rules.autoscaler["malformed-step_test"]

import data.dnslint.rules.autoscaler["malformed-step"] as rule

pos(l, c) := {"file": "as.yaml", "line": l, "col": c, "end_line": l, "end_col": c}

# node builds the positioned JSON of a ladder list from raw entries; entry i stands on
# line 10 + i, element j at column 10 + j.
node(entries) := {"raw": "", "pos": pos(9, 5), "items": [entry(i, e) | some i, e in entries]}

entry(i, e) := {"raw": "", "pos": pos(10 + i, 8), "items": [{"raw": r, "items": [], "pos": pos(10 + i, 10 + j)} | some j, r in e]} if is_array(e)

else := {"raw": e, "items": [], "pos": pos(10 + i, 8)}

run(params, raws) := {"autoscalers": [{
	"mode": "ladder", "params": params,
	"fields": {k: pos(8, 5) | some k, _ in params},
	"values": {k: node(raws[k]) | some k, _ in params},
}]}

test_entries if {
	r := rule.report with input as run(
		{"coresToReplicas": [[1, 2], [8], [], [16, 3, 4], [32, -1], [64, 2.5], [96, "2"], 5, null]},
		{"coresToReplicas": [["1", "2"], ["8"], [], ["16", "3", "4"], ["32", "-1"], ["64", "2.5"], ["96", `"2"`], "5", "null"]},
	)
	count(r) == 8
	some short in r
	short.location == pos(11, 8)
	contains(short.message, "entry [8] of coresToReplicas: CPA reads it as [8, 0]: 0 replicas at that step")
	some empty in r
	empty.location == pos(12, 8)
	contains(empty.message, "CPA reads it as [0, 0]")
	some extra in r
	extra.location == pos(13, 12)
	contains(extra.message, "CPA drops everything after the second number and reads [16, 3]")
	some negative in r
	negative.location == pos(14, 11)
	contains(negative.message, "`error parsing ladder params: invalid negative values in entry [32 -1] in cores_to_replicas_map`")
	some fraction in r
	fraction.location == pos(15, 11)
	contains(fraction.message, "(json: cannot unmarshal number 2.5 into Go struct field … of type int)")
	some quoted in r
	quoted.location == pos(16, 11)
	contains(quoted.message, "cannot unmarshal string into Go struct field … of type int")
	some scalar in r
	scalar.location == pos(17, 8)
	contains(scalar.message, "entry 5 of coresToReplicas: CPA cannot decode it")
	some null_entry in r
	contains(null_entry.message, "CPA reads null as [0, 0]")
}

test_integer_written_as_float if {
	some f in rule.report with input as run({"nodesToReplicas": [[8, 2]]}, {"nodesToReplicas": [["8", "2.0"]]})
	contains(f.message, "cannot unmarshal number 2.0 into")
}

test_nodes_map_name if {
	some f in rule.report with input as run({"nodesToReplicas": [[-8, 2]]}, {"nodesToReplicas": [["-8", "2"]]})
	contains(f.message, "in nodes_to_replicas_map`")
}

test_good_ladder_passes if {
	count(rule.report) == 0 with input as run(
		{"coresToReplicas": [[0, 0], [1, 2]], "NodesToReplicas": [[1, 2]], "includeUnschedulableNodes": true},
		{"coresToReplicas": [["0", "0"], ["1", "2"]], "NodesToReplicas": [["1", "2"]], "includeUnschedulableNodes": []},
	)
}
