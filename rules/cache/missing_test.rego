package dnslint.rules.cache.missing_test

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.cache.missing as rule

test_forward_without_cache if {
	r := rule.report with input as t.corefile([t.block(["corp.example."], [
		t.line("errors", [], [], 2),
		t.line("forward", [".", "10.20.0.53"], [], 3),
		t.line("forward", ["x.corp.example", "10.20.0.54"], [], 4),
	])])
	t.locations(r) == {t.pos(3, 5)}
}

test_with_cache if {
	count(rule.report) == 0 with input as t.corefile([t.block(["."], [t.line("forward", [".", "10.0.0.1"], [], 2), t.line("cache", ["30"], [], 3)])])
}

test_cache_in_another_block_does_not_count if {
	count(rule.report) == 1 with input as t.corefile([
		t.block(["."], [t.line("forward", [".", "10.0.0.1"], [], 2), t.line("cache", ["30"], [], 3)]),
		t.block(["corp.example."], [t.line("forward", [".", "10.20.0.53"], [], 6)]),
	])
}
