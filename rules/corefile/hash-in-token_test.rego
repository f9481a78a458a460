package dnslint.rules.corefile["hash-in-token_test"]

import data.dnslint.rules.corefile["hash-in-token"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

test_port_after_hash if {
	r := rule.report with input as dnslint.test.input({"Corefile": `
		.:53 {
		    forward . 1.2.3.4#53
		}
	`})
	count(r) == 1
	some f in r
	f.location == at(2, 22, 24)
	contains(f.message, "CoreDNS reads `1.2.3.4#53` as `1.2.3.4`")
	contains(f.message, "`1.2.3.4:53`")
}

test_other_text_after_hash if {
	some f in rule.report with input as dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  x.override: |
		    rewrite name a#b c.example
	`})
	contains(f.message, "quote it: `\"a#b\"`")
	contains(f.message, "(imported from /etc/coredns/custom/x.override)")
}

test_nothing_dropped if {
	count(rule.report) == 0 with input as dnslint.test.input({"Corefile": `
		.:53 {
		    forward . "1.2.3.4#53"
		}
	`})
}
