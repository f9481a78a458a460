package dnslint.rules.corefile["removed-plugin_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.corefile["removed-plugin"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

plugins := {"latest": "1.14.7", "plugins": {
	"forward": {"first": "1.0.5"},
	"proxy": {"first": "1.0.0", "last": "1.4.0", "replacement": "forward"},
	"federation": {"first": "1.0.0", "last": "1.6.9"},
}}

test_removed_plugin_names_its_replacement if {
	r := rule.report with input as corefile.server(["proxy . 10.0.0.1", "forward . 10.0.0.1"])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	count(r) == 1
	some f in r
	f.location == at(2, 5, 9)
	contains(f.message, "Unknown directive 'proxy'")
	contains(f.message, "removed after CoreDNS 1.4.0")
	contains(f.message, "Use the forward plugin instead")
}

test_without_replacement if {
	some f in rule.report with input as corefile.server(["federation cluster.local"])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	contains(f.message, "federation has no replacement")
}

test_from_an_override if {
	some f in rule.report with input as dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  x.override: |
		    proxy . 10.0.0.1
	`})
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {}
	contains(f.message, "(imported from /etc/coredns/custom/x.override)")
}

test_version_aware if {
	count(rule.report) == 0 with input as corefile.server(["proxy . 10.0.0.1"])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"coredns_version": "1.4.0"}
	count(rule.report) == 1 with input as corefile.server(["proxy . 10.0.0.1"])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"coredns_version": "1.5.0"}
}

test_declared_external_build if {
	count(rule.report) == 0 with input as corefile.server(["proxy . 10.0.0.1"])
		with data.dnslint.coredns as plugins
		with data.dnslint.config as {"plugins": ["proxy"]}
}
