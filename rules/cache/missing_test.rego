package dnslint.rules.cache.missing_test

import data.dnslint.rules.cache.missing as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

test_forward_without_cache if {
	r := rule.report with input as parsed(`
		corp.example:53 {
		    errors
		    forward . 10.20.0.53
		    forward x.corp.example 10.20.0.54
		}
	`)
	count(r) == 1
	some f in r
	f.location == at(3, 5, 11)
}

test_with_cache if {
	count(rule.report) == 0 with input as parsed(`
		.:53 {
		    forward . 10.0.0.1
		    cache 30
		}
	`)
}

test_cache_in_another_block_does_not_count if {
	r := rule.report with input as parsed(`
		.:53 {
		    forward . 10.0.0.1
		    cache 30
		}

		corp.example:53 {
		    forward . 10.20.0.53
		}
	`)
	count(r) == 1
	some f in r
	f.location == at(7, 5, 11)
}
