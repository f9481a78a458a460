package dnslint.rules.autoscaler["single-replica_test"]

import data.dnslint.lib.autoscaler_test.at
import data.dnslint.lib.autoscaler_test.cpa
import data.dnslint.rules.autoscaler["single-replica"] as rule

params := {"autoscaler/single-replica": {"min_replicas": 2}}

# ladder and linear are CPA ConfigMaps of parameters p (JSON text).
ladder(p) := cpa("ladder", p)

linear(p) := cpa("linear", p)

test_ladder_starting_at_one if {
	r := rule.report with input as ladder(`{"coresToReplicas": [[1, 1], [3, 3]], "nodesToReplicas": [[1, 1], [2, 2]]}`) with data.dnslint.params as params
	count(r) == 2
	some f in r
	f.location == at(5, 74, 74)
	f.message == "step [1, 1] of nodesToReplicas gives 1 replica below 2 nodes, and no step of the ladder gives more to the smallest clusters: draining or losing a node that runs CoreDNS stops DNS for the whole cluster. Give the first steps at least 2 replicas (AKS recommends a minimum of 2)"
}

test_ladder_covered_by_the_other_list if {
	count(rule.report) == 0 with input as ladder(`{"coresToReplicas": [[1, 1], [64, 3]], "nodesToReplicas": [[1, 2]]}`) with data.dnslint.params as params
}

test_one_list_only if {
	r := rule.report with input as ladder(`{"nodesToReplicas": [[1, 1], [8, 2]]}`) with data.dnslint.params as params
	count(r) == 1
}

test_aks_default_and_zero_ladders_pass if {
	count(rule.report) == 0 with input as ladder(`{"coresToReplicas": [[1, 2], [512, 3], [1024, 4], [2048, 5]], "nodesToReplicas": [[1, 2], [8, 3], [16, 4], [32, 5]]}`) with data.dnslint.params as params

	# 0 replicas is zero-replicas' finding
	count(rule.report) == 0 with input as ladder(`{"coresToReplicas": [[0, 0], [8, 2]]}`) with data.dnslint.params as params
}

test_threshold_param if {
	count(rule.report) == 2 with input as ladder(`{"coresToReplicas": [[1, 2]], "nodesToReplicas": [[1, 2]]}`) with data.dnslint.params as {"autoscaler/single-replica": {"min_replicas": 3}}
}

test_linear_without_min if {
	r := rule.report with input as linear(`{"coresPerReplica": 256, "nodesPerReplica": 16}`) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == at(5, 3, 8)
	contains(f.message, "CPA runs as few as 1 CoreDNS replica: `min` is 1 and preventSinglePointFailure is off")
	contains(f.message, "Set \"preventSinglePointFailure\": true, or \"min\": 2")
}

test_linear_min_one if {
	some f in rule.report with input as linear(`{"coresPerReplica": 256, "min": 1}`) with data.dnslint.params as params
	f.location == at(5, 44, 44)
}

test_linear_safe if {
	count(rule.report) == 0 with input as linear(`{"coresPerReplica": 256, "nodesPerReplica": 16, "preventSinglePointFailure": true}`) with data.dnslint.params as params
	count(rule.report) == 0 with input as linear(`{"coresPerReplica": 256, "min": 2}`) with data.dnslint.params as params
	count(rule.report) == 0 with input as linear(`{"coresPerReplica": 256, "min": -1}`) with data.dnslint.params as params
}

test_linear_threshold_above_two if {
	some f in rule.report with input as linear(`{"coresPerReplica": 256, "preventSinglePointFailure": true}`) with data.dnslint.params as {"autoscaler/single-replica": {"min_replicas": 3}}
	contains(f.message, "CPA runs as few as 2 CoreDNS replicas: preventSinglePointFailure guarantees only 2")
	contains(f.message, "Set \"min\": 3")
}
