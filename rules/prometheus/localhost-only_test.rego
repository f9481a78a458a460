package dnslint.rules.prometheus["localhost-only_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.prometheus["localhost-only"] as rule

# prometheus is a server block whose line 3 is `prometheus <address>` (line 2 is errors).
prometheus(address) := corefile.server(["errors", trim_space(sprintf("prometheus %s", [address]))])

test_no_address if {
	r := rule.report with input as prometheus("")
	count(r) == 1
	some f in r
	f.location == {"file": "Corefile", "line": 3, "col": 5, "end_line": 3, "end_col": 14}
	contains(f.message, "localhost:9153")
}

test_addresses if {
	every a in [":9153", "0.0.0.0:9153", "127.0.0.1:9153", "{$MY_HOST_IP}:9253"] {
		count(rule.report) == 0 with input as prometheus(a)
	}
}
