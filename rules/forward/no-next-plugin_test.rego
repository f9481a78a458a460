package dnslint.rules.forward["no-next-plugin_test"]

import data.dnslint.rules.forward["no-next-plugin"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# zone_block is a Corefile whose block serves zone on port 53 and holds lines, from line 2 on.
zone_block(zone, lines) := parsed(concat("\n", array.flatten([
	sprintf("%s:53 {", [zone]),
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
])))

test_other_zone if {
	r := rule.report with input as zone_block("foo.example", ["errors", "forward bar.example 1.2.3.4"])
	count(r) == 1
	some f in r
	f.location == at(3, 13, 23)
	contains(f.message, "serves foo.example, but its forwards only take names in bar.example")
	contains(f.message, "plugin/forward: no next plugin found")
}

test_zone_forgotten if {
	some f in rule.report with input as zone_block(".", ["forward 8.8.8.8 1.1.1.1"])
	contains(f.message, "write `forward . 8.8.8.8 1.1.1.1`")
}

test_part_of_the_zone if {
	r := rule.report with input as zone_block("example.com", [
		"forward a.example.com 10.0.0.1",
		"forward b.example.com 10.0.0.2",
	])
	count(r) == 1
	some f in r
	f.location == at(3, 13, 25)
}

test_covered if {
	count(rule.report) == 0 with input as zone_block("foo.example", ["forward . 1.2.3.4"])
	count(rule.report) == 0 with input as zone_block("a.foo.example", ["forward foo.example 1.2.3.4"])
	count(rule.report) == 0 with input as zone_block("example.com", [
		"forward a.example.com 10.0.0.1",
		"forward . 10.0.0.2",
	])
}

test_other_answering_plugins if {
	count(rule.report) == 0 with input as zone_block(".", ["kubernetes cluster.local", "forward example.com 1.2.3.4"])
	count(rule.report) == 0 with input as zone_block(".", ["alternate", "forward example.com 1.2.3.4"])
}
