package dnslint.lib.autoscaler_test

import data.dnslint.lib.autoscaler

pos(l, c) := {"file": "as.yaml", "line": l, "col": c, "end_line": l, "end_col": c}

# ladder builds a decoded ladder with its positioned JSON: entry i of a list stands on
# line 10 + i (cores) or 20 + i (nodes), its numbers at columns 10 and 11.
ladder(params) := {
	"mode": "ladder", "params": params,
	"fields": {k: pos(8, count(k)) | some k, _ in params},
	"values": {k: node(k, v) | some k, v in params},
}

node(k, v) := {"raw": "", "pos": pos(9, 5), "items": [entry(line(k) + i, e) | some i, e in v]} if is_array(v)

else := {"raw": json.marshal(v), "pos": pos(9, 5), "items": []}

line(k) := 10 if startswith(lower(k), "cores")

else := 20

entry(l, e) := {"raw": "", "pos": pos(l, 8), "items": [{"raw": json.marshal(n), "items": [], "pos": pos(l, 10 + j)} | some j, n in e]} if is_array(e)

else := {"raw": json.marshal(e), "items": [], "pos": pos(l, 8)}

test_key_is_case_insensitive_and_last_wins if {
	a := object.union(ladder({"CoresToReplicas": [[1, 1]], "coresToReplicas": [[1, 2]]}), {"fields": {"CoresToReplicas": pos(8, 30), "coresToReplicas": pos(8, 5)}})
	autoscaler.key(a, "coresToReplicas") == "CoresToReplicas"
	autoscaler.value(a, "coresToReplicas") == [[1, 1]]
	not autoscaler.key(a, "nodesToReplicas")
}

test_steps_are_sorted_and_well_formed if {
	a := ladder({"coresToReplicas": [[512, 3], [1, 2], [8], [-1, 2], [16, 4, 5]]})
	[[s.threshold, s.replicas, s.index] | some s in autoscaler.steps(a, "coresToReplicas")] == [[1, 2, 1], [16, 4, 4], [512, 3, 0]]
}

test_empty if {
	a := ladder({"coresToReplicas": [], "nodesToReplicas": null})
	autoscaler.empty(a, "coresToReplicas")
	autoscaler.empty(a, "nodesToReplicas")
	not autoscaler.empty(ladder({"nodesToReplicas": [[1, 2]]}), "nodesToReplicas")
}

test_sizes if {
	steps := [{"threshold": 1}, {"threshold": 8}, {"threshold": 8}, {"threshold": 16}]
	autoscaler.sizes(steps, 0, "nodes") == "below 8 nodes"
	autoscaler.sizes(steps, 1, "nodes") == "at 8 nodes"
	autoscaler.sizes(steps, 2, "nodes") == "from 8 to 15 nodes"
	autoscaler.sizes(steps, 3, "nodes") == "from 16 nodes on"
	autoscaler.sizes([{"threshold": 4}], 0, "cores") == "at every cluster size (cores)"
}

test_integer if {
	autoscaler.integer("12")
	autoscaler.integer("-3")
	not autoscaler.integer("2.0")
	not autoscaler.integer("1e2")
	not autoscaler.integer("012")
}
