package dnslint.rules.resolv["search-limits_test"]

import data.dnslint.rules.resolv["search-limits"] as rule

# line is a search line of n domains of size characters each: domain i at column
# 8 + i × (size + 1).
line(n, size) := concat(" ", array.concat(["search"], [sprintf("%s%02d.example", [concat("", [x | some _ in numbers.range(1, size - 10); x := "x"]), i]) | some i in numbers.range(0, n - 1)]))

# conf is the node's /etc/resolv.conf with a nameserver and the search lines given, from
# line 2 on.
conf(lines) := dnslint.test.input({"/etc/resolv.conf": concat("\n", array.flatten(["nameserver 10.0.0.10", lines, ""]))})

findings(lines, version) := r if {
	r := rule.report with input as conf(lines) with data.dnslint.config as {"kubernetes_version": version}
}

test_count if {
	r := findings([line(30, 12)], "1.34.0")
	count(r) == 1
	some f in r
	f.location == {"file": "/etc/resolv.conf", "line": 2, "col": 385, "end_line": 2, "end_col": 396}
	contains(f.message, "Resolv.conf file '/etc/resolv.conf' contains search line consisting of more than 29 domains!")
	some g in findings([line(4, 12)], "1.25.0")
	contains(g.message, "more than 3 domains!")
}

test_only_the_last_search_line_counts if {
	count(findings([line(30, 12), line(2, 12)], "1.34.0")) == 0
}

test_long_path if {
	some f in findings([line(1, 254)], "1.34.0")
	contains(f.message, "contains a search path which length is more than allowed 253 chars!")
}

test_total_length if {
	r := findings([line(28, 80)], "1.34.0")
	count(r) == 1
	some f in r
	contains(f.message, "contains search line which length is more than allowed 2048 chars!")
}

test_musl_line if {
	r := findings([line(20, 12)], "1.34.0")
	count(r) == 1
	some f in r
	contains(f.message, "musl")

	# 19 × 13 − 1 = 246 characters fit
	count(findings([line(19, 12)], "1.34.0")) == 0
}
