package dnslint.rules.template.invalid_test

import data.dnslint.rules.template.invalid as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

line(words, l) := {"name": words[0], "args": [{"text": w, "pos": pos(l, 10 * (i + 1))} | some i, w in array.slice(words, 1, count(words))], "block": [], "via": [], "pos": pos(l, 9)}

tmpl(args, block) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "template", "args": [{"text": a, "pos": pos(2, 10 * (i + 1))} | some i, a in args], "block": block, "via": [], "pos": pos(2, 5),
}]}]}]}

messages(inp) := {f.message | some f in rule.report with input as inp}

test_class_and_type if {
	some f in rule.report with input as tmpl(["IN", "AAA", "example.org"], [])
	f.location == pos(2, 20)
	contains(f.message, "`invalid RR class AAA`")
	some g in rule.report with input as tmpl(["in", "A"], [])
	g.location == pos(2, 10)
	contains(g.message, "`invalid query class in`")
	contains(g.message, "Write `IN`")
	count(rule.report) == 1 with input as tmpl(["in", "A"], [])
}

test_missing_type if {
	some f in rule.report with input as tmpl(["ANY"], [])
	f.location == pos(2, 5)
	contains(f.message, "after 'ANY'`")
}

test_block_lines if {
	m := messages(tmpl(["IN", "A"], [
		line(["rcode", "nxdomain"], 3),
		line(["match", "^(.*\\.example\\.org\\.$"], 4),
		line(["ederror", "70000", "gone"], 5),
		line(["fall-through"], 6),
		line(["answer"], 7),
	]))
	count(m) == 5
	some a in m
	contains(a, "`unknown rcode nxdomain`")
	some b in m
	contains(b, "could not parse regex: ^(.*\\.example\\.org\\.$")
	some c in m
	contains(c, "`error parsing extended DNS error code gone, strconv.ParseUint: parsing \"70000\": value out of range`")
	some d in m
	contains(d, "after 'fall-through'`")
	some e in m
	contains(e, "after 'answer'`")
}

test_valid if {
	count(rule.report) == 0 with input as tmpl(["ANY", "ANY", "reddog.microsoft.com"], [line(["rcode", "NXDOMAIN"], 3)])
	count(rule.report) == 0 with input as tmpl(["IN", "A", "example.org"], [
		line(["match", "^(www|api)\\.example\\.org\\.$"], 3),
		line(["answer", "{{ .Name }} 60 IN A 10.0.0.1"], 4),
		line(["ederror", "15", "blocked"], 5),
		line(["fallthrough"], 6),
		line(["upstream"], 7),
	])
}

test_templates_that_do_not_compile if {
	some f in rule.report with input as tmpl(["ANY", "ANY"], [line(["answer", "{{"], 3)])
	f.location == pos(3, 10)
	contains(f.message, "`could not compile template: {{, template: answer:1: unclosed action`")
	some g in rule.report with input as tmpl(["ANY", "ANY"], [line(["authority", "{{ notAFunction }}"], 3)])
	contains(g.message, "`could not compile template: {{ notAFunction }}, template: authority:1: function \"notAFunction\" not defined`")
}

test_templates_that_compile if {
	count(rule.report) == 0 with input as tmpl(["IN", "A"], [
		line(["match", `^ip-(\d+)-(\d+)-(\d+)-(\d+)[.]example[.]$`], 3),
		line(["answer", "{{ .Name }} 60 IN A {{ index .Match 1 }}.{{ index .Match 2 }}.{{ index .Match 3 }}.{{ index .Match 4 }}"], 4),
		line(["additional", "{{ .Name }} 60 IN TXT \"{{ parseInt (index .Match 1) 10 8 }}\""], 5),
		line(["authority", "{{ .Values.soa | quote }}"], 6),
	])
}

test_parse_int_from_1_10_0 if {
	some f in rule.report with input as tmpl(["IN", "A"], [line(["answer", "{{ parseInt \"1\" 10 8 }}"], 3)]) with data.dnslint.config as {"coredns_version": "1.9.3"}
	contains(f.message, "function \"parseInt\" not defined")
}

test_long_match_from_1_14_0 if {
	long := concat("", ["a" | some _ in numbers.range(1, 10001)])
	some f in rule.report with input as tmpl(["ANY", "A"], [line(["match", long], 3)])
	contains(f.message, "`regex pattern too long: 10001 > 10000`")
	count(rule.report) == 0 with input as tmpl(["ANY", "A"], [line(["match", long], 3)]) with data.dnslint.config as {"coredns_version": "1.13.1"}
}
