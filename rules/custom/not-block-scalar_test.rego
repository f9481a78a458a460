package dnslint.rules.custom["not-block-scalar_test"]

import data.dnslint.rules.custom["not-block-scalar"] as rule

at(l, c, ec) := {"file": "custom.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# custom is a coredns-custom ConfigMap whose data lines (text, from line 5 on) is given.
custom(text) := dnslint.test.input({"custom.yaml": concat("\n", [
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-custom, namespace: kube-system}",
	"data:",
	text,
	"",
])})

test_joined_plain_scalar if {
	r := rule.report with input as custom("  stub.server: stub.example:53 {\n    forward . 10.0.0.1 }")
	count(r) == 1
	some f in r
	f.location == at(5, 16, 32)
	contains(f.message, "YAML joins the lines of key stub.server with spaces (a plain scalar written over several lines)")
	contains(f.message, "`stub.server: |`")
}

test_folded if {
	r := rule.report with input as custom(concat("\n", [
		"  a.override: >",
		"    log",
		"    errors",
		"  b.server: >",
		"    b.example {",
		"        whoami",
		"    }",
	]))
	count(r) == 2
	some f in r
	f.location == at(8, 13, 13)
	contains(f.message, "key b.server is a folded block scalar")
}

test_one_line_values_and_literal_blocks_pass if {
	count(rule.report) == 0 with input as custom(concat("\n", [
		"  log.override: log",
		"  one.override: >",
		"    errors",
		`  escaped.override: "log\nerrors"`,
		"  a.server: |",
		"    a.example {",
		"        whoami",
		"    }",
		"  notes: some notes",
		"    on two lines",
	]))
}
