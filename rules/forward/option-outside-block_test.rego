package dnslint.rules.forward["option-outside-block_test"]

import data.dnslint.rules.forward["option-outside-block"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose server block holds lines, from line 2 on.
cf(lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

test_option_as_directive if {
	r := rule.report with input as cf(["forward . 10.0.0.1", "force_tcp"])
	count(r) == 1
	some f in r
	f.location == at(3, 5, 13)
	contains(f.message, "Unknown directive 'force_tcp'")
	endswith(f.message, ": `forward . … { force_tcp }`")
	f.related == [{"message": "`forward .`, the first forward of this server block", "pos": at(2, 5, 11)}]
}

test_option_from_override if {
	r := rule.report with input as dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  x.override: |
		    policy sequential
	`})
	some f in r
	contains(f.message, "imported from /etc/coredns/custom/x.override")
	contains(f.message, "{ policy sequential }")
	[g.pos.file | some g in f.related] == ["<aks default Corefile>"]
}

test_inside_block_is_fine if {
	count(rule.report) == 0 with input as cf(["forward . 10.0.0.1 {", "    force_tcp", "}"])
}

test_tls_plugin_is_not_an_option if {
	count(rule.report) == 0 with input as cf(["tls cert.pem key.pem"])
}

test_two_forwards_hint_names_the_first if {
	r := rule.report with input as cf(["forward . 10.0.0.1", "forward example.com 10.0.0.2", "force_tcp"])
	count(r) == 1
	some f in r
	endswith(f.message, ": `forward . … { force_tcp }`")
	[g.pos.line | some g in f.related] == [2]
}
