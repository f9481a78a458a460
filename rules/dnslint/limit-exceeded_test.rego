package dnslint.rules.dnslint["limit-exceeded_test"]

import data.dnslint.rules.dnslint["limit-exceeded"] as rule

# big is a Corefile of 65540 tokens, past dnslint's limit of 65536 for one Corefile.
big := concat("\n", [
	".:53 {",
	concat(" ", array.concat(["log"], [x | some _ in numbers.range(1, 65536); x := "x"])),
	"}",
	"",
])

test_reports_limits if {
	run := dnslint.test.input({"Corefile": big, "broken.corefile": ".:53 {\n    log\n"})
	some e in run.parse_errors
	e.format == "corefile"
	r := rule.report with input as run
	count(r) == 1
	some f in r
	f.location == {"file": "Corefile", "line": 1, "col": 1, "end_line": 1, "end_col": 1}
	f.message == "dnslint did not lint this: this Corefile has more than 65536 tokens, dnslint's limit. The rest of the run is linted"
}

test_silent_without_limits if {
	count(rule.report) == 0 with input as dnslint.test.input({"Corefile": ".:53 {\n    forward . /etc/resolv.conf\n}\n"})
}
