package dnslint.rules.custom["server-missing-basics_test"]

import data.dnslint.rules.custom["server-missing-basics"] as rule

params := {"custom/server-missing-basics": {"plugins": ["errors"]}}

at(l, c, ec) := {"file": "custom.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# custom is a coredns-custom ConfigMap whose key corp.server is the server block
# `corp.example.com:53` (line 6) with lines, composed with the platform's default Corefile.
custom(lines) := dnslint.test.input({"custom.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-custom, namespace: kube-system}",
	"data:",
	"  corp.server: |",
	"    corp.example.com:53 {",
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
	"",
]))})

test_missing_plugins if {
	r := rule.report with input as custom(["cache", "forward . 10.0.0.53"]) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == at(6, 5, 23)
	f.message == "server block `corp.example.com:53` of key corp.server has no errors (its failures are never logged): a custom server block inherits nothing from `.:53`. Add it to the block"
}

test_param if {
	r := rule.report with input as custom(["cache", "loop"]) with data.dnslint.params as {"custom/server-missing-basics": {"plugins": ["errors", "log"]}}
	some f in r
	contains(f.message, "has no errors (its failures are never logged), log:")
}

test_complete_and_main_blocks_pass if {
	# the .:53 block of the platform's default Corefile, which has no whoami, is not a
	# custom server block
	run := custom(["errors", "whoami", "forward . 10.0.0.53"])
	count([d | some b in run.corefiles[0].server_blocks; count(b.via) == 0; some d in b.directives; d.name == "whoami"]) == 0
	count(rule.report) == 0 with input as run with data.dnslint.params as {"custom/server-missing-basics": {"plugins": ["errors", "whoami"]}}
}

test_unbraced_block_is_left_to_server_without_block if {
	count(rule.report) == 0 with input as dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  corp.server: |
		    corp.example.com:53
		    forward . 10.0.0.53
	`})
		with data.dnslint.params as params
}
