# METADATA
# title: errors consolidate with its log level in the wrong place, or a regex too long
# description: |-
#   From CoreDNS 1.14.0 `consolidate DURATION REGEXP [LEVEL] [show_first]` takes an optional
#   log level and then an optional `show_first`, once each and in that order. Its setup
#   function refuses a second level (`consolidate 1m error warning error` →
#   `multiple log levels specified in consolidate`: the first `error` is the regex), a level
#   after `show_first` (`log level must come before show_first in consolidate`) and a regex
#   longer than 10000 characters (`regex pattern too long: 10001 > 10000`). The duration,
#   the regex syntax and unknown words are corefile/invalid-plugin-args'.
# related_resources:
#   - ref: https://coredns.io/plugins/errors/
#     description: errors plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/errors/setup.go parseConsolidate, parseOptionalParams @ v1.13.1, v1.14.0, v1.14.7; CoreDNS's own errors setup tests (make fidelity-setup); testdata/fidelity/errors-consolidate-two-levels.corefile"
#   bad: |-
#     .:53 {
#         errors {
#             consolidate 5m ".* i/o timeout$" show_first warning
#         }
#     }
#   good: |-
#     .:53 {
#         errors {
#             consolidate 5m ".* i/o timeout$" warning show_first
#         }
#     }
package dnslint.rules.errors["invalid-consolidate"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

levels := {"warning", "error", "info", "debug"}

report contains report.finding(p.pos, msg) if {
	plugins.at_least("1.14.0")
	some x in corefile.directives("errors")
	some l in x.directive.block
	l.name == "consolidate"
	count(l.args) >= 2
	count(l.args) <= 4
	plugins.duration_ns(l.args[0].text)
	ps := [q | q := too_long(l)] # the regex is looked at before the options
	p := first(ps, option_problems(l))
	msg := sprintf("CoreDNS %s exits at start-up: errors refuses this with `%s`%s. %s", [corefile.version, p.error, corefile.where(l), p.fix])
}

first(ps, second) := ps[0] if count(ps) > 0

else := qs[0] if {
	qs := [q | some q in second]
	count(qs) > 0
}

too_long(l) := {"pos": l.args[1].pos, "error": sprintf("regex pattern too long: %d > 10000", [count(l.args[1].text)]), "fix": "Shorten the regular expression to at most 10000 characters"} if {
	count(l.args[1].text) > 10000
}

# option_problems follows parseOptionalParams over the words after the regex.
option_problems(l) := [p |
	regex.is_valid(l.args[1].text)
	some i, a in l.args
	i >= 2
	a.text in levels
	p := level_problem(array.slice(l.args, 2, i), a)
]

level_problem(before, a) := {"pos": a.pos, "error": "multiple log levels specified in consolidate", "fix": "Give consolidate one log level"} if {
	known_words(before)
	some b in before
	b.text in levels
} else := {"pos": a.pos, "error": "log level must come before show_first in consolidate", "fix": "Write the log level, then `show_first`"} if {
	known_words(before)
	some b in before
	b.text == "show_first"
}

# known_words: no word before that parseOptionalParams would have refused first.
known_words(before) if {
	every b in before {
		b.text in (levels | {"show_first"})
	}
}
