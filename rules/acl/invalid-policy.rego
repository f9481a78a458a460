# METADATA
# title: acl policy line with a section CoreDNS refuses
# description: |-
#   After its action (`allow`, `block`, `filter`, `drop`), each line of an `acl { }` block is a
#   list of sections, `type QTYPE...` and `net CIDR...` (the words `type` and `net` in any
#   case). acl's setup function stops CoreDNS at the first one it cannot read: a line that
#   does not start with a section (`block A net 192.168.0.0/16` →
#   `unexpected token "A"; expect 'type | net'`), a section without values
#   (`no token specified in "type" section`), a query type that miekg/dns does not know, in
#   upper case (`unexpected token "ABC"; expect legal QTYPE`), or a network Go's
#   net.ParseCIDR refuses once a lone address got its `/32` or `/128`
#   (`illegal CIDR notation "192.168.0.0/33"`). A `*` ends its section: what follows it in
#   the section is not read. The action itself is corefile/invalid-plugin-args'.
# related_resources:
#   - ref: https://coredns.io/plugins/acl/
#     description: acl plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/acl/setup.go (parse, isPreservedIdentifier, normalize) @ v1.9.3 and v1.14.7 (the sections are read alike); miekg/dns StringToType; CoreDNS's own acl setup tests (make fidelity-setup); testdata/fidelity/acl-bad-sections.corefile"
#   bad: |-
#     .:53 {
#         acl {
#             block type ABC net 192.168.0.0/33
#         }
#     }
#   good: |-
#     .:53 {
#         acl {
#             block type ANY net 192.168.0.0/16
#         }
#     }
package dnslint.rules.acl["invalid-policy"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

actions := {"allow", "block", "filter", "drop"}

report contains report.finding(p.pos, msg) if {
	some x in corefile.directives("acl")
	some line in x.directive.block
	lower(line.name) in actions
	not templated(line)
	problems := [q | some i, a in line.args; q := problem(line.args, i, a)]
	count(problems) > 0
	p := problems[0]
	msg := sprintf("CoreDNS %s exits at start-up: acl refuses this with `%s`%s. %s", [corefile.version, p.error, corefile.where(line), p.fix])
}

templated(line) if {
	some a in line.args
	plugins.templated(a.text)
}

section_word(text) if lower(text) in {"type", "net"}

# section_of is the section word the value at i belongs to, in lower case.
section_of(args, i) := lower(args[j].text) if {
	j := max([k | some k in numbers.range(0, i - 1); section_word(args[k].text)])
}

# after_star holds when a `*` earlier in the same section ended it.
after_star(args, i) if {
	some k in numbers.range(0, i - 1)
	args[k].text == "*"
	not section_between(args, k, i)
}

section_between(args, k, i) if {
	some m in numbers.range(k + 1, i)
	section_word(args[m].text)
}

problem(_, 0, a) := {"pos": a.pos, "error": sprintf("unexpected token %s; expect 'type | net'", [plugins.quote(a.text)]), "fix": "Start with a section: `type QTYPE...` or `net CIDR...`"} if {
	not section_word(a.text)
}

problem(args, i, a) := {"pos": a.pos, "error": sprintf("no token specified in %s section", [plugins.quote(lower(a.text))]), "fix": sprintf("Give the `%s` section at least one value", [lower(a.text)])} if {
	section_word(a.text)
	empty_section(args, i)
}

empty_section(args, i) if i == count(args) - 1

empty_section(args, i) if section_word(args[i + 1].text)

problem(args, i, a) := {"pos": a.pos, "error": sprintf("unexpected token %s; expect legal QTYPE", [plugins.quote(a.text)]), "fix": "Write a query type in upper case, such as `A`, `AAAA` or `ANY`, or `*`"} if {
	i > 0
	not section_word(a.text)
	section_of(args, i) == "type"
	a.text != "*"
	not after_star(args, i)
	not a.text in data.dnslint.plugins_args.dns.types
}

problem(args, i, a) := {"pos": a.pos, "error": sprintf("illegal CIDR notation %s", [plugins.quote(cidr)]), "fix": "Write an address or a CIDR such as `10.0.0.0/8`, or `*`"} if {
	i > 0
	not section_word(a.text)
	section_of(args, i) == "net"
	a.text != "*"
	not after_star(args, i)
	cidr := with_mask(a.text)
	not net.cidr_is_valid(cidr)
}

# with_mask is acl's normalize: a lone address gets /32 (IPv4) or /128 (with a colon).
with_mask(text) := text if contains(text, "/")

else := concat("", [text, "/128"]) if contains(text, ":")

else := concat("", [text, "/32"])
