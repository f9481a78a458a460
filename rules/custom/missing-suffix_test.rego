package dnslint.rules.custom["missing-suffix_test"]

import data.dnslint.rules.custom["missing-suffix"] as rule

at(l, c, ec) := {"file": "custom.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# custom is the coredns-custom ConfigMap with the given keys, each holding the value
# values gives it (a server block by default), from line 5 on.
custom(keys) := concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-custom, namespace: kube-system}",
	"data:",
	[line |
		some k in keys
		some line in array.concat([sprintf("  %s: |", [k])], [sprintf("    %s", [l]) | some l in value(k)])
	],
	"",
]))

value(key) := object.get(values, key, ["corp.example:53 {", "    forward . 10.0.0.1", "}"])

values := {
	"log.overide": ["log"],
	"b.override": ["log"],
	"lan.server": ["example.lan:53 {", "    file /etc/coredns/custom/db.example.lan", "}"],
	"db.example.lan": ["example.lan. 3600 IN SOA ns.example.lan. admin.example.lan. 1 7200 3600 1209600 3600"],
}

# alone is a run of the coredns-custom ConfigMap with the given keys, alone: its Corefile
# is AKS's, which imports it.
alone(keys) := dnslint.test.input({"custom.yaml": custom(keys)})

test_key_without_suffix if {
	r := rule.report with input as alone(["example.com", "a.server", "b.override"])
	count(r) == 1
	some f in r
	f.location == at(5, 3, 13)
	contains(f.message, "\"example.com.server\" if it holds server blocks, or \"example.com.override\"")
}

test_conf_suffix_is_replaced if {
	some f in rule.report with input as alone(["stub.conf"])
	contains(f.message, "\"stub.server\"")
}

test_good_keys if {
	count(rule.report) == 0 with input as alone(["a.server"])
}

test_misspelt_suffix_names_the_meant_one if {
	some f in rule.report with input as alone(["log.overide"])
	contains(f.message, "did you mean \"log.override\"?")
}

test_misspelt_server_suffix if {
	some f in rule.report with input as alone(["corp.servr"])
	contains(f.message, "did you mean \"corp.server\"?")
}

test_key_read_by_a_plugin_is_in_use if {
	run := alone(["lan.server", "db.example.lan"])
	count(run.customs[0].keys[1].read_by) == 1
	count(rule.report) == 0 with input as run
}

# corefile is the coredns ConfigMap, whose Corefile imports no coredns-custom key.
corefile := `
	apiVersion: v1
	kind: ConfigMap
	metadata: {name: coredns, namespace: kube-system}
	data:
	  Corefile: |
	    .:53 {
	        errors
	        forward . /etc/resolv.conf
	    }
`

test_custom_its_corefile_does_not_import if {
	run := dnslint.test.input({"custom.yaml": custom(["example.com"]), "coredns.yaml": corefile})
	run.customs[0].partner.source == "run"
	count(rule.report) == 0 with input as run
}

test_custom_its_corefile_imports if {
	run := alone(["example.com"])
	run.customs[0].partner.source == "platform"
	count(rule.report) == 1 with input as run
}
