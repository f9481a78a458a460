package dnslint.rules.custom["override-duplicates-plugin_test"]

import data.dnslint.rules.custom["override-duplicates-plugin"] as rule

at(file, l, c, ec) := {"file": file, "line": l, "col": c, "end_line": l, "end_col": ec}

# custom is a coredns-custom ConfigMap holding keys (Corefile text by key, from line 5 on,
# in key order).
custom(keys) := concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-custom, namespace: kube-system}",
	"data:",
	[sprintf("  %s: |\n    %s", [k, replace(keys[k], "\n", "\n    ")]) | some k in sort(object.keys(keys))],
	"",
]))

# run is the coredns ConfigMap whose .:53 block holds lines (line 7 on; `import
# custom/*.override` among them) with the coredns-custom ConfigMap of keys.
run(lines, keys) := dnslint.test.input({
	"coredns.yaml": concat("\n", array.flatten([
		"apiVersion: v1",
		"kind: ConfigMap",
		"metadata: {name: coredns, namespace: kube-system}",
		"data:",
		"  Corefile: |",
		"    .:53 {",
		[sprintf("        %s", [l]) | some l in lines],
		"    }",
		"",
	])),
	"custom.yaml": custom(keys),
})

imports := "import custom/*.override"

test_override_repeats_a_plugin_of_the_block if {
	r := rule.report with input as run(["errors", "cache 30", "loop", imports], {"cache.override": "cache 60"})
	count(r) == 1
	some f in r
	f.location == at("custom.yaml", 6, 5, 9)
	f.related == [{"message": "the block's own `cache`", "pos": at("coredns.yaml", 8, 9, 13)}]
	contains(f.message, "`cache` of key cache.override is spliced into the `.:53` block, and the block already has its own `cache`:")
	contains(f.message, "`plugin/cache: this plugin can only be used once per Server Block`")
}

test_platform_default if {
	r := rule.report with input as dnslint.test.input_on("k3s", {"custom.yaml": custom({"hosts.override": "hosts {\n  fallthrough\n}"})})
	some f in r
	contains(f.message, "and the k3s default Corefile already has `hosts` in this block")
	not f.related
	some g in rule.report with input as dnslint.test.input_on("aks", {"custom.yaml": custom({"e.override": "errors"})})
	contains(g.message, "the AKS default Corefile already has `errors`")
}

test_override_before_the_block_line if {
	# Gardener imports the overrides at the top of the block.
	r := rule.report with input as run([imports, "cache 30"], {"cache.override": "cache 60"})
	count(r) == 1
	some f in r
	f.location == at("custom.yaml", 6, 5, 9)
}

test_two_overrides_report_the_later_one if {
	r := rule.report with input as run([imports], {"a.override": "kubernetes cluster.local", "b.override": "kubernetes example.local"})
	count(r) == 1
	some f in r
	f.location == at("custom.yaml", 8, 5, 14)
	contains(f.message, "key a.override already adds `kubernetes` to it")
}

test_forward_once_before_1_9_4 if {
	block := run(["forward . /etc/resolv.conf", imports], {"upstream.override": "forward example.com 10.0.0.53"})
	count(rule.report) == 0 with input as block
	count(rule.report) == 1 with input as block with data.dnslint.config as {"coredns_version": "1.8.7"}
	count(rule.report) == 0 with input as block with data.dnslint.config as {"coredns_version": "1.9.4"}
}

test_repeatable_and_new_plugins_pass if {
	count(rule.report) == 0 with input as run(["log", "rewrite name a.example b.example", "health", imports], {
		"log.override": "log",
		"r.override": "rewrite name c.example d.example",
		"hosts.override": "hosts",
		"h.override": "health :8081",
	})
}

test_duplicates_outside_overrides_pass if {
	count(rule.report) == 0 with input as dnslint.test.input({
		"coredns.yaml": `
			apiVersion: v1
			kind: ConfigMap
			metadata: {name: coredns, namespace: kube-system}
			data:
			  Corefile: |
			    .:53 {
			        cache 30
			        cache 60
			    }
			    import custom/*.server
		`,
		"custom.yaml": custom({"x.server": "x.example {\n    cache\n}", "y.server": "y.example {\n    cache\n}"}),
	})
}
