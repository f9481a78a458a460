package dnslint.rules.coredns["single-replica_test"]

import data.dnslint.rules.coredns["single-replica"] as rule

at(l, c, ec) := {"file": "coredns.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# deployment is a Deployment named name with the replicas line given on line 5 ("" for
# none).
deployment(name, replicas) := concat("\n", [
	"apiVersion: apps/v1",
	"kind: Deployment",
	sprintf("metadata: {name: %s, namespace: kube-system}", [name]),
	"spec:",
	replicas,
	"  template:",
	"    spec:",
	"      containers: [{name: app, image: \"registry.k8s.io/app:1\"}]",
])

cpa := `
	apiVersion: apps/v1
	kind: Deployment
	metadata: {name: coredns-autoscaler, namespace: kube-system}
	spec:
	  template:
	    spec:
	      containers:
	      - name: autoscaler
	        image: registry.k8s.io/cpa/cluster-proportional-autoscaler:1.8.9
	        command: [/cluster-proportional-autoscaler, --target=Deployment/coredns]
`

cpa_params := `
	apiVersion: v1
	kind: ConfigMap
	metadata: {name: coredns-autoscaler, namespace: kube-system}
	data:
	  linear: '{"coresPerReplica": 256, "min": 2}'
`

test_one_replica if {
	r := rule.report with input as dnslint.test.input({"coredns.yaml": deployment("coredns", "  replicas: 1")})
	count(r) == 1
	some f in r
	f.location == at(5, 13, 13)
	not f.severity
}

test_unset_is_info if {
	some f in rule.report with input as dnslint.test.input({"coredns.yaml": deployment("coredns", "")})
	f.location == at(2, 7, 16)
	f.severity == "info"
}

test_autoscaled if {
	count(rule.report) == 0 with input as dnslint.test.input({"coredns.yaml": deployment("coredns", "  replicas: 1"), "cpa.yaml": cpa})
	count(rule.report) == 0 with input as dnslint.test.input({"coredns.yaml": deployment("coredns", ""), "cpa-params.yaml": cpa_params})
}

test_more_replicas_or_not_coredns if {
	count(rule.report) == 0 with input as dnslint.test.input({"coredns.yaml": deployment("coredns", "  replicas: 2")})
	count(rule.report) == 0 with input as dnslint.test.input({"coredns.yaml": deployment("web", "  replicas: 1")})
}
