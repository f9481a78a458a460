package dnslint.rules.corefile["unexpected-port_test"]

import data.dnslint.rules.corefile["unexpected-port"] as rule

params := {"corefile/unexpected-port": {"service_ports": [53]}}

# cf is a Corefile of the given server blocks (text each, one after the other).
cf(blocks) := dnslint.test.input({"Corefile": concat("\n", array.concat(blocks, [""]))})

# run is the coredns ConfigMap whose Corefile is main (its lines from line 6 on; `import
# custom/*.server` appended) with a coredns-custom ConfigMap holding x.server (its lines
# from line 6 on).
run(main, server) := dnslint.test.input({
	"coredns.yaml": configmap("coredns", "Corefile", sprintf("%s\nimport custom/*.server", [main])),
	"custom.yaml": configmap("coredns-custom", "x.server", server),
})

configmap(name, key, text) := concat("\n", [
	"apiVersion: v1",
	"kind: ConfigMap",
	sprintf("metadata: {name: %s, namespace: kube-system}", [name]),
	"data:",
	sprintf("  %s: |", [key]),
	sprintf("    %s", [replace(text, "\n", "\n    ")]),
	"",
])

test_custom_block_on_another_port if {
	r := rule.report with input as run(".:53 {\n    forward . 10.0.0.1\n}", "example.com:5353 {\n    forward . 10.0.0.2\n}")
		with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == {"file": "custom.yaml", "line": 6, "col": 5, "end_line": 6, "end_col": 20}
	contains(f.message, "sends pods' queries to port 53")
	contains(f.message, "(`example.com:53`)")
	contains(f.message, "(imported from /etc/coredns/custom/x.server)")
}

# OpenShift serves every block on 5353, Gardener on 8053: the port of the main block.
test_main_block_port_is_expected if {
	keys(cf([".:5353 {\n    whoami\n}", "hostname.bind:5353 {\n    chaos\n}"])) == [".:5353", "hostname.bind:5353"]
	count(rule.report) == 0 with input as cf([".:5353 {\n    whoami\n}", "hostname.bind:5353 {\n    chaos\n}"])
		with data.dnslint.params as params
	some f in rule.report with input as run(".:8053 {\n    whoami\n}", "example.com:5353 {\n    whoami\n}")
		with data.dnslint.params as params
	contains(f.message, "to port 53 or 8053")
	contains(f.message, "(`example.com:8053`)")
}

# A .server key for `.` on another port does not make that port expected.
test_imported_root_block if {
	r := rule.report with input as run(".:53 {\n    whoami\n}", ".:5353 {\n    whoami\n}\nexample.com:5353 {\n    whoami\n}")
		with data.dnslint.params as params
	[f.location.line | some f in r] == [9]
}

test_service_ports_parameter if {
	blocks := cf([".:53 {\n    whoami\n}", "example.com:5353 {\n    whoami\n}"])
	count(rule.report) == 1 with input as blocks with data.dnslint.params as params
	count(rule.report) == 0 with input as blocks with data.dnslint.params as {"corefile/unexpected-port": {"service_ports": [53, 5353]}}
}

# keys are the keys of the server blocks of input run: what was parsed.
keys(run) := [k.text | some b in run.corefiles[0].server_blocks; some k in b.keys]

test_other_transports_and_invalid_ports if {
	keys(cf([".:53 {\n    whoami\n}", "a:99999 b:0 {\n    whoami\n}"])) == [".:53", "a:99999", "b:0"]
	count(rule.report) == 0 with input as cf([".:53 {\n    whoami\n}", "tls://example.com {\n    whoami\n}"])
		with data.dnslint.params as params
	count(rule.report) == 0 with input as cf([".:53 {\n    whoami\n}", "a:99999 b:0 {\n    whoami\n}"])
		with data.dnslint.params as params
}
