package dnslint.rules.corefile["duplicate-plugin_test"]

import data.dnslint.rules.corefile["duplicate-plugin"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose server block holds lines, from line 2 on.
cf(lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

test_second_cache if {
	r := rule.report with input as cf(["cache", "forward . 10.0.0.1", "cache 30"])
		with data.dnslint.config as {}
	count(r) == 1
	some f in r
	f.location == at(4, 5, 9)
	f.related == [{"message": "first `cache` of this server block", "pos": at(2, 5, 9)}]
	contains(f.message, "plugin/cache: this plugin can only be used once per Server Block")
	contains(f.message, "`cache` is used again in this server block, after the first `cache`:")
}

test_third_points_at_the_first if {
	r := rule.report with input as cf(["errors", "errors", "errors"])
		with data.dnslint.config as {}
	{f.location | some f in r} == {at(3, 5, 10), at(4, 5, 10)}
	every f in r {
		f.related[0].pos == at(2, 5, 10)
	}
}

test_from_an_override_is_left_to_custom_rule if {
	# custom/override-duplicates-plugin reports it, with the platform's Corefile in mind.
	run := dnslint.test.input({"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  cache.override: |
		    cache 60
	`})
	count(rule.report) == 0 with input as run with data.dnslint.config as {}
}

test_snippet_imported_twice if {
	r := rule.report with input as dnslint.test.input({"Corefile": `
		(common) {
		    cache
		}
		.:53 {
		    import common
		    import common
		}
	`})
		with data.dnslint.config as {}
	some f in r
	contains(f.message, "Merge the options")
}

test_repeatable_plugins if {
	count(rule.report) == 0 with input as cf(["log", "log", "rewrite name a.example b.example", "rewrite name c.example d.example"])
		with data.dnslint.config as {}
}

test_forward_is_repeatable_from_1_9_4 if {
	fwd := cf(["forward a.example 10.0.0.1", "forward b.example 10.0.0.2"])
	count(rule.report) == 0 with input as fwd with data.dnslint.config as {}
	count(rule.report) == 0 with input as fwd with data.dnslint.config as {"coredns_version": "1.9.4"}
	count(rule.report) == 1 with input as fwd with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_plugins_of_other_blocks if {
	count(rule.report) == 0 with input as dnslint.test.input({"Corefile": `
		a.example {
		    cache
		}
		b.example {
		    cache
		}
	`})
		with data.dnslint.config as {}
}
