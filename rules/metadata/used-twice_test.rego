package dnslint.rules.metadata["used-twice_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.metadata["used-twice"] as rule

test_second_metadata_refused if {
	r := rule.report with input as corefile.server(["metadata", "log", "metadata"])
	count(r) == 1
	some f in r
	f.location == {"file": "Corefile", "line": 4, "col": 5, "end_line": 4, "end_col": 12}
	contains(f.message, "`Wrong argument count or unexpected line ending after 'metadata'`")
}

test_one_metadata_per_block if {
	two := corefile.corefile([
		".:53 {",
		"    metadata",
		"}",
		"example.org:53 {",
		"    metadata",
		"}",
	])
	count(rule.report) == 0 with input as two
}
