package dnslint.rules.forward.shadowed_test

import data.dnslint.rules.forward.shadowed as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose server block holds lines, from line 2 on.
cf(lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

main := "forward . /etc/resolv.conf"

sub := "forward example.com 10.0.0.1"

# override is a coredns-custom ConfigMap whose x.override key holds text (line 6): composed
# with the AKS default Corefile, which imports it below its own `forward . /etc/resolv.conf`.
override(text) := dnslint.test.input({"custom.yaml": concat("\n", [
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-custom, namespace: kube-system}",
	"data:",
	"  x.override: |",
	sprintf("    %s", [text]),
	"",
])})

test_subzone_after_root if {
	r := rule.report with input as cf([main, sub])
	{f.location | some f in r} == {at(3, 13, 23)}
	some f in r
	contains(f.message, "`forward example.com 10.0.0.1` comes after `forward . /etc/resolv.conf`, which already takes every name of example.com:")
	f.related == [{"message": "`forward . /etc/resolv.conf` answers every name of example.com first", "pos": at(2, 13, 13)}]
}

test_override_imported_after_the_main_forward if {
	some f in rule.report with input as override(sub)
	f.location == {"file": "custom.yaml", "line": 6, "col": 13, "end_line": 6, "end_col": 23}
	contains(f.message, "comes from /etc/coredns/custom/x.override, imported after the main `forward . /etc/resolv.conf`:")
	contains(f.message, "`example.com:53 { forward . 10.0.0.1 }`")
	[r.pos.file | some r in f.related] == ["<aks default Corefile>"]
}

test_root_override if {
	some f in rule.report with input as override("forward . tls://9.9.9.9")
	contains(f.message, "the main forward answers every query, so")
	contains(f.message, "reads from /etc/resolv.conf")
}

test_right_order_is_fine if {
	count(rule.report) == 0 with input as cf([sub, main])
}

test_sibling_zones_are_fine if {
	count(rule.report) == 0 with input as cf([sub, "forward example.org 10.0.0.2"])
}

test_except_or_next_lets_queries_through if {
	count(rule.report) == 0 with input as cf(["forward . 10.0.0.9 {", "    except example.com", "}", sub])
	count(rule.report) == 0 with input as cf(["forward . 10.0.0.9 {", "    next NXDOMAIN", "}", sub])
	count(rule.report) == 1 with input as cf(["forward . 10.0.0.9 {", "    except example.org", "}", sub])
}

test_not_before_1_9_4 if {
	count(rule.report) == 0 with input as cf([main, sub]) with data.dnslint.config as {"coredns_version": "1.9.3"}
}
