package dnslint.rules.resolv.syntax_test

import data.dnslint.rules.resolv.syntax

test_reports_resolv_errors_only if {
	# a NUL on line 2 of resolv.conf, and a YAML file that does not parse
	r := syntax.report with input as dnslint.test.input({
		"resolv.conf": "nameserver 10.0.0.1\nsearch a\u0000b\n",
		"cm.yaml": "apiVersion: v1\nkind: ConfigMap\ndata: [\n",
	})
	r == {{
		"message": "not a text file: the resolver reads bytes that are not UTF-8 text (or a NUL) as garbage",
		"location": {"file": "resolv.conf", "line": 2, "col": 9, "end_line": 2, "end_col": 9},
	}}
}

test_nameserver_without_address if {
	# glibc reads a keyword only at the start of a line: the indented line is skipped too,
	# but it has an address
	r := syntax.report with input as dnslint.test.input({"resolv.conf": "nameserver\n nameserver 10.0.0.1\n"})
	count(r) == 1
	some f in r
	f.location == {"file": "resolv.conf", "line": 1, "col": 1, "end_line": 1, "end_col": 10}
	contains(f.message, "nameserver list is empty")
}
