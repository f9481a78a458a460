package dnslint.rules.template.invalid_test

import data.dnslint.rules.template.invalid as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# tmpl is a Corefile whose line 2 is `template ARGS`, with lines (Corefile text) in its
# block from line 3 on.
tmpl(args, lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	sprintf("    template %s {", [args]),
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
	"}",
	"",
]))})

messages(inp) := {f.message | some f in rule.report with input as inp}

test_class_and_type if {
	some f in rule.report with input as tmpl("IN AAA example.org", [])
	f.location == at(2, 17, 19)
	contains(f.message, "`invalid RR class AAA`")
	some g in rule.report with input as tmpl("in A", [])
	g.location == at(2, 14, 15)
	contains(g.message, "`invalid query class in`")
	contains(g.message, "Write `IN`")
	count(rule.report) == 1 with input as tmpl("in A", [])
}

test_missing_type if {
	some f in rule.report with input as tmpl("ANY", [])
	f.location == at(2, 5, 12)
	contains(f.message, "after 'ANY'`")
}

test_block_lines if {
	m := messages(tmpl("IN A", [
		"rcode nxdomain",
		`match ^(.*\.example\.org\.$`,
		"ederror 70000 gone",
		"fall-through",
		"answer",
	]))
	count(m) == 5
	some a in m
	contains(a, "`unknown rcode nxdomain`")
	some b in m
	contains(b, `could not parse regex: ^(.*\.example\.org\.$`)
	some c in m
	contains(c, "`error parsing extended DNS error code gone, strconv.ParseUint: parsing \"70000\": value out of range`")
	some d in m
	contains(d, "after 'fall-through'`")
	some e in m
	contains(e, "after 'answer'`")
}

test_valid if {
	count(rule.report) == 0 with input as tmpl("ANY ANY reddog.microsoft.com", ["rcode NXDOMAIN"])
	count(rule.report) == 0 with input as tmpl("IN A example.org", [
		`match ^(www|api)\.example\.org\.$`,
		`answer "{{ .Name }} 60 IN A 10.0.0.1"`,
		"ederror 15 blocked",
		"fallthrough",
		"upstream",
	])
}

test_templates_that_do_not_compile if {
	some f in rule.report with input as tmpl("ANY ANY", [`answer "{{"`])
	f.location == at(3, 16, 19)
	contains(f.message, "`could not compile template: {{, template: answer:1: unclosed action`")
	some g in rule.report with input as tmpl("ANY ANY", [`authority "{{ notAFunction }}"`])
	contains(g.message, "`could not compile template: {{ notAFunction }}, template: authority:1: function \"notAFunction\" not defined`")
}

test_templates_that_compile if {
	count(rule.report) == 0 with input as tmpl("IN A", [
		`match ^ip-(\d+)-(\d+)-(\d+)-(\d+)[.]example[.]$`,
		`answer "{{ .Name }} 60 IN A {{ index .Match 1 }}.{{ index .Match 2 }}.{{ index .Match 3 }}.{{ index .Match 4 }}"`,
		`additional "{{ .Name }} 60 IN TXT \"{{ parseInt (index .Match 1) 10 8 }}\""`,
		`authority "{{ .Values.soa | quote }}"`,
	])
}

test_parse_int_from_1_10_0 if {
	some f in rule.report with input as tmpl("IN A", [`answer "{{ parseInt \"1\" 10 8 }}"`]) with data.dnslint.config as {"coredns_version": "1.9.3"}
	contains(f.message, "function \"parseInt\" not defined")
}

test_long_match_from_1_14_0 if {
	long := concat("", ["a" | some _ in numbers.range(1, 10001)])
	some f in rule.report with input as tmpl("ANY A", [sprintf("match %s", [long])])
	contains(f.message, "`regex pattern too long: 10001 > 10000`")
	count(rule.report) == 0 with input as tmpl("ANY A", [sprintf("match %s", [long])]) with data.dnslint.config as {"coredns_version": "1.13.1"}
}
