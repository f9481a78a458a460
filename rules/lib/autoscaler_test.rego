package dnslint.lib.autoscaler_test

import data.dnslint.lib.autoscaler

# at is a place on line l of as.yaml.
at(l, c, ec) := {"file": "as.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# cpa is the input of a CPA ConfigMap whose data key mode holds params, JSON text, on
# line 5: `  ladder: '` (or `  linear: '`) comes before it, so the JSON's first character
# is at column 12.
cpa(mode, params) := dnslint.test.input({"as.yaml": concat("\n", [
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: dns-autoscaler, namespace: kube-system}",
	"data:",
	sprintf("  %s: '%s'", [mode, params]),
])})

ladder(params) := cpa("ladder", params).autoscalers[0]

test_key_is_case_insensitive_and_last_wins if {
	a := ladder(`{"coresToReplicas": [[1, 2]], "CoresToReplicas": [[1, 1]]}`)
	autoscaler.key(a, "coresToReplicas") == "CoresToReplicas"
	autoscaler.value(a, "coresToReplicas") == [[1, 1]]
	not autoscaler.key(a, "nodesToReplicas")
}

test_steps_are_sorted_and_well_formed if {
	a := ladder(`{"coresToReplicas": [[512, 3], [1, 2], [8], [-1, 2], [16, 4, 5]]}`)
	[[s.threshold, s.replicas, s.index] | some s in autoscaler.steps(a, "coresToReplicas")] == [[1, 2, 1], [16, 4, 4], [512, 3, 0]]
}

test_empty if {
	a := ladder(`{"coresToReplicas": [], "nodesToReplicas": null}`)
	autoscaler.empty(a, "coresToReplicas")
	autoscaler.empty(a, "nodesToReplicas")
	not autoscaler.empty(ladder(`{"nodesToReplicas": [[1, 2]]}`), "nodesToReplicas")
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
