package dnslint.rules.corefile.syntax_test

import data.dnslint.rules.corefile.syntax

# A Corefile with a stray brace on line 2, and a YAML file that does not parse either
# (yaml/syntax's, not this rule's).
broken := dnslint.test.input({
	"Corefile": ".:53 {\n    forward . 1.1.1.1 }\n}\n",
	"broken.yaml": "data: [\n",
})

test_reports_corefile_parse_errors if {
	count(broken.parse_errors) == 2
	r := syntax.report with input as broken
	count(r) == 1
	some f in r
	f.location == {"file": "Corefile", "line": 2, "col": 23, "end_line": 2, "end_col": 23}
	contains(f.message, "CoreDNS cannot parse this Corefile and will not start: Corefile:2 - Error during parsing: Unexpected '}' because no matching opening brace")
}

test_silent_without_errors if {
	count(syntax.report) == 0 with input as dnslint.test.input({"Corefile": ".:53 {\n    forward . 1.1.1.1\n}\n"})
}
