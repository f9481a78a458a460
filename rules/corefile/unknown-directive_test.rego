package dnslint.rules.corefile["unknown-directive_test"]

import data.dnslint.rules.corefile["unknown-directive"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose server block holds lines, from line 2 on.
cf(lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

test_unknown if {
	r := rule.report with input as cf(["forwrd . 10.0.0.1", "errors", "forward . 10.0.0.1", "force_tcp"])
		with data.dnslint.config as {}
	count(r) == 1 # force_tcp is forward/option-outside-block's
	some a in r
	a.location == at(2, 5, 10)
	contains(a.message, "CoreDNS 1.14.7 exits at start-up with `Unknown directive 'forwrd'`: ")
}

# corefile/removed-plugin and corefile/env-placeholder report these tokens.
# names are the names of the lines of the one server block of input run: what was parsed.
names(run) := [d.name | some d in run.corefiles[0].server_blocks[0].directives]

test_leaves_removed_plugins_and_env_placeholders_to_their_rules if {
	names(cf(["proxy . 10.0.0.1", "{env.PLUGIN}"])) == ["proxy", "{env.PLUGIN}"]
	count(rule.report) == 0 with input as cf(["proxy . 10.0.0.1", "{env.PLUGIN}"])
		with data.dnslint.config as {}
	count(rule.report) == 0 with input as cf(["proxy . 10.0.0.1"])
		with data.dnslint.config as {"plugins": ["proxy"]}
}

test_version_aware if {
	r := rule.report with input as cf(["tsig"])
		with data.dnslint.config as {"coredns_version": "1.9.3"}
	count(r) == 1
	some a in r
	contains(a.message, "tsig first shipped in CoreDNS 1.9.4; raise coredns-version")
	count(rule.report) == 0 with input as cf(["tsig"])
		with data.dnslint.config as {"coredns_version": "1.9.4"}
}

test_declared_plugins_and_placeholders if {
	names(cf(["unbound", "{$PLUGIN}"])) == ["unbound", "{$PLUGIN}"]
	count(rule.report) == 0 with input as cf(["unbound", "{$PLUGIN}"])
		with data.dnslint.config as {"plugins": ["unbound"]}
}

test_did_you_mean_a_plugin_of_the_version if {
	some a in rule.report with input as cf(["forwrd . 10.0.0.1"])
		with data.dnslint.config as {}
	contains(a.message, "did you mean `forward`? forwrd is no plugin of CoreDNS 1.14.7")
}

test_no_suggestion_of_a_plugin_the_version_lacks if {
	# tsig is one edit from "tsgi" but only in CoreDNS 1.9.4 and later.
	some a in rule.report with input as cf(["tsgi"])
		with data.dnslint.config as {"coredns_version": "1.9.3"}
	not contains(a.message, "did you mean `tsig`")
	some b in rule.report with input as cf(["tsgi"])
		with data.dnslint.config as {}
	contains(b.message, "did you mean `tsig`?")
}

test_no_suggestion_for_a_name_far_from_every_plugin if {
	some a in rule.report with input as cf(["consul"])
		with data.dnslint.config as {}
	not contains(a.message, "did you mean")
	contains(a.message, "consul is no plugin of the official CoreDNS build")
}

test_names_the_key_it_came_from if {
	some a in rule.report with input as dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  log.override: |
		    lgo
	`})
		with data.dnslint.config as {}
	a.location == {"file": "custom.yaml", "line": 6, "col": 5, "end_line": 6, "end_col": 7}
	contains(a.message, "`Unknown directive 'lgo'` (imported from /etc/coredns/custom/log.override): did you mean `log`?")
}
