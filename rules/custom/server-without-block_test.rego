package dnslint.rules.custom["server-without-block_test"]

import data.dnslint.rules.custom["server-without-block"] as rule

at(l, c, ec) := {"file": "custom.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# custom is a coredns-custom ConfigMap holding keys (Corefile text by key, from line 5 on),
# composed with the platform's default Corefile, which imports custom/*.server last.
custom(keys) := dnslint.test.input({"custom.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-custom, namespace: kube-system}",
	"data:",
	[sprintf("  %s: |\n    %s", [k, replace(keys[k], "\n", "\n    ")]) | some k in sort(object.keys(keys))],
	"",
]))})

test_plugin_lines if {
	r := rule.report with input as custom({"logging.server": "log\nerrors"})
	count(r) == 1
	some f in r
	f.location == at(6, 5, 7)
	not f.severity
	contains(f.message, "CoreDNS reads `log` as the zone of a new server block (`log.`)")
	contains(f.message, "\"logging.override\"")
}

test_zone_that_swallows_the_next_key if {
	r := rule.report with input as custom({"a.server": "a.example\nforward . 10.0.0.1", "b.server": "b.example {\n    whoami\n}"})
	count(r) == 1
	some f in r
	f.location == at(6, 5, 13)
	not f.severity
	contains(f.message, "the lines of key b.server become part of it")
}

test_zone_that_swallows_the_corefile if {
	r := rule.report with input as dnslint.test.input({
		"custom.yaml": `
			apiVersion: v1
			kind: ConfigMap
			metadata: {name: coredns-custom, namespace: kube-system}
			data:
			  a.server: |
			    a.example
			    forward . 10.0.0.1
		`,
		"coredns.yaml": `
			apiVersion: v1
			kind: ConfigMap
			metadata: {name: coredns, namespace: kube-system}
			data:
			  Corefile: |
			    .:53 {
			        forward . /etc/resolv.conf
			    }
			    import custom/*.server
			    example.org {
			        whoami
			    }
		`,
	})
	some f in r
	contains(f.message, "the lines of the Corefile after its import become part of it")
}

test_zone_alone_is_a_warning if {
	r := rule.report with input as custom({"a.server": "a.example:53\nforward . 10.0.0.1"})
	count(r) == 1
	some f in r
	f.location == at(6, 5, 16)
	f.severity == "warning"
}

test_braced_blocks_pass if {
	count(rule.report) == 0 with input as custom({"a.server": "a.example {\n    forward . 10.0.0.1\n}"})
}
