# Helpers over cluster-proportional-autoscaler (CPA) ConfigMaps: how CPA reads their JSON.
package dnslint.lib.autoscaler

# fields are the JSON keys CPA reads in each mode (kubernetes-sigs/cluster-proportional-autoscaler
# laddercontroller and linearcontroller). encoding/json matches them case-insensitively
# and ignores every other key.
fields := {
	"ladder": {"coresToReplicas", "nodesToReplicas", "includeUnschedulableNodes"},
	"linear": {"coresPerReplica", "nodesPerReplica", "min", "max", "preventSinglePointFailure", "includeUnschedulableNodes"},
}

# lists are the two ladders, with the resource each counts and the name CPA's messages use.
lists := {
	"coresToReplicas": {"unit": "cores", "map": "cores_to_replicas_map"},
	"nodesToReplicas": {"unit": "nodes", "map": "nodes_to_replicas_map"},
}

# configs are the autoscalers whose mode key CPA accepts and whose JSON decodes.
configs contains a if {
	some a in input.autoscalers
	a.mode in {"ladder", "linear"}
	is_object(a.params)
}

# key is the JSON key of a that CPA reads as field: the last one written whose name
# matches case-insensitively.
key(a, field) := k if {
	found := sort([[p.line, p.col, name] |
		some name, p in a.fields
		lower(name) == lower(field)
		name in object.keys(a.params)
	])
	count(found) > 0
	k := found[count(found) - 1][2]
}

# value is the decoded value CPA reads as field (undefined when the key is absent).
value(a, field) := a.params[key(a, field)]

# written is the value CPA reads as field as written, with its position and, for arrays,
# its elements ({raw, pos, items}).
written(a, field) := a.values[key(a, field)]

# mode_key is the data key of a that selects its mode.
mode_key(a) := [k | some k in a.keys; k.text == a.mode][0]

# integer holds for the JSON text of an integer, the only numbers CPA's int fields accept
# (`2.0` and `1e2` are rejected).
integer(raw) if regex.match(`^-?(0|[1-9][0-9]*)$`, raw)

# kind names a decoded JSON value as encoding/json's errors do.
kind(v) := "number" if is_number(v)

else := "string" if is_string(v)

else := "bool" if is_boolean(v)

else := "array" if is_array(v)

else := "object" if is_object(v)

else := "null"

# entries yields each entry of a ladder list: {list, index, value, node}.
entries(a, list) := [{"list": list, "index": i, "value": a.params[k][i], "node": node} |
	k := key(a, list)
	is_array(a.params[k])
	some i, node in a.values[k].items
]

# steps are the entries of a ladder list as CPA reads them, for the entries CPA accepts:
# an array of at least two non-negative integers (extra numbers are dropped). Each is
# {threshold, replicas, index, value, node}, ordered by threshold.
steps(a, list) := [s |
	es := entries(a, list)
	some x in sort([[e.value[0], e.index] | some e in es; well_formed(e)])
	e := es[x[1]]
	s := {"threshold": e.value[0], "replicas": e.value[1], "index": e.index, "value": e.value, "node": e.node}
]

well_formed(e) if {
	is_array(e.value)
	count(e.node.items) >= 2
	every n in array.slice(e.node.items, 0, 2) {
		integer(n.raw)
		to_number(n.raw) >= 0
	}
}

# ladder_lists yields each list of each ladder CPA reads, with what the rules need of it
# computed once: {id (the autoscaler's index in input.autoscalers), list, key (as
# written), unit, steps, empty, lowest (the smallest replica count it gives, 0 without
# steps), zero (the index in steps of the first step of 0 replicas, -1 if none)}.
ladder_lists contains {
	"id": id, "list": list, "key": written_key(a, list), "unit": info.unit,
	"steps": ss, "empty": is_empty(a, list), "lowest": lowest(ss), "zero": first_zero(ss),
} if {
	some id, a in input.autoscalers
	a.mode == "ladder"
	is_object(a.params)
	some list, info in lists
	ss := steps(a, list)
}

written_key(a, list) := k if {
	k := key(a, list)
} else := list

# other is the second list of the ladder of x.
other(x) := [y | some y in ladder_lists; y.id == x.id; y.list != x.list][0]

lowest(ss) := min([s.replicas | some s in ss]) if count(ss) > 0

else := 0

first_zero(ss) := zeros[0] if {
	zeros := [i | some i, s in ss; s.replicas == 0]
	count(zeros) > 0
} else := -1

is_empty(a, list) if empty(a, list)

else := false

# empty holds for a ladder list that is absent, null or has no entries: CPA 1.8.5 and
# later read it as 0 replicas (1 before).
empty(a, list) if not key(a, list)

empty(a, list) if value(a, list) == null

empty(a, list) if value(a, list) == []

# sizes describes the cluster sizes that step i of a list's sorted steps applies to: the
# first step also covers the sizes below its threshold.
sizes(steps, i, unit) := describe(count(steps), i, steps[i].threshold, next_threshold(steps, i), unit)

next_threshold(steps, i) := steps[i + 1].threshold if i + 1 < count(steps)

else := -1

describe(1, _, _, _, unit) := sprintf("at every cluster size (%s)", [unit])

describe(n, 0, _, next, unit) := sprintf("below %d %s", [next, unit]) if n > 1

describe(_, i, t, -1, unit) := sprintf("from %d %s on", [t, unit]) if i > 0

describe(_, i, t, next, unit) := sprintf("from %d to %d %s", [t, next - 1, unit]) if {
	i > 0
	next > t
}

describe(_, i, t, next, unit) := sprintf("at %d %s", [t, unit]) if {
	i > 0
	next == t
}

# pair shows a ladder entry as written in JSON.
pair(v) := sprintf("[%s]", [concat(", ", [sprintf("%v", [n]) | some n in v])]) if is_array(v)

else := sprintf("%v", [v])
