package dnslint.rules.autoscaler["non-monotonic_test"]

import data.dnslint.lib.autoscaler_test.at
import data.dnslint.lib.autoscaler_test.cpa
import data.dnslint.rules.autoscaler["non-monotonic"] as rule

test_decrease if {
	r := rule.report with input as cpa("ladder", `{"nodesToReplicas": [[1, 2], [8, 3], [16, 2], [32, 5]]}`)
	count(r) == 1
	some f in r
	f.location == at(5, 54, 54)
	f.related == [{"message": "step [8, 3]", "pos": at(5, 41, 46)}]
	contains(f.message, "step [16, 2] of nodesToReplicas gives fewer replicas than step [8, 3] below it: CPA scales CoreDNS down from 3 to 2 when the cluster grows to 16 nodes")
}

test_written_out_of_order if {
	# CPA sorts the steps: order as written does not matter.
	count(rule.report) == 0 with input as cpa("ladder", `{"coresToReplicas": [[512, 3], [1, 2], [1024, 4]]}`)
	r := rule.report with input as cpa("ladder", `{"coresToReplicas": [[512, 1], [1, 2]]}`)
	some f in r
	f.location == at(5, 39, 39)
	contains(f.message, "step [512, 1] of coresToReplicas gives fewer replicas than step [1, 2]")
}

test_duplicate_threshold if {
	r := rule.report with input as cpa("ladder", `{"coresToReplicas": [[1, 2], [8, 3], [8, 4]]}`)
	count(r) == 1
	some f in r
	f.location == at(5, 50, 50)
	contains(f.message, "threshold 8 of coresToReplicas appears in steps [8, 3] and [8, 4]")
	count(rule.report) == 0 with input as cpa("ladder", `{"coresToReplicas": [[1, 2], [8, 3], [8, 3]]}`)
}

test_aks_default if {
	count(rule.report) == 0 with input as cpa("ladder", `{"coresToReplicas": [[1, 2], [512, 3], [1024, 4], [2048, 5]], "nodesToReplicas": [[1, 2], [8, 3], [16, 4], [32, 5]]}`)
}
