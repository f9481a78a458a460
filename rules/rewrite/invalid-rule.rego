# METADATA
# title: rewrite rule that CoreDNS refuses
# description: |-
#   rewrite reads a rule from its arguments or, with fewer than two, from every word of its
#   block in turn (`rewrite stop { name regex … }`). Its setup function then refuses, and
#   CoreDNS exits at start-up: no rule at all (`no rule type specified for rewrite`),
#   `stop` or `continue` alone (`stop rule must begin with a rule type`; before 1.10.0
#   CoreDNS panics: `panic: runtime error: index out of range [1] with length 1`), a rule type it
#   does not know after `stop`/`continue` or inside the block (`invalid rule type "stop"`:
#   CoreDNS names the first word; `cname` came in 1.11.0, `rcode` after it), a rule starting
#   with `answer` (`response rewrites must begin with a name rule`), a `name` rule with fewer
#   than two values (`too few arguments for a name rule`) or an unknown match type, `class`
#   and `type` rules without exactly two values, a regex that does not compile
#   (`invalid regex matching pattern: [bad[`) or is longer than 10000 characters (1.14.0),
#   a replacement using more `{n}` groups than the pattern has, and answer rules that do not
#   follow `answer name|value FROM TO` / `answer auto`
#   (`name answer rule for regex rule: 2 arguments required`); a `cname` rule of other than
#   two or three values (`too few (4) arguments for a cname rule`), of an unknown match type
#   (`unknown cname rewrite type: foo`) or, from 1.14.0, with a regex that does not compile.
#   The rule type of a plain
#   `rewrite TYPE …` is corefile/invalid-plugin-args'.
# related_resources:
#   - ref: https://coredns.io/plugins/rewrite/
#     description: rewrite plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/rewrite/setup.go rewriteParse, rewrite.go newRule, name.go newNameRule/parseAnswerRules/isValidRegexPattern @ v1.9.3, v1.11.0, v1.11.3, v1.14.0, v1.14.7; CoreDNS's own rewrite setup tests (make fidelity-setup); testdata/fidelity/rewrite-block-answer-arity.corefile, rewrite-stop-alone.corefile"
#   bad: |-
#     .:53 {
#         rewrite stop {
#             name regex (.*)\.cluster\.example {1}.svc.cluster.local
#             answer name (.*)\.svc\.cluster\.local
#         }
#     }
#   good: |-
#     .:53 {
#         rewrite stop {
#             name regex (.*)\.cluster\.example {1}.svc.cluster.local
#             answer name (.*)\.svc\.cluster\.local {1}.cluster.example
#         }
#     }
package dnslint.rules.rewrite["invalid-rule"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(p.pos, msg) if {
	some x in corefile.directives("rewrite")
	d := x.directive
	ts := tokens(d)
	not templated(ts)
	p := first_problem(d, ts)
	msg := sprintf("CoreDNS %s exits at start-up: %s%s. %s", [corefile.version, refusal(p.error), corefile.where(d), p.fix])
}

refusal(err) := sprintf("rewrite panics on this rule with `%s`", [err]) if startswith(err, "panic:")

else := sprintf("rewrite refuses this rule with `plugin/rewrite: %s`", [err])

# tokens are the words rewriteParse gives newRule: the arguments, or with fewer than two,
# those followed by every word of the block (each line's name, then its arguments).
tokens(d) := d.args if count(d.args) >= 2

else := array.concat(d.args, [t |
	some l in d.block
	some t in array.concat([{"text": l.name, "pos": l.pos}], l.args)
]) if {
	not nested(d)
}

nested(d) if {
	some l in d.block
	count(l.block) > 0
}

templated(ts) if {
	some t in ts
	plugins.templated(t.text)
}

first_problem(d, ts) := ps[0] if {
	ps := [p | some p in problems(d, ts)]
	count(ps) > 0
}

problems(d, ts) := [{"pos": d.pos, "error": "no rule type specified for rewrite", "fix": "Write a rule: `rewrite name FROM TO`"}] if count(ts) == 0

else := [{"pos": ts[0].pos, "error": alone(lower(ts[0].text)), "fix": sprintf("Write the rule after `%s`: `rewrite %s name FROM TO`", [lower(ts[0].text), lower(ts[0].text)])}] if {
	count(ts) < 2
	lower(ts[0].text) in {"stop", "continue"}
}

else := rule_problems(d, ts, start(ts))

# alone is the error for `stop` or `continue` without a rule: before 1.10.0 newRule reads
# the missing rule type and CoreDNS panics (its output ends in a stack trace).
alone(word) := sprintf("%s rule must begin with a rule type", [word]) if plugins.at_least("1.10.0")

else := "panic: runtime error: index out of range [1] with length 1"

start(ts) := 2 if lower(ts[0].text) in {"stop", "continue"}

else := 1

rule_type(ts, s) := lower(ts[s - 1].text)

# types are the rule types newRule knows in the target release (answer: see below).
types := {"name", "class", "type", "edns0", "ttl", "cname", "rcode"} if plugins.at_least("1.11.1")

else := {"name", "class", "type", "edns0", "ttl", "cname"} if plugins.at_least("1.11.0")

else := {"name", "class", "type", "edns0", "ttl"}

rule_problems(d, ts, s) := [{"pos": ts[s - 1].pos, "error": "response rewrites must begin with a name rule", "fix": "Start with the name rule the answer rule belongs to: `name regex FROM TO answer name FROM TO`"}] if {
	rule_type(ts, s) == "answer"
}

# An unknown type: reported here after stop/continue or inside the block; the first word
# of `rewrite TYPE …` is corefile/invalid-plugin-args'.
else := [{"pos": ts[s - 1].pos, "error": sprintf("invalid rule type %s", [plugins.quote(ts[0].text)]), "fix": sprintf("Use a rule type of CoreDNS %s: %s", [corefile.version, concat(", ", sort(types))])}] if {
	not rule_type(ts, s) in types
	not first_word_checked(d, s)
}

else := [{"pos": ts[s - 1].pos, "error": sprintf("%s rules must have exactly two arguments", [rule_type(ts, s)]), "fix": sprintf("Write `%s FROM TO`", [rule_type(ts, s)])}] if {
	rule_type(ts, s) in {"class", "type"}
	count(ts) - s != 2
}

else := name_problems(ts, array.slice(ts, s, count(ts))) if rule_type(ts, s) == "name"

else := cname_problems(ts[s - 1], array.slice(ts, s, count(ts))) if {
	rule_type(ts, s) == "cname"
	"cname" in types
}

# first_word_checked holds when the rule type is the directive's first argument, which
# corefile/invalid-plugin-args checks.
first_word_checked(d, 1) if count(d.args) > 0

name_problems(ts, args) := [{"pos": ts[0].pos, "error": "too few arguments for a name rule", "fix": "Write `name FROM TO` or `name exact|prefix|suffix|substring|regex FROM TO`"}] if count(args) < 2

else := [] if count(args) == 2

else := array.concat(answer_problems(args), match_problems(args))

match_type(args) := lower(args[0].text)

match_problems(args) := [{"pos": args[0].pos, "error": sprintf("name rule supports only exact, prefix, suffix, substring, and regex name matching, received: %s", [match_type(args)]), "fix": "Use exact, prefix, suffix, substring or regex"}] if {
	not match_type(args) in {"exact", "prefix", "suffix", "substring", "regex"}
}

else := [p | p := pattern_problem(args[1], args[2].text, "")] if match_type(args) == "regex"

else := []

# pattern_problem is isValidRegexPattern(from, to): the pattern, then the {n} groups of to.
pattern_problem(from, to, prefix) := {"pos": from.pos, "error": sprintf("%sregex pattern too long: %d > 10000", [prefix, count(from.text)]), "fix": "Shorten the pattern to at most 10000 characters"} if {
	plugins.at_least("1.14.0")
	count(from.text) > 10000
} else := {"pos": from.pos, "error": sprintf("%sinvalid regex matching pattern: %s", [prefix, from.text]), "fix": "Fix the regular expression (Go RE2 syntax)"} if {
	not regex.is_valid(from.text)
} else := {"pos": from.pos, "error": sprintf("%sthe rewrite regex pattern (%s) uses more subexpressions than its corresponding matching regex pattern (%s)", [prefix, to, from.text]), "fix": "Use only as many `{n}` groups as the pattern has `( )` groups"} if {
	used := count([i | some i in numbers.range(0, 100); contains(to, sprintf("{%d}", [i]))])
	used > groups(from.text)
}

# groups counts the capturing groups of a valid RE2 pattern: "(" not escaped, not "(?".
groups(pattern) := count(regex.find_all_string_submatch_n(`(?:^|[^\\])(?:\\\\)*\((?:[^?]|\?P<)`, pattern, -1))

# answer_problems follows parseAnswerRules over the words after FROM TO: each step starts at
# a position of a graph whose edges are the steps, so every position reached is read.
answer_problems(args) := [] if count(args) <= 3

else := [{"pos": args[3].pos, "error": sprintf("invalid arguments for %s rule", [match_type(args)]), "fix": "Write `answer name FROM TO`, `answer value FROM TO` or `answer auto`"}] if count(args) == 4

else := first_answer_problem(args, array.slice(args, 3, count(args)))

first_answer_problem(args, ws) := [ps[0]] if {
	g := {p: next | some p in numbers.range(0, count(ws) - 1); next := [n | n := step(ws, p).next]}
	reached := graph.reachable(g, [0])
	ps := [q | some p in numbers.range(0, count(ws) - 1); p in reached; q := step_problem(args, ws, p)]
	count(ps) > 0
} else := []

# step is one turn of the loop at position p: where the type word is, and the next turn.
type_at(ws, p) := p + 1 if ws[p].text == "answer"

else := p

step(ws, p) := {"next": t + 1} if {
	t := type_at(ws, p)
	t < count(ws)
	ws[t].text == "auto"
}

step(ws, p) := {"next": t + 3} if {
	t := type_at(ws, p)
	ws[t].text in {"name", "value"}
	count(ws) - (t + 1) >= 2
}

step_problem(args, _, 0) := {"pos": ws0.pos, "error": sprintf("exceeded the number of arguments for a non-answer rule argument for %s rule", [match_type(args)]), "fix": "Start the answer rules with `answer`"} if {
	ws0 := args[3]
	ws0.text != "answer"
}

step_problem(args, ws, p) := {"pos": ws[p].pos, "error": sprintf("type missing for answer rule for %s rule", [match_type(args)]), "fix": "Write `answer name FROM TO`, `answer value FROM TO` or `answer auto`"} if {
	not bad_start(ws, p)
	type_at(ws, p) == count(ws)
}

step_problem(args, ws, p) := {"pos": ws[t].pos, "error": sprintf("%s answer rule for %s rule: 2 arguments required", [ws[t].text, match_type(args)]), "fix": sprintf("Write `answer %s FROM TO`", [ws[t].text])} if {
	not bad_start(ws, p)
	t := type_at(ws, p)
	ws[t].text in {"name", "value"}
	count(ws) - (t + 1) < 2
}

step_problem(args, ws, p) := object.union(q, {"error": concat("", [sprintf("%s answer rule for %s rule: ", [ws[t].text, match_type(args)]), q.error])}) if {
	not bad_start(ws, p)
	t := type_at(ws, p)
	ws[t].text in {"name", "value"}
	count(ws) - (t + 1) >= 2
	q := pattern_problem(ws[t + 1], ws[t + 2].text, "")
}

step_problem(args, ws, p) := {"pos": ws[t].pos, "error": sprintf("invalid type %s for answer rule for %s rule", [plugins.quote(ws[t].text), match_type(args)]), "fix": "Use `name`, `value` or `auto` after `answer`"} if {
	not bad_start(ws, p)
	t := type_at(ws, p)
	t < count(ws)
	not ws[t].text in {"name", "value", "auto"}
}

bad_start(ws, 0) if ws[0].text != "answer"

# cname (cname_target.go newCNAMERule): [TYPE] FROM TO, TYPE one of the name match types;
# from 1.14.0 a regex FROM must compile and be at most 10000 characters.
cname_problems(at, args) := [{"pos": at.pos, "error": sprintf("too few (%d) arguments for a cname rule", [count(args)]), "fix": "Write `cname [exact|prefix|suffix|substring|regex] FROM TO`"}] if {
	not count(args) in {2, 3}
} else := [{"pos": args[0].pos, "error": sprintf("unknown cname rewrite type: %s", [lower(args[0].text)]), "fix": "Use exact, prefix, suffix, substring or regex"}] if {
	count(args) == 3
	not lower(args[0].text) in {"exact", "prefix", "suffix", "substring", "regex"}
} else := [{"pos": args[1].pos, "error": sprintf("regex pattern too long in a cname rule: %d > 10000", [count(args[1].text)]), "fix": "Shorten the pattern to at most 10000 characters"}] if {
	plugins.at_least("1.14.0")
	count(args) == 3
	lower(args[0].text) == "regex"
	count(args[1].text) > 10000
} else := [{"pos": args[1].pos, "error": "invalid cname rewrite regex pattern: error parsing regexp: …", "fix": "Fix the regular expression (Go RE2 syntax)"}] if {
	plugins.at_least("1.14.0")
	count(args) == 3
	lower(args[0].text) == "regex"
	not regex.is_valid(lower(args[1].text))
} else := []
