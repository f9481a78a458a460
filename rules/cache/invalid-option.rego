# METADATA
# title: cache block line or value CoreDNS refuses
# description: |-
#   The `cache { }` block takes only `success`, `denial`, `prefetch`, `serve_stale`,
#   `serve_stale_policy`, `servfail`, `disable` and `keepttl` — some of them only in newer
#   releases (`serve_stale` 1.6.6, `servfail` and `disable` 1.9.4, `keepttl` 1.10.1,
#   `serve_stale_policy` 1.14.7). Any other line stops CoreDNS at start-up with
#   `plugin/cache: … Error during parsing: Wrong argument count or unexpected line ending
#   after 'prefetch_all'` (not "unknown property": the cache plugin answers an unknown line
#   with an argument error). So do values it refuses, each with its own message: a zero or
#   negative TTL (`cache TTL can not be zero or negative: 0`), a negative minimum TTL,
#   a prefetch percentage without `%` or outside [10, 90]
#   (`percentage should fall in range [10, 90]: 95`), `servfail` above five minutes
#   (`caching SERVFAIL responses over 5 minutes is not permitted`), negative durations, a
#   `serve_stale` refresh mode other than `immediate`/`verify`, `disable` of something other
#   than `success` or `denial`, `serve_stale_policy` without `serve_stale`, numbers and
#   durations Go cannot parse (`time: missing unit in duration "10"`). Options follow
#   `--coredns-version`, and so do argument counts: the `serve_stale` verify timeout
#   (`serve_stale 1h verify 5s`) came in 1.14.4, and older releases exit with
#   `Wrong argument count or unexpected line ending after '5s'`. From 1.14.7 the values after
#   the mode are checked too: the verify timeout, the response TTL (a whole number of seconds
#   within the DNS TTL range: `serve_stale 1h immediate 1.5s` →
#   `serve_stale response TTL must be a whole number of seconds`) and the failure recheck (at
#   most 5 minutes: `serve_stale failure recheck cannot exceed 5 minutes`). The plain
#   `cache 0` is reported by cache/low-ttl.
# related_resources:
#   - ref: https://coredns.io/plugins/cache/
#     description: cache plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/cache/setup.go (cacheParse, parseServeStaleTTL, parseServeStaleRecheck) @ v1.9.3, v1.14.3, v1.14.7 and the release notes; CoreDNS's own cache setup tests (make fidelity-setup); testdata/fidelity/cache-serve-stale-response-ttl.corefile; `prefetch_all` and `servfail 10m` verified by starting CoreDNS 1.14.7"
#   bad: |-
#     .:53 {
#         forward . /etc/resolv.conf
#         cache 30 {
#             prefetch_all
#             servfail 10m
#         }
#     }
#   good: |-
#     .:53 {
#         forward . /etc/resolv.conf
#         cache 30 {
#             prefetch 10 1m 20%
#             servfail 5s
#         }
#     }
package dnslint.rules.cache["invalid-option"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

facts := data.dnslint.cache

# lines are the lines of every cache block, each with the block's other lines. An array:
# a set would compare whole blocks to sort its elements.
lines := [{"line": l, "block": x.directive.block} |
	some x in corefile.directives("cache")
	some l in x.directive.block
]

# checked are the lines of known options with an argument count CoreDNS accepts: their
# values are checked.
checked := [x |
	some x in lines
	known(x.line.name)
	n := count(x.line.args)
	n >= facts.args[x.line.name].min
	not too_many(x.line)
]

too_many(l) if count(l.args) > max_args(l.name)

# max_args is the most arguments the target release takes for a line; undefined: no limit.
max_args(name) := fits[0] if {
	fits := [e.max | some e in object.get(facts.args[name], "earlier", []); semver.compare(corefile.version, e.before) < 0]
	count(fits) > 0
} else := facts.args[name].max

has_line(block, name) if {
	some l in block
	l.name == name
}

since(v) if semver.compare(corefile.version, v) >= 0

known(name) if since(object.get(facts.options[name], "first", "0.0.0"))

exits(err, line) := sprintf("CoreDNS %s exits at start-up with `%s`%s", [corefile.version, err, corefile.where(line)])

# A line that is no cache option (in the target release).
report contains report.finding(l.pos, msg) if {
	some x in lines
	l := x.line
	not known(l.name)
	not plugins.templated(l.name)
	msg := sprintf("`%s` is no option of cache in CoreDNS %s, which exits at start-up with `%s`%s. %s", [
		l.name, corefile.version, plugins.argerr(l.name), corefile.where(l), advice(l.name),
	])
}

advice(name) := sprintf("It came in CoreDNS %s: upgrade, or remove the line", [o.first]) if {
	o := facts.options[name]
} else := sprintf("Did you mean `%s`?", [spelled]) if {
	spelled := replace(lower(name), "-", "_")
	facts.options[spelled]
} else := sprintf("`%s` is a plugin: write it on its own line of the server block", [name]) if {
	data.dnslint.coredns.plugins[name]
} else := sprintf("Did you mean `%s`?", [meant]) if {
	meant := dnslint.closest(name, [o | some o, _ in facts.options; known(o)])
} else := sprintf("The cache block takes only %s", [concat(", ", [sprintf("`%s`", [o]) | some o, _ in facts.options])])

# Too few or too many arguments: caddy's ArgErr names the last token read.
report contains report.finding(l.pos, exits(plugins.argerr(l.name), l)) if {
	some x in lines
	l := x.line
	known(l.name)
	count(l.args) < facts.args[l.name].min
}

report contains report.finding(last.pos, exits(plugins.argerr(last.text), l)) if {
	some x in lines
	l := x.line
	known(l.name)
	too_many(l)
	last := l.args[count(l.args) - 1]
}

# Numbers: strconv.Atoi.
report contains report.finding(a.pos, exits(plugins.atoi_error(a.text), l)) if {
	some x in checked
	l := x.line
	some i, a in l.args
	integer_arg(l.name, i)
	not plugins.templated(a.text)
	not plugins.integer(a.text)
}

integer_arg(name, i) if {
	name in {"success", "denial"}
	i < 3
}

integer_arg("prefetch", 0)

# success/denial CAPACITY [TTL [MINTTL]].
report contains report.finding(ttl.pos, exits(sprintf("cache TTL can not be zero or negative: %d", [n]), l)) if {
	some x in checked
	l := x.line
	l.name in {"success", "denial"}
	ttl := l.args[1]
	not plugins.templated(ttl.text)
	n := plugins.integer(ttl.text)
	n <= 0
}

report contains report.finding(floor.pos, exits(sprintf("cache min TTL can not be negative: %d", [n]), l)) if {
	some x in checked
	l := x.line
	l.name in {"success", "denial"}
	floor := l.args[2]
	not plugins.templated(floor.text)
	n := plugins.integer(floor.text)
	n < 0
}

# prefetch AMOUNT [DURATION [PERCENTAGE%]].
report contains report.finding(a.pos, exits(sprintf("prefetch amount should be positive: %d", [n]), l)) if {
	some x in checked
	l := x.line
	l.name == "prefetch"
	a := l.args[0]
	n := plugins.integer(a.text)
	not plugins.templated(a.text)
	n < 0
}

report contains report.finding(pct.pos, exits(err, l)) if {
	some x in checked
	l := x.line
	l.name == "prefetch"
	pct := l.args[2]
	not plugins.templated(pct.text)
	err := percentage_error(pct.text)
}

percentage_error(text) := sprintf("last character of percentage should be `%%`, but is: '%s'", [substring(text, count(text) - 1, 1)]) if {
	not endswith(text, "%")
} else := plugins.atoi_error(number) if {
	number := trim_suffix(text, "%")
	not plugins.integer(number)
} else := sprintf("percentage should fall in range [%d, %d]: %d", [r.min, r.max, n]) if {
	r := facts.prefetch_percentage
	n := plugins.integer(trim_suffix(text, "%"))
	not in_range(n, r)
}

in_range(n, r) if {
	n >= r.min
	n <= r.max
}

# Durations: time.ParseDuration, then each option's own limits.
report contains report.finding(a.pos, exits(plugins.duration_error(a.text), l)) if {
	some x in checked
	l := x.line
	some i, a in l.args
	duration_arg(l.name, i)
	not plugins.templated(a.text)
	plugins.duration_error(a.text)
}

duration_arg("prefetch", 1)

duration_arg("serve_stale", 0)

duration_arg("servfail", 0)

report contains report.finding(a.pos, exits(err, l)) if {
	some x in checked
	l := x.line
	a := l.args[0]
	ns := plugins.duration_ns(a.text)
	not plugins.templated(a.text)
	err := duration_limit(l.name, ns)
}

duration_limit("serve_stale", ns) := "invalid negative duration for serve_stale" if ns < 0

duration_limit("servfail", ns) := "invalid negative ttl for servfail" if ns < 0

duration_limit("servfail", ns) := "caching SERVFAIL responses over 5 minutes is not permitted" if {
	ns > plugins.duration_ns(facts.servfail_max)
}

# serve_stale DURATION MODE: immediate or verify, in any case.
report contains report.finding(mode.pos, exits(sprintf("invalid value for serve_stale refresh mode: %s", [lower(mode.text)]), l)) if {
	some x in checked
	l := x.line
	l.name == "serve_stale"
	mode := l.args[1]
	not plugins.templated(mode.text)
	not lower(mode.text) in facts.serve_stale_modes
}

# serve_stale_policy prefer_positive, once, and only with serve_stale.
report contains report.finding(p.pos, exits(sprintf("invalid serve_stale_policy: %s", [p.text]), l)) if {
	some x in checked
	l := x.line
	l.name == "serve_stale_policy"
	count(l.args) == 1
	p := l.args[0]
	not plugins.templated(p.text)
	not lower(p.text) in facts.serve_stale_policies
}

report contains report.finding(l.pos, exits("serve_stale_policy can only be specified once", l)) if {
	some x in checked
	l := x.line
	l.name == "serve_stale_policy"
	some other in x.block
	other.name == "serve_stale_policy"
	other.pos.line < l.pos.line
}

report contains report.finding(l.pos, exits("serve_stale_policy requires serve_stale", l)) if {
	some x in checked
	l := x.line
	l.name == "serve_stale_policy"
	not has_line(x.block, "serve_stale")
}

# disable success|denial [ZONES...].
report contains report.finding(t.pos, exits(`cache type for disable must be "success" or "denial"`, l)) if {
	some x in checked
	l := x.line
	l.name == "disable"
	t := l.args[0]
	not plugins.templated(t.text)
	not t.text in facts.disable_types
}

# serve_stale DURATION MODE [VERIFY_TIMEOUT] [RESPONSE_TTL [FAILURE_RECHECK]] (1.14.7): the
# values after the mode, each as parseServeStaleTTL / parseServeStaleRecheck read them, and
# immediate with five arguments (no verify timeout to take the third). The first problem
# stops CoreDNS.
report contains report.finding(p.pos, exits(p.error, l)) if {
	since("1.14.7")
	some x in checked
	l := x.line
	l.name == "serve_stale"
	count(l.args) > 2
	lower(l.args[1].text) in facts.serve_stale_modes
	problems := [q | some q in stale_problems(l)]
	count(problems) > 0
	p := problems[0]
}

# stale_problems are the problems of the arguments after the mode, in order.
stale_problems(l) := [p |
	some i, a in l.args
	i > 1
	not plugins.templated(a.text)
	p := {"pos": a.pos, "error": stale_error(stale_role(l, i), a.text)}
] if lower(l.args[1].text) == "verify"

else := [{"pos": l.args[4].pos, "error": plugins.argerr(l.args[4].text)}] if count(l.args) > 4

else := [p |
	some i, a in l.args
	i > 1
	not plugins.templated(a.text)
	p := {"pos": a.pos, "error": stale_error(stale_role(l, i), a.text)}
]

stale_role(l, i) := ["", "", "timeout", "ttl", "recheck"][i] if lower(l.args[1].text) == "verify"

else := ["", "", "ttl", "recheck"][i]

stale_error("timeout", v) := sprintf("invalid serve_stale verify timeout: %s", [plugins.duration_error(v)])

stale_error("timeout", v) := "invalid negative timeout for serve_stale verify" if plugins.duration_ns(v) < 0

stale_error("ttl", v) := sprintf("invalid serve_stale response TTL: %s", [plugins.duration_error(v)])

stale_error("ttl", v) := "invalid negative response TTL for serve_stale" if plugins.duration_ns(v) < 0

stale_error("ttl", v) := "serve_stale response TTL must be a whole number of seconds" if {
	ns := plugins.duration_ns(v)
	ns >= 0
	ns % 1000000000 != 0
}

stale_error("ttl", v) := "serve_stale response TTL exceeds the DNS TTL range" if {
	ns := plugins.duration_ns(v)
	ns % 1000000000 == 0
	ns / 1000000000 > 4294967295
}

stale_error("recheck", v) := sprintf("invalid serve_stale failure recheck: %s", [plugins.duration_error(v)])

stale_error("recheck", v) := "invalid negative failure recheck for serve_stale" if plugins.duration_ns(v) < 0

stale_error("recheck", v) := "serve_stale failure recheck cannot exceed 5 minutes" if plugins.duration_ns(v) > 300000000000
