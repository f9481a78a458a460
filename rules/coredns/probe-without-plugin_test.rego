package dnslint.rules.coredns["probe-without-plugin_test"]

import data.dnslint.rules.coredns["probe-without-plugin"] as rule

at(file, l, c, ec) := {"file": file, "line": l, "col": c, "end_line": l, "end_col": ec}

# corefile is the coredns ConfigMap whose server block holds lines, from line 7 on.
corefile(lines) := concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns, namespace: kube-system}",
	"data:",
	"  Corefile: |",
	"    .:53 {",
	[sprintf("        %s", [l]) | some l in lines],
	"        forward . /etc/resolv.conf",
	"    }",
	"",
]))

# deployment is the CoreDNS Deployment mounting it, with the liveness and readiness probes
# given as `path:port` ("" for none) on lines 12 and 14.
deployment(liveness, readiness) := concat("\n", [
	"apiVersion: apps/v1",
	"kind: Deployment",
	"metadata: {name: coredns, namespace: kube-system}",
	"spec:",
	"  template:",
	"    spec:",
	"      containers:",
	"      - name: coredns",
	"        image: registry.k8s.io/coredns/coredns:v1.11.3",
	"        args: [-conf, /etc/coredns/Corefile]",
	"        livenessProbe:",
	probe(liveness),
	"        readinessProbe:",
	probe(readiness),
	"      volumes:",
	"      - name: config-volume",
	"        configMap: {name: coredns}",
	"",
])

probe("") := "          exec: {command: [/bin/true]}"

probe(p) := sprintf("          httpGet: {path: %s, port: %s}", split(p, ":")) if p != ""

run(lines, liveness, readiness) := r if {
	r := rule.report with input as dnslint.test.input({
		"coredns.yaml": corefile(lines),
		"deploy.yaml": deployment(liveness, readiness),
	})
}

test_ready_missing if {
	r := run(["health"], "/health:8080", "/ready:8181")
	count(r) == 1
	some f in r
	f.location == at("deploy.yaml", 14, 27, 32)
	contains(f.message, "The readiness probe of Deployment coredns requests /ready, but its Corefile (ConfigMap coredns, key Corefile) has no `ready` plugin")
	[[g.message, g.pos.file, g.pos.line] | some g in f.related] == [["the first server block of the Corefile (ConfigMap coredns, key Corefile), which has no `ready`", "coredns.yaml", 6]]
}

test_health_missing if {
	some f in run(["ready"], "/health:8080", "")
	contains(f.message, "the kubelet restarts CoreDNS over and over")
}

test_port_mismatch if {
	r := run(["health :8081", "ready"], "/health:8080", "/ready:8181")
	count(r) == 1
	some f in r
	f.location == at("deploy.yaml", 12, 42, 45)
	f.related[0].pos == at("coredns.yaml", 7, 9, 14)
	contains(f.message, "listens on port 8081")
}

test_fine if {
	count(run(["health", "ready"], "/health:8080", "/ready:8181")) == 0
	count(run(["health 0.0.0.0:8080", "ready :8282"], "/health:8080", "/ready:8282")) == 0
	count(run(["health {$HEALTH_ADDR}", "ready"], "/health:8080", "/ready:8181")) == 0
	count(run([], "/healthz:8080", "")) == 0
}

test_needs_the_corefile_in_the_run if {
	count(rule.report) == 0 with input as dnslint.test.input({"deploy.yaml": deployment("/health:8080", "/ready:8181")})
}
