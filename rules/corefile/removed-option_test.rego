package dnslint.rules.corefile["removed-option_test"]

import data.dnslint.rules.corefile["removed-option"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# plugin is a Corefile whose plugin on line 2 has lines in its block, from line 3 on.
plugin(name, lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	sprintf("    %s {", [name]),
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
	"}",
	"",
]))})

test_kubernetes_upstream if {
	r := rule.report with input as plugin("kubernetes", ["pods insecure", "upstream", "resyncperiod 30s"])
		with data.dnslint.config as {}
	{f.location | some f in r} == {at(4, 9, 16), at(5, 9, 20)}
	some f in r
	f.location == at(4, 9, 16)
	contains(f.message, "`plugin/kubernetes: … unknown property 'upstream'`")
	contains(f.message, "removed in CoreDNS 1.7.0")
}

test_version_aware if {
	k8s := plugin("kubernetes", ["upstream", "transfer to *"])
	count(rule.report) == 0 with input as k8s with data.dnslint.config as {"coredns_version": "1.6.9"}
	{f.location | some f in rule.report} == {at(3, 9, 16)} with input as k8s with data.dnslint.config as {"coredns_version": "1.7.0"}
	count(rule.report) == 2 with input as k8s with data.dnslint.config as {"coredns_version": "1.8.0"}
}

test_header_without_selector if {
	hdr := plugin("header", ["set ra", "query set rd", "response set ra"])
	r := rule.report with input as hdr with data.dnslint.config as {}
	count(r) == 1
	some f in r
	f.location == at(3, 9, 11)
	contains(f.message, "invalid selector=set should be query or response")
	count(rule.report) == 0 with input as hdr with data.dnslint.config as {"coredns_version": "1.12.3"}
}

test_from_an_override if {
	some f in rule.report with input as dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  k.override: |
		    kubernetes example.local {
		        upstream
		    }
	`})
		with data.dnslint.config as {}
	contains(f.message, "(imported from /etc/coredns/custom/k.override)")
}

test_other_plugins_and_arguments if {
	count(rule.report) == 0 with input as plugin("forward . 10.0.0.1", ["upstream"]) with data.dnslint.config as {}
	count(rule.report) == 0 with input as dnslint.test.input({"Corefile": ".:53 {\n    kubernetes upstream\n}\n"}) with data.dnslint.config as {}
}
