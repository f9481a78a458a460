package dnslint.rules.custom["missing-file_test"]

import data.dnslint.rules.custom["missing-file"] as rule

pos(l) := {"file": "custom.yaml", "line": l, "col": 14, "end_line": l, "end_col": 40}

doc(found, key) := {
	"corefiles": [{"custom_reads": [{
		"path": "/etc/coredns/custom/db.example.lan", "key": "db.example.lan", "custom": "kube-system/coredns-custom",
		"found": found, "plugin": "file", "pos": pos(9),
	}]}],
	"customs": [{"object": {"name": "coredns-custom", "namespace": "kube-system"}, "keys": [{"key": {"text": key}}]}],
}

test_missing_key if {
	r := rule.report with input as doc(false, "lan.server")
	count(r) == 1
	some f in r
	f.location == pos(9)
	f.message == "`file` reads /etc/coredns/custom/db.example.lan, but ConfigMap kube-system/coredns-custom has no key \"db.example.lan\", so the file does not exist in the pod: CoreDNS starts (the file plugin loads a missing zone file lazily) and serves nothing from it. Add the key to the ConfigMap, or fix the path to name one of its keys"
}

test_misspelt_key_is_named if {
	some f in rule.report with input as doc(false, "db.exmaple.lan")
	endswith(f.message, "(did you mean \"db.exmaple.lan\"?)")
}

test_key_present if {
	count(rule.report) == 0 with input as doc(true, "db.example.lan")
}
