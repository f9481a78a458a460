package dnslint.rules.custom["server-block-in-override_test"]

import data.dnslint.rules.custom["server-block-in-override"] as rule

# custom is the coredns-custom ConfigMap whose keys hold the lines given (key → lines),
# in the order of their names from line 5 on.
custom(keys) := concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-custom, namespace: kube-system}",
	"data:",
	[line |
		some k in sort(object.keys(keys))
		some line in array.concat([sprintf("  %s: |", [k])], [sprintf("    %s", [l]) | some l in keys[k]])
	],
	"",
]))

# on_aks is a run of the coredns-custom ConfigMap alone: AKS's Corefile imports it.
on_aks(keys) := dnslint.test.input({"custom.yaml": custom(keys)})

test_server_block_in_override if {
	r := rule.report with input as on_aks({"corp.override": [
		"errors",
		"corp.example.com:53 {",
		"    forward . 10.0.0.1",
		"}",
	]})
	count(r) == 1
	some f in r
	f.location == {"file": "custom.yaml", "line": 7, "col": 5, "end_line": 7, "end_col": 23}
	contains(f.message, "key corp.override holds a server block")
	contains(f.message, "`Unknown directive 'corp.example.com:53'`")
	contains(f.message, "\"corp.server\"")
}

test_root_zone_and_scheme if {
	count(rule.report) == 2 with input as on_aks({"corp.override": [
		". {",
		"    forward . 10.0.0.1",
		"}",
		"tls://example.org {",
		"    forward . 10.0.0.2",
		"}",
	]})
}

test_plugin_lines_and_other_sources_pass if {
	run := dnslint.test.input({
		"custom.yaml": custom({
			"corp.override": [
				"hosts {",
				"    fallthrough",
				"}",
				"log",
				# no braces: corefile/unknown-directive reports it
				"example.net:53",
			],
			# in a block of a .server key: other rules' business
			"a.server": [
				"a.example:53 {",
				"    example.org:53 {",
				"        whoami",
				"    }",
				"}",
			],
		}),
		# written in the Corefile itself: other rules' business
		"coredns.yaml": `
			apiVersion: v1
			kind: ConfigMap
			metadata: {name: coredns, namespace: kube-system}
			data:
			  Corefile: |
			    .:53 {
			        errors
			        example.com:53 {
			            whoami
			        }
			        import custom/*.override
			        forward . /etc/resolv.conf
			    }
			    import custom/*.server
		`,
	})
	count({d.name | some cf in run.corefiles; some b in cf.server_blocks; some d in b.directives} & {"hosts", "log", "example.net:53", "example.org:53", "example.com:53"}) == 5
	count(rule.report) == 0 with input as run
}
