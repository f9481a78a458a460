package dnslint.rules.coredns["probe-without-plugin_test"]

import data.dnslint.rules.coredns["probe-without-plugin"] as rule

pos(l) := {"file": "coredns.yaml", "line": l, "col": 21, "end_line": l, "end_col": 26}

directive(name, args) := {"name": name, "args": [{"text": a, "pos": pos(10)} | some a in args], "block": [], "pos": pos(10)}

corefile(directives) := {
	"object": {"kind": "ConfigMap", "name": "coredns", "namespace": "kube-system"},
	"key": "Corefile",
	"server_blocks": [{"directives": directives}],
}

probe(path, port) := {"http_get": {"path": {"text": path, "pos": pos(50)}, "port": {"text": sprintf("%d", [port]), "pos": pos(51)}, "port_number": port}}

deployment(liveness, readiness) := {
	"object": {"kind": "Deployment", "name": "coredns", "namespace": "kube-system"},
	"pod": {
		"containers": [{
			"name": {"text": "coredns"}, "image": {"text": "registry.k8s.io/coredns/coredns:v1.11.3"}, "init": false,
			"command": [], "args": [{"text": "-conf"}, {"text": "/etc/coredns/Corefile"}],
			"liveness_probe": liveness, "readiness_probe": readiness,
		}],
		"volumes": [{"name": {"text": "config-volume"}, "config_map": {"text": "coredns"}}],
	},
}

run(directives, liveness, readiness) := r if {
	r := rule.report with input as {"corefiles": [corefile(directives)], "workloads": [deployment(liveness, readiness)]}
}

test_ready_missing if {
	r := run([directive("health", [])], probe("/health", 8080), probe("/ready", 8181))
	count(r) == 1
	some f in r
	f.location == pos(50)
	contains(f.message, "The readiness probe of Deployment coredns requests /ready, but its Corefile (ConfigMap coredns, key Corefile) has no `ready` plugin")
}

test_health_missing if {
	some f in run([directive("ready", [])], probe("/health", 8080), null)
	contains(f.message, "the kubelet restarts CoreDNS over and over")
}

test_port_mismatch if {
	r := run([directive("health", [":8081"]), directive("ready", [])], probe("/health", 8080), probe("/ready", 8181))
	count(r) == 1
	some f in r
	f.location == pos(51)
	f.related[0].pos == pos(10)
	contains(f.message, "listens on port 8081")
}

test_fine if {
	count(run([directive("health", []), directive("ready", [])], probe("/health", 8080), probe("/ready", 8181))) == 0
	count(run([directive("health", ["0.0.0.0:8080"]), directive("ready", [":8282"])], probe("/health", 8080), probe("/ready", 8282))) == 0
	count(run([directive("health", ["{$HEALTH_ADDR}"]), directive("ready", [])], probe("/health", 8080), probe("/ready", 8181))) == 0
	count(run([], probe("/healthz", 8080), null)) == 0
}

test_needs_the_corefile_in_the_run if {
	count(rule.report) == 0 with input as {"corefiles": [], "workloads": [deployment(probe("/health", 8080), probe("/ready", 8181))]}
}
