package dnslint.rules.corefile["env-placeholder_test"]

import data.dnslint.rules.corefile["env-placeholder"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose block for key holds lines, from line 2 on.
cf(key, lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	sprintf("%s {", [key]),
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

test_argument if {
	r := rule.report with input as cf(".:53", ["bind {env.POD_IP}"])
	count(r) == 1
	some f in r
	f.location == at(2, 10, 21)
	not f.severity
	contains(f.message, "Write `{$POD_IP}`")
}

test_forward_target_is_left_to_invalid_upstream if {
	count(rule.report) == 0 with input as cf(".:53", ["forward . {env.UPSTREAM}"])
}

test_nested_line_and_key if {
	r := rule.report with input as cf("{env.ZONE}:53", ["forward . 10.0.0.1 {", "    tls_servername {env.SNI}", "}"])
	{f.location | some f in r} == {at(3, 24, 32), at(1, 1, 13)}
	some f in r
	f.location == at(1, 1, 13)
	contains(f.message, "Write `{$ZONE}:53`")
}

test_plugin_name_is_an_error if {
	some f in rule.report with input as dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  x.override: |
		    {env.PLUGIN}
	`})
	f.severity == "error"
	contains(f.message, "Unknown directive '{env.PLUGIN}'")
	contains(f.message, "(imported from /etc/coredns/custom/x.override)")
}

test_supported_placeholders if {
	count(rule.report) == 0 with input as cf(".:53", ["forward . {$UPSTREAM} {%UP%} {env}"])
}
