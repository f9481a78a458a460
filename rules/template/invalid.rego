# METADATA
# title: template that CoreDNS refuses
# description: |-
#   `template CLASS TYPE [ZONE...]` looks CLASS and TYPE up among the DNS names CoreDNS
#   knows, in upper case: `IN`, `CH`, `ANY`…; `A`, `AAAA`, `PTR`, `ANY`…. Anything else stops
#   CoreDNS at start-up: a bad class with `invalid query class in`, a bad type with
#   `invalid RR class AAA` (the message says class, as CoreDNS prints it). Inside the block,
#   `rcode` must be a known code (`unknown rcode NXDOMIAN`), each `match` a valid Go regular
#   expression (`could not parse regex: …`), `ederror` a number up to 65535, and any other
#   line is refused with `Wrong argument count or unexpected line ending after '…'`, as is
#   `match`, `answer`, `additional` or `authority` without a value. Each `answer`,
#   `additional` and `authority` must compile as a Go text/template, as CoreDNS compiles it
#   (dnslint.template_parse; `parseInt` is a function from CoreDNS 1.10.0):
#   `answer "{{"` → `could not compile template: {{, template: answer:1: unclosed action`.
#   From 1.14.0 a `match` pattern longer than 10000 characters is refused
#   (`regex pattern too long: 10001 > 10000`). The pod crash-loops.
# related_resources:
#   - ref: https://coredns.io/plugins/template/
#     description: template plugin
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS plugin/template/setup.go @ v1.14.7 (templateParse; class and type lookups the same in v1.9.3), template.go newTemplate @ v1.9.3, v1.10.0, v1.14.7, maxRegexpLen @ v1.13.1, v1.14.0; CoreDNS's own template setup tests (make fidelity-setup); testdata/fidelity/template-does-not-compile.corefile; miekg/dns v1.1.72 StringToClass, StringToType, StringToRcode; verified by starting CoreDNS 1.14.7 (`template IN AAA`, `template in a`)
#   bad: |-
#     .:53 {
#         template IN AAA example.org {
#             rcode NXDOMAIN
#         }
#     }
#   good: |-
#     .:53 {
#         template IN AAAA example.org {
#             rcode NXDOMAIN
#         }
#     }
package dnslint.rules.template.invalid

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

dns := data.dnslint.plugins_args.dns

# The lines a template block accepts, with the number of values each needs at least.
options := {"match": 1, "answer": 1, "additional": 1, "authority": 1, "rcode": 1, "ederror": 1, "fallthrough": 0, "upstream": 0}

report contains report.finding(p.at.pos, msg) if {
	some p in problems
	msg := sprintf("CoreDNS exits at start-up with `%s`%s. %s", [p.error, corefile.where(p.line), p.fix])
}

# The directive: CLASS and TYPE.
problems contains {"at": d, "line": d, "error": plugins.argerr(last(d)), "fix": "`template` needs a CLASS and a TYPE: `template IN A example.org`"} if {
	some d in templates
	count(d.args) < 2
	not bad_class(d)
}

problems contains {"at": c, "line": d, "error": sprintf("invalid query class %s", [c.text]), "fix": spelled(c.text, dns.classes, "IN, CH or ANY")} if {
	some d in templates
	bad_class(d)
	c := d.args[0]
}

problems contains {"at": t, "line": d, "error": sprintf("invalid RR class %s", [t.text]), "fix": spelled(t.text, dns.types, "A, AAAA, PTR or ANY")} if {
	some d in templates
	not bad_class(d)
	t := d.args[1]
	not t.text in dns.types
	not plugins.templated(t.text)
}

# The block lines: unknown ones, missing values, bad values.
problems contains {"at": l, "line": l, "error": plugins.argerr(l.name), "fix": "The template block takes `match`, `answer`, `additional`, `authority`, `rcode`, `ederror` and `fallthrough`"} if {
	some l in lines
	not options[l.name]
	not plugins.templated(l.name)
}

