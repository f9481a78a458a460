# METADATA
# title: forward zone, health_check options or max_age that CoreDNS refuses
# description: |-
#   What forward's setup function checks beyond each block line's own value (those are
#   corefile/invalid-plugin-args'): the zone FROM must be a domain name
#   (`forward xxxx…(64 characters) 10.0.0.1` exits with `unable to normalize 'xxxx…'`);
#   after its interval, `health_check` takes only `no_rec` and `domain NAME`
#   (`health_check 0.5s rec` → `health_check: unknown option rec`,
#   `health_check 0.5s domain` → `Wrong argument count or unexpected line ending after 'domain'`,
#   and from CoreDNS 1.10.0 `health_check 0.5s domain example..org` →
#   `health_check: invalid domain name example..org`); and `max_age` (1.14.3) must not be
#   shorter than `expire` (`max_age (10s) must not be less than expire (30s)`).
# related_resources:
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/forward/setup.go (parseStanza, parseBlock) @ v1.9.3, v1.10.0, v1.14.7; plugin/normalize.go SplitHostPort; miekg/dns IsDomainName; CoreDNS's own forward setup tests (make fidelity-setup); testdata/fidelity/forward-health-check-options.corefile, forward-max-age-below-expire.corefile"
#   bad: |-
#     .:53 {
#         forward . 10.0.0.1 {
#             health_check 5s rec
#         }
#     }
#   good: |-
#     .:53 {
#         forward . 10.0.0.1 {
#             health_check 5s no_rec
#         }
#     }
package dnslint.rules.forward["invalid-option-value"]

import data.dnslint.lib.corefile
import data.dnslint.lib.kinds
import data.dnslint.lib.plugins
import data.dnslint.lib.report

# The zone: plugin.Host(from).NormalizeExact() is empty when the zone is no domain name.
report contains report.finding(from.pos, exits(line, sprintf("unable to normalize '%s'", [from.text]), "Write the zone as a domain name (labels of at most 63 characters), or `.` for every name")) if {
	some x in corefile.directives("forward")
	line := x.directive
	from := line.args[0]
	count(line.args) > 1
	not plugins.templated(from.text)
	not kinds.domain_name(zone_of(from.text))
}

# zone_of strips the transport and a port, as plugin.SplitHostPort does before IsDomainName.
zone_of(text) := strip_port(regex.replace(text, `^[a-z0-9]+://`, ""))

strip_port(s) := regex.replace(s, `:[0-9]+$`, "")

# health_check INTERVAL [no_rec] [domain NAME]: what follows the interval.
report contains report.finding(p.pos, exits(line, p.error, p.fix)) if {
	some x in corefile.directives("forward")
	some line in x.directive.block
	line.name == "health_check"
	count(line.args) > 1
	p := health_check_problem(line)
}

health_check_problem(line) := problems[0] if {
	problems := [p |
		some i, a in line.args
		i > 0
		not plugins.templated(a.text)
		p := health_check_option(line, i, a)
	]
	count(problems) > 0
}

health_check_option(line, i, a) := {"pos": a.pos, "error": sprintf("health_check: unknown option %s", [a.text]), "fix": "After the interval, health_check takes `no_rec` and `domain NAME`"} if {
	not a.text in {"no_rec", "domain"}
	not line.args[i - 1].text == "domain"
}

health_check_option(line, i, a) := {"pos": a.pos, "error": plugins.argerr("domain"), "fix": "Write `domain NAME`: the name the health check queries"} if {
	a.text == "domain"
	i == count(line.args) - 1
	not line.args[i - 1].text == "domain"
}

health_check_option(line, i, a) := {"pos": a.pos, "error": sprintf("health_check: invalid domain name %s", [a.text]), "fix": "Write a domain name: labels of 1 to 63 characters separated by single dots"} if {
	plugins.at_least("1.10.0")
	line.args[i - 1].text == "domain"
	i > 1
	not line.args[i - 2].text == "domain"
	not kinds.domain_name(a.text)
}

# max_age shorter than expire (both set, max_age above 0).
report contains report.finding(age.pos, exits(age, msg, "Make max_age at least as long as expire")) if {
	plugins.at_least("1.14.3")
	some x in corefile.directives("forward")
	age := last_line(x.directive, "max_age")
	exp := last_line(x.directive, "expire")
	age_ns := plugins.duration_ns(age.args[0].text)
	exp_ns := plugins.duration_ns(exp.args[0].text)
	age_ns > 0
	age_ns < exp_ns
	msg := sprintf("max_age (%s) must not be less than expire (%s)", [kinds.go_duration(age_ns), kinds.go_duration(exp_ns)])
}

last_line(d, name) := lines[count(lines) - 1] if {
	lines := plugins.options(d, name)
	count(lines) > 0
}

exits(line, err, fix) := sprintf("CoreDNS %s exits at start-up: forward refuses this with `plugin/forward: %s`%s. %s", [corefile.version, err, corefile.where(line), fix])
