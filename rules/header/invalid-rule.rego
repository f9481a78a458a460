# METADATA
# title: header block that CoreDNS refuses
# description: |-
#   Each line of a `header { }` block is a rule: from CoreDNS 1.9.4 `query|response ACTION
#   FLAG...`, before it `ACTION FLAG...`; ACTION is `set` or `clear` and each FLAG `aa`, `ra`
#   or `rd` (in any case). header's setup function stops CoreDNS at the first line it
#   cannot use: `setting up rule: invalid selector=foo should be query or response`,
#   `setting up rule: invalid length for flags, at least one should be provided` (no flag),
#   `setting up rule: no flag action provided`,
#   `setting up rule: unknown flag action=foo, should be set or clear`,
#   `setting up rule: unknown/unsupported flag=xx` (1.9.3 spells it `seting up rule`), and a
#   header without any rule (`header {}`) exits with
#   `Wrong argument count or unexpected line ending after '{}'`. From 1.9.4 to 1.12.3 a rule
#   without selector (`set ra`) is still read, for responses, and CoreDNS logs a deprecation
#   warning, reported here as a warning that quotes it (from 1.12.4 such a rule is
#   corefile/removed-option's).
# related_resources:
#   - ref: https://coredns.io/plugins/header/
#     description: header plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/header/setup.go parse and header.go newRules @ v1.9.3, v1.10.0, v1.11.3, v1.14.7; CoreDNS's own header setup tests (make fidelity-setup); testdata/fidelity/header-unknown-flag.corefile"
#   bad: |-
#     .:53 {
#         header {
#             response set aa tc
#         }
#     }
#   good: |-
#     .:53 {
#         header {
#             response set aa
#         }
#     }
package dnslint.rules.header["invalid-rule"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(p.pos, exits(x.directive, p)) if {
	some x in corefile.directives("header")
	ps := [q | some l in x.directive.block; q := line_problem(l)]
	count(ps) > 0
	p := ps[0]
}

# No rule at all: caddy's ArgErr after the last word of the directive.
report contains report.finding(d.pos, exits(d, {"error": plugins.argerr(last_word(d)), "fix": "Give header at least one rule, e.g. `header { response set ra }`"})) if {
	some x in corefile.directives("header")
	d := x.directive
	count(d.block) == 0
	not plugins.templated(last_word(d))
}

last_word(d) := d.args[count(d.args) - 1].text if count(d.args) > 0

else := d.name

exits(d, p) := sprintf("CoreDNS %s exits at start-up: header refuses this with `%s`%s. %s", [corefile.version, p.error, corefile.where(d), p.fix])

deprecated_form if {
	plugins.at_least("1.9.4")
	not plugins.at_least("1.12.4")
}

# The warning CoreDNS 1.9.4 to 1.12.3 logs at start-up for a rule without selector.
report contains report.graded(l.pos, msg, "warning") if {
	deprecated_form
	some x in corefile.directives("header")
	some l in x.directive.block
	lower(l.name) in {"set", "clear"}
	msg := sprintf("CoreDNS %s logs at start-up `The selector for header rule in line … isn't explicit defined. Assume rule applies for selector 'response'. This syntax is deprecated. In future versions of CoreDNS the selector must be explicit defined.`%s, and from 1.12.4 refuses the rule. Write `response %s …` (or `query %s …`)", [corefile.version, corefile.where(l), lower(l.name), lower(l.name)])
}

prefix := "setting up rule: " if plugins.at_least("1.9.4")

else := "seting up rule: "

selectors := {"query", "response"}

# line_problem is what the setup function says of a block line, if anything.
line_problem(l) := {"pos": l.pos, "error": sprintf("%sinvalid selector=%s should be query or response", [prefix, lower(l.name)]), "fix": "Start each rule with `query` or `response`"} if {
	plugins.at_least("1.9.4")
	not lower(l.name) in selectors
	not lower(l.name) in {"set", "clear"} # before 1.12.4 deprecated, then corefile/removed-option's
	not plugins.templated(l.name)
}

# 1.9.4 to 1.12.3: a rule without selector is read as `response ACTION FLAG...`.
line_problem(l) := p if {
	deprecated_form
	lower(l.name) in {"set", "clear"}
	p := rules_problem(l, {"text": l.name, "pos": l.pos}, l.args)
}

line_problem(l) := p if {
	plugins.at_least("1.9.4")
	lower(l.name) in selectors
	p := rules_problem(l, action_of(l.args), array.slice(l.args, 1, count(l.args)))
}

line_problem(l) := p if {
	not plugins.at_least("1.9.4")
	p := rules_problem(l, {"text": l.name, "pos": l.pos}, l.args)
}

action_of(args) := args[0] if count(args) > 0

else := {"text": "", "pos": null}

# rules_problem is newRules(action, flags).
rules_problem(l, action, flags) := {"pos": l.pos, "error": concat("", [prefix, "no flag action provided"]), "fix": "Write `set` or `clear` and the flags"} if {
	action.text == ""
} else := {"pos": l.pos, "error": concat("", [prefix, "invalid length for flags, at least one should be provided"]), "fix": "Name the flags to set or clear: `aa`, `ra`, `rd`"} if {
	count(flags) == 0
} else := {"pos": action.pos, "error": sprintf("%sunknown flag action=%s, should be set or clear", [prefix, lower(action.text)]), "fix": "Use `set` or `clear`"} if {
	not lower(action.text) in {"set", "clear"}
	not plugins.templated(action.text)
} else := {"pos": f.pos, "error": sprintf("%sunknown/unsupported flag=%s", [prefix, lower(f.text)]), "fix": "header sets or clears only `aa`, `ra` and `rd`"} if {
	bad := [g | some g in flags; not lower(g.text) in {"aa", "ra", "rd"}; not plugins.templated(g.text)]
	count(bad) > 0
	f := bad[0]
}