problems contains {"at": l, "line": l, "error": plugins.argerr(l.name), "fix": sprintf("`%s` needs a value", [l.name])} if {
	some l in lines
	count(l.args) < options[l.name]
}

problems contains {"at": l.args[2], "line": l, "error": plugins.argerr(last(l)), "fix": "`ederror` takes a code and an optional reason"} if {
	some l in lines
	l.name == "ederror"
	count(l.args) > 2
}

problems contains {"at": v, "line": l, "error": sprintf("unknown rcode %s", [v.text]), "fix": spelled(v.text, dns.rcodes, "NXDOMAIN, NOERROR or SERVFAIL")} if {
	some l in lines
	l.name == "rcode"
	v := l.args[0]
	not v.text in dns.rcodes
	not plugins.templated(v.text)
}

problems contains {"at": v, "line": l, "error": sprintf("could not parse regex: %s, error parsing regexp: …", [v.text]), "fix": "Fix the regular expression (Go RE2 syntax)"} if {
	some l in lines
	l.name == "match"
	some v in l.args
	not regex.is_valid(v.text)
}

problems contains {"at": v, "line": l, "error": err, "fix": "Use an extended DNS error code from 0 to 65535"} if {
	some l in lines
	l.name == "ederror"
	count(l.args) <= 2
	v := l.args[0]
	err := sprintf("error parsing extended DNS error code %s, strconv.ParseUint: parsing %s: %s", [last(l), plugins.quote(v.text), uint16_error(v.text)])
}

templates contains x.directive if some x in corefile.directives("template")

lines contains l if {
	some d in templates
	some l in d.block
}

bad_class(d) if {
	not d.args[0].text in dns.classes
	not plugins.templated(d.args[0].text)
}

# spelled suggests the upper-case spelling CoreDNS wants, or lists the common names.
spelled(text, known, common) := sprintf("Write `%s`: CoreDNS compares the names case-sensitively", [upper(text)]) if upper(text) in known

else := sprintf("Use a name CoreDNS knows, in upper case, such as %s", [common])

last(l) := l.args[count(l.args) - 1].text if count(l.args) > 0

else := l.name

uint16_error(text) := "invalid syntax" if not regex.match(`^[0-9]+$`, text)

else := "value out of range" if not uint16(text)

uint16(text) if plugins.integer(text) <= 65535

# answer, additional and authority: each value compiles as a Go text/template (newTemplate).
problems contains {"at": v, "line": l, "error": sprintf("could not compile template: %s, %s", [v.text, err]), "fix": "Fix the Go template (text/template syntax; `{{ .Name }}`, `{{ index .Match 1 }}`)"} if {
	some l in lines
	l.name in {"answer", "additional", "authority"}
	some v in l.args
	not helm(v.text)
	err := dnslint.template_parse(l.name, v.text, template_funcs)
	err != ""
}

# helm holds for a value that is still a Helm chart's template (its objects or functions):
# the value CoreDNS reads is what Helm renders. Go template actions of CoreDNS's own
# (`{{ .Name }}`) are what is checked, so plugins.templated does not apply here.
helm(text) if regex.match(`\{\{-?\s*(\.(Values|Release|Chart|Capabilities|Files|Template)\b|(include|tpl|toYaml|required|default|quote)\b|\$)`, text)

helm(text) if corefile.placeholder(text)

# template_funcs are the functions CoreDNS declares to its templates.
template_funcs := ["parseInt"] if plugins.at_least("1.10.0")

else := []

# match: from 1.14.0 a pattern of more than 10000 characters is refused before it is compiled.
problems contains {"at": v, "line": l, "error": sprintf("regex pattern too long: %d > 10000", [count(v.text)]), "fix": "Shorten the regular expression to at most 10000 characters"} if {
	plugins.at_least("1.14.0")
	some l in lines
	l.name == "match"
	some v in l.args
	count(v.text) > 10000
}
