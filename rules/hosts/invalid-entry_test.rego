package dnslint.rules.hosts["invalid-entry_test"]

import data.dnslint.rules.hosts["invalid-entry"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# hosts is a Corefile whose line 2 is `hosts ARGS`, with lines in its block from line 3 on.
hosts(args, lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	sprintf("    hosts %s {", [args]),
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
	"}",
	"",
]))})

test_name_first if {
	r := rule.report with input as hosts("", ["db.internal 10.0.0.1"])
	count(r) == 1
	some f in r
	f.location == at(3, 9, 19)
	contains(f.message, "Did you mean `10.0.0.1 db.internal`?")
}

test_bad_address_and_no_name if {
	count(rule.report) == 1 with input as hosts("", ["10.0.0.256 git.internal"])
	some f in rule.report with input as hosts("", ["10.0.0.3"])
	contains(f.message, "names no host")
}

test_misspelt_option if {
	some f in rule.report with input as hosts("", ["reloads 15s"])
	contains(f.message, "`reloads` is no hosts option either")
}

test_name_outside_the_zones if {
	r := rule.report with input as hosts("/etc/hosts lab.internal", ["10.0.0.4 nas.lab.internal nas.home.arpa"])
	count(r) == 1
	some f in r
	f.location == at(3, 35, 47)
}

test_valid_entries_options_and_placeholders if {
	count(rule.report) == 0 with input as hosts("", [
		"10.0.0.1 registry.internal registry",
		"fe80::1%eth0 router.internal",
		"{$NAS_IP} nas.internal",
		"${ip} x.internal",
		"ttl 60",
		"fallthrough",
		"10.0.0.9",
	])
}
