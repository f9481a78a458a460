package dnslint.rules.coredns["lameduck-exceeds-grace_test"]

import data.dnslint.rules.coredns["lameduck-exceeds-grace"] as rule

at(l, c, ec) := {"file": "coredns.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# run is the coredns ConfigMap with `lameduck DURATION` (line 8) and the CoreDNS
# Deployment mounting it, with the terminationGracePeriodSeconds line given on line 19 (""
# for none).
run(duration, grace) := r if {
	r := rule.report with input as dnslint.test.input({"coredns.yaml": concat("\n", [
		"apiVersion: v1",
		"kind: ConfigMap",
		"metadata: {name: coredns, namespace: kube-system}",
		"data:",
		"  Corefile: |",
		"    .:53 {",
		"        health {",
		sprintf("            lameduck %s", [duration]),
		"        }",
		"        forward . /etc/resolv.conf",
		"    }",
		"---",
		"apiVersion: apps/v1",
		"kind: Deployment",
		"metadata: {name: coredns, namespace: kube-system}",
		"spec:",
		"  template:",
		"    spec:",
		grace,
		"      containers:",
		"      - name: coredns",
		"        image: registry.k8s.io/coredns/coredns:v1.11.3",
		"      volumes:",
		"      - name: config-volume",
		"        configMap: {name: coredns}",
	])})
}

test_default_grace_period if {
	r := run("30s", "")
	count(r) == 1
	some f in r
	f.location == at(8, 22, 24)
	f.related == []
	contains(f.message, "terminationGracePeriodSeconds (30 s, the default)")
	count(run("29s", "")) == 0
}

test_explicit_grace_period if {
	some f in run("1m", "      terminationGracePeriodSeconds: 45")
	f.location == at(8, 22, 23)
	f.related[0].pos == at(19, 38, 39)
	count(run("1m", "      terminationGracePeriodSeconds: 90")) == 0
}

test_placeholder_is_skipped if {
	count(run("{$LAMEDUCK}", "")) == 0
}
