package dnslint.rules.custom["missing-file_test"]

import data.dnslint.rules.custom["missing-file"] as rule

# custom is the coredns-custom ConfigMap (on AKS, whose Corefile imports custom/*.server)
# whose lan.server key serves example.lan from /etc/coredns/custom/db.example.lan (line 7),
# and which holds the zone file under key, unless key is "".
custom(key) := dnslint.test.input({"custom.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-custom, namespace: kube-system}",
	"data:",
	"  lan.server: |",
	"    example.lan:53 {",
	"        file /etc/coredns/custom/db.example.lan",
	"    }",
	zone(key),
	"",
]))})

zone("") := []

zone(key) := [
	sprintf("  %s: |", [key]),
	"    example.lan. 3600 IN SOA ns.example.lan. admin.example.lan. 1 7200 3600 1209600 3600",
	"    ns.example.lan. 3600 IN A 10.0.0.53",
] if key != ""

test_missing_key if {
	r := rule.report with input as custom("")
	count(r) == 1
	some f in r
	f.location == {"file": "custom.yaml", "line": 7, "col": 14, "end_line": 7, "end_col": 47}
	f.message == "`file` reads /etc/coredns/custom/db.example.lan, but ConfigMap kube-system/coredns-custom has no key \"db.example.lan\", so the file does not exist in the pod: CoreDNS starts (the file plugin loads a missing zone file lazily) and serves nothing from it. Add the key to the ConfigMap, or fix the path to name one of its keys"
}

test_misspelt_key_is_named if {
	some f in rule.report with input as custom("db.exmaple.lan")
	endswith(f.message, "(did you mean \"db.exmaple.lan\"?)")
}

test_key_present if {
	count(rule.report) == 0 with input as custom("db.example.lan")
}
