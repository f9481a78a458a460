package dnslint.rules.acl["invalid-policy_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.acl["invalid-policy"] as rule

# findings of `acl { <line> }`: [column, message], the line at line 3 from column 9.
findings(line) := {[f.location.col, f.message] | some f in rule.report with input as model} if {
	model := corefile.server(["acl {", sprintf("    %s", [line]), "}"])
}

refused(line, col, text) if {
	fs := findings(line)
	count(fs) == 1
	some [c, m] in fs
	c == col
	contains(m, text)
}

test_sections_refused if {
	refused("block A net 192.168.0.0/16", 15, "`unexpected token \"A\"; expect 'type | net'`")
	refused("block type net 192.168.0.0/16", 15, "`no token specified in \"type\" section`")
	refused("block type A NET", 22, "`no token specified in \"net\" section`")
	refused("block type ABC net 192.168.0.0/16", 20, "`unexpected token \"ABC\"; expect legal QTYPE`")
	refused("block type a", 20, "`unexpected token \"a\"; expect legal QTYPE`")
	refused("block type A net 192.168.0.0/33", 26, "`illegal CIDR notation \"192.168.0.0/33\"`")
	refused("block type A net 2001::85a3::8a2e:370:7334", 26, "`illegal CIDR notation \"2001::85a3::8a2e:370:7334/128\"`")

	# only the first problem: CoreDNS stops there
	refused("block type ABC net 192.168.0.0/33", 20, "ABC")
}

test_sections_accepted if {
	every line in [
		"block", "drop type AAAA ANY", "allow net 10.0.0.1 fd00::1 10.0.0.0/8",
		"filter TYPE A NET *", "block type * BOGUS net * junk",
		"block net 192.168.0.0/16 type MX",
	] {
		count(findings(line)) == 0
	}
}
