package dnslint.rules.rewrite["unanchored-regex_test"]

import data.dnslint.rules.rewrite["unanchored-regex"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# rewrite is a Corefile whose line 2 is `rewrite ARGS`, with a block of lines when there
# are any (from line 3 on).
rewrite(args, []) := cf([sprintf("rewrite %s", [args])])

rewrite(args, lines) := cf(array.flatten([
	sprintf("rewrite %s {", [args]),
	[sprintf("    %s", [l]) | some l in lines],
	"}",
])) if count(lines) > 0

cf(lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

test_unanchored_end if {
	r := rule.report with input as rewrite(`name regex (.*)\.example\.com {1}.default.svc.cluster.local`, [])
	count(r) == 1
	some f in r
	f.location == at(2, 24, 41)
	contains(f.message, "has no `$` anchor")
	contains(f.message, "`(.*)\\.example\\.com\\.$`")
}

test_unanchored_both if {
	some f in rule.report with input as rewrite(`continue name regex example\.com x`, [])
	contains(f.message, "has no `^` and no `$` anchor")
	contains(f.message, "`^example\\.com\\.$`")
}

test_block_form if {
	r := rule.report with input as rewrite("stop", [
		`name regex ^(.*)\.shop\.example\.org {1}.shop.svc`,
		`answer name (.*)\.shop\.svc {1}.shop.example.org`,
	])
	count(r) == 1
	some f in r
	f.location == at(3, 20, 44)
}

test_anchored_and_other_match_types if {
	count(rule.report) == 0 with input as rewrite(`name regex ^(.*)\.example\.com\.$ x`, [])
	count(rule.report) == 0 with input as rewrite(`name regex (.*)\.example\.com\.$ x`, [])
	count(rule.report) == 0 with input as rewrite(`stop name REGEX ^api\.(.*) x`, [])
	count(rule.report) == 0 with input as rewrite("name suffix .example.com .svc.cluster.local", [])
	count(rule.report) == 0 with input as rewrite("name example.com example.org", [])
}
