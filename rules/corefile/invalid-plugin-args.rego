# METADATA
# title: Plugin arguments or block lines that CoreDNS refuses
# description: |-
#   Each plugin's setup function reads its own arguments and block, and a value it cannot
#   use stops CoreDNS at start-up with that plugin's message: the pod crash-loops (on a
#   reload, the old configuration keeps running and the error is only logged). This rule
#   checks them as the setup functions do, with their messages, for the plugins in
#   rules/data/plugins_args.json (48 plugins): acl, any, auto, autopath, azure, bind,
#   bufsize, cancel, chaos, clouddns, dns64, dnssec, dnstap, erratic, errors, etcd, file,
#   forward, geoip, grpc, grpc_server, health, hosts, https, https3, k8s_external,
#   kubernetes, loadbalance, local, log, loop, metadata, nomad, pprof, prometheus,
#   proxyproto, quic, ready, rewrite, route53, secondary, shed, sign, trace, transfer,
#   tsig, view, whoami.
#   For example `errors { stack }` →
#   `Syntax error: Unexpected token 'stack', expecting 'Unknown field stack'`;
#   `health { timeout 3s }` → `unknown property 'timeout'` (health, ready and log refuse
#   unknown lines only from CoreDNS 1.14.4; ready ignored them before);
#   `health { lameduck 5 }` →
#   `unable to parse lameduck duration value: '5' : time: missing unit in duration "5"`;
#   `prometheus 9153` → `address 9153: missing port in address`; `loadbalance random` →
#   `unknown policy: random`; `rewrite nme a b` → `invalid rule type "nme"`;
#   `namespaces` with `namespace_labels` in a kubernetes block →
#   `namespaces and namespace_labels cannot both be set`; `bind 10.0.0.1:53` →
#   `not a valid IP address or interface name: "10.0.0.1:53"`. `bind` accepts interface
#   names, which only the node knows, so only names no Linux interface can have (longer than
#   15 characters, or with `/` or `:`) are reported. The checks follow `--coredns-version`:
#   options a release does not have yet are unknown to it, and releases older than what
#   the data describes are not checked. Before 1.12.2 `ready`, and before 1.14.3
#   `prometheus`, read no block: the `{` reads as a second use of the plugin and CoreDNS
#   exits with `plugin/ready: this plugin can only be used once per Server Block`. kubernetes `ttl` and `pods`, hosts entries,
#   the values of forward's block lines (`max_concurrent -4` →
#   `max_concurrent can't be negative: -4`, `read_timeout 0s`, `next`/`failover` rcodes,
#   `source_address`) are checked here too; template, reload, forward's option names and
#   cache have rules of their own; removed options
#   (kubernetes `upstream`, …) are corefile/removed-option's. view's `expr` is compiled as
#   CoreDNS compiles it (dnslint.expr_compile). Forms CoreDNS takes but warns about while
#   starting are warnings that quote its log line: route53 `aws_access_key` →
#   `Save aws_access_key in Corefile has been deprecated, please use other authentication methods instead`;
#   `forward 10.0.0.0/15 …` →
#   `Unsupported CIDR notation: '10.0.0.0/15' expands to multiple zones. Using only '0.10.in-addr.arpa.'.`
# related_resources:
#   - ref: https://coredns.io/plugins/
#     description: CoreDNS plugins
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS plugin/<name>/setup.go @ v1.14.7, compared with v1.9.3–v1.14.6 for the releases each check starts from; coredns/caddy caddyfile/dispenser.go (ArgErr, SyntaxErr); verified by starting CoreDNS 1.14.7 (errors { stack }, health { timeout 3s }, ready { foo }, bind eth99)
#   bad: |-
#     .:53 {
#         errors {
#             stack
#         }
#         health :8080 {
#             lameduck 5
#         }
#     }
#   good: |-
#     .:53 {
#         errors {
#             stacktrace
#         }
#         health :8080 {
#             lameduck 5s
#         }
#     }
package dnslint.rules.corefile["invalid-plugin-args"]

import data.dnslint.lib.corefile
import data.dnslint.lib.kinds
import data.dnslint.lib.plugins
import data.dnslint.lib.report

# checked are the directives whose plugin the data describes for the target release,
# each {"directive", "spec"}: an array (no set of directives to sort). Only the plugins
# the input names are looked up: working out every plugin's spec would cost each
# evaluation (one webhook review) as much as the rest of the rule.
checked := [{"directive": x.directive, "spec": spec} |
	some name in corefile.names
	spec := release_spec(data.dnslint.plugins_args.plugins[name])
	some x in corefile.directives(name)
]

# release_spec is how the target release reads the plugin: its newest description, else
# the newest of the `earlier` ones the release has reached.
release_spec(p) := p if plugins.at_least(p.from)

else := fits[0] if {
	fits := [e | some e in object.get(p, "earlier", []); plugins.at_least(e.from)]
	count(fits) > 0
}

# The directive's own arguments.
report contains report.finding(p.pos, fatal(c.directive.name, c.directive, p)) if {
	some c in checked
	s := args_spec(c.directive, object.get(c.spec, "args", {}))
	not quiet(count(c.directive.args), s)
	some p in problems(c.directive, s)
}

# A block where the plugin reads none: its `{` is read as an argument.
report contains report.finding(c.directive.pos, fatal(c.directive.name, c.directive, p)) if {
	some c in checked
	c.spec.block == false
	c.directive.has_block
	p := {"error": object.get(c.spec, "block_error", "Unexpected token '{', expecting argument"), "fix": no_block(c.directive.name, c.spec)}
}

no_block(name, spec) := sprintf("`%s` reads a block only from CoreDNS %s (before, its `{` reads as a second `%s`): remove the `{ }`, or upgrade", [name, spec.block_since, name]) if spec.block_since

else := sprintf("`%s` takes no block: remove the `{ }`", [name])

# The lines of its block that it knows.
report contains report.finding(p.pos, fatal(c.directive.name, l, p)) if {
	some c in checked
	some l in c.directive.block
	s := args_spec(l, option(c.spec, l.name))
	not quiet(count(l.args), s)
	some p in problems(l, s)
}

# The lines it does not know.
report contains report.finding(l.pos, fatal(c.directive.name, l, p)) if {
	some c in checked
	not c.spec.block == false
	some l in c.directive.block
	unknown_lines(c.spec) # hosts, for one, takes its entries as lines
	not option(c.spec, l.name)
	not removed_option(c.directive.name, l.name)
	not plugins.templated(l.name)
	p := {"error": unknown(c.spec, l.name), "fix": unknown_fix(c.directive.name, c.spec, l.name)}
}

# Options that need another one.
report contains report.finding(l.pos, fatal(c.directive.name, l, p)) if {
	some c in checked
	some l in c.directive.block
	needs := option(c.spec, l.name).requires
	count(plugins.options(c.directive, needs.option)) == 0
	p := {"error": needs.message, "fix": sprintf("Add `%s` to the block", [needs.option])}
}

# Options the plugin refuses together with another one.
report contains report.finding(l.pos, fatal(c.directive.name, l, p)) if {
	some c in checked
	some l in c.directive.block
	other := option(c.spec, l.name).conflicts
	count(plugins.options(c.directive, other.option)) > 0
	p := {"error": other.message, "fix": sprintf("Keep `%s` or `%s`, not both", [other.option, l.name])}
}

# removed_option holds for the options corefile/removed-option reports (rules/data/coredns.json).
removed_option(plugin, name) if {
	some o in data.dnslint.coredns.removed_options
	o.plugin == plugin
	o.option == name
}

# option is what the data says of the block line name, on a release that has it.
option(spec, name) := o if {
	o := spec.options[key(spec, name)]
	not too_new(o)
}

key(spec, name) := lower(name) if spec.fold_case

else := name

too_new(o) if {
	since := o.since
	not plugins.at_least(since)
}

# unknown_lines is whether the plugin refuses the lines it does not know, in the target
# release (unknown has a message for them): true or false, remembered for each plugin.
unknown_lines(spec) := count([u | some u in object.get(spec, "unknown", []); plugins.at_least(u.from)]) > 0

# unknown is the plugin's message for a line it does not know, in the target release.
unknown(spec, name) := text(applicable[0].message, name, {}) if {
	applicable := [u | some u in spec.unknown; plugins.at_least(u.from)]
	count(applicable) > 0
}

# unknown_fix names the option a misspelt line probably meant, then every option.
unknown_fix(plugin, spec, name) := sprintf("Did you mean `%s`? %s", [meant, accepted(plugin, spec)]) if {
	meant := dnslint.closest(name, [n | some n, o in spec.options; not too_new(o)])
} else := accepted(plugin, spec)

accepted(plugin, spec) := sprintf("The %s block accepts %s", [plugin, plugins.names(sort(names))]) if {
	names := [n | some n, o in spec.options; not too_new(o)]
	count(names) > 0
} else := sprintf("The %s plugin takes no block", [plugin])

# problems are what CoreDNS refuses in a line's arguments, given their shape s:
# {error, fix, pos}.
problems(line, s) := count_problems(line, s) if count(count_problems(line, s)) > 0

else := {p |
	some i, v in line.args
	t := type_at(s, i)
	not plugins.templated(v.text)
	err := type_error(t, v.text)
	p := {"error": err, "fix": type_fix(t), "pos": v.pos}
}

# quiet is whether n arguments under shape s can have no problems at all, whatever they
# are: s says nothing of them (most plugins and options), or their number fits and no type
# applies to any (most lines: `errors`, `health`, `loop`, …). A value for each count and
# shape, which OPA remembers (as it does not remember that a function was undefined), so
# that most lines cost a look-up instead of problems.
quiet(_, s) if count(object.filter(s, ["min", "max", "n", "types", "rest"])) == 0

quiet(n, s) if {
	fits(n, s)
	not typed(n, s)
}

default quiet(_, _) := false

# fits is whether n arguments raise no count problem (too_few, too_many) under shape s.
fits(n, s) := false if n < lower_bound(s)

else := false if n > upper(s)

else := false if {
	not n in s.n
	n < max(s.n)
	n >= lower_bound(s)
}

else := true

# typed is whether a type may apply to one of n arguments under shape s.
typed(n, s) if {
	n > 0
	count(object.filter(s, ["types", "rest"])) > 0
}

count_problems(line, s) := union({too_few(line, s), too_many(line, s)})

too_few(line, s) := {p |
	count(line.args) < lower_bound(s)
	p := {"error": few(line, s), "fix": wants(line, s), "pos": line.pos}
}

too_many(line, s) := {p |
	count(line.args) > upper(s)
	at := line.args[upper(s)]
	p := {"error": many(line, s), "fix": wants(line, s), "pos": at.pos}
} | {p |
	not count(line.args) in s.n
	count(line.args) < max(s.n)
	count(line.args) >= lower_bound(s)
	p := {"error": gap(line, s), "fix": wants(line, s), "pos": line.pos}
}

# gap is the message for a count between the bounds that is none of n (etcd's
# `credentials USER` → `credentials requires 2 arguments, username and password`).
gap(line, s) := s.gap if s.gap

else := plugins.argerr(last(line))

lower_bound(s) := s.min if s.min

else := min(s.n)

few(line, s) := text(s.few, last(line), {"{args}": concat(" ", [a.text | some a in line.args])}) if s.few

else := plugins.argerr(last(line))

many(line, s) := text(s.many, line.args[upper(s)].text, {}) if s.many

else := plugins.argerr(line.args[upper(s)].text) if s.at == "first"

else := plugins.argerr(last(line))

upper(s) := s.max if s.max

else := max(s.n)

last(line) := line.args[count(line.args) - 1].text if count(line.args) > 0

else := line.name

wants(line, s) := sprintf("Write `%s`", [s.usage]) if s.usage

else := sprintf("`%s` takes %s", [line.name, counted(s)])

counted(s) := "no value" if s.max == 0

else := "no value" if s.n == [0]

else := plugins.either([values(n) | some n in s.n]) if s.n

else := sprintf("from %d to %d values", [s.min, s.max]) if {
	s.min
	s.max
} else := sprintf("at least %s", [values(s.min)]) if s.min

else := sprintf("at most %s", [values(s.max)])

values(1) := "one value"

values(n) := sprintf("%d values", [n]) if n != 1

type_at(s, i) := s.types[i] if i < count(s.types)

else := s.rest if i >= count(object.get(s, "types", []))

# type_error is the setup function's message for a value of type t it refuses.
type_error(t, v) := text(t.message, v, {}) if {
	t.kind == "enum"
	not enum_value(t, v) in t.values
}

type_error(t, v) := text(t.message, v, {"{error}": err}) if {
	t.kind == "duration"
	err := plugins.duration_error(v)
}

type_error(t, v) := text(t.negative, v, {}) if {
	t.kind == "duration"
	plugins.duration_ns(v) < 0
	t.negative
}

type_error(t, v) := text(t.message, v, {"{error}": plugins.atoi_error(v)}) if {
	t.kind == "int"
	not plugins.integer(v)
}

type_error(t, v) := text(t.range, v, {"{value}": sprintf("%d", [n])}) if {
	t.kind == "int"
	n := plugins.integer(v)
	outside(t, n)
}

type_error(t, v) := plugins.address_error(v) if t.kind == "address"

type_error(t, v) := text(t.message, v, {}) if {
	t.kind == "bind"
	not plugins.ip(v)
	plugins.not_interface(v)
}

type_error(t, v) := text(t.message, v, {"{error}": "error parsing regexp: …"}) if {
	t.kind == "regex"
	not regex.is_valid(v)
}

# Kinds of value beyond the ones above live one file each in rules/lib/kinds/ (package
# dnslint.lib.kinds): error(t, v) is the setup function's message, fix[kind] the advice.
type_error(t, v) := kinds.error(t, v)

enum_value(t, v) := lower(v) if t.fold_case

else := v

outside(t, n) if n < t.min

outside(t, n) if n > t.max

type_fix(t) := sprintf("Use %s", [plugins.either([sprintf("`%s`", [v]) | some v in t.values])]) if t.kind == "enum"

type_fix(t) := sprintf("Use a whole number%s", [bounds(t)]) if t.kind == "int"

type_fix(t) := fixes[t.kind]

type_fix(t) := kinds.fix[t.kind]

fixes := {
	"duration": "Write a Go duration with its unit, e.g. `5s` or `1m`",
	"address": "Write `[HOST]:PORT`, e.g. `:9153` for every address of the pod",
	"bind": "Write an IP address of the node, or the name of one of its network interfaces",
	"regex": "Fix the regular expression (Go RE2 syntax)",
}

bounds(t) := sprintf(" from %d to %d", [t.min, t.max]) if {
	t.min
	t.max
} else := sprintf(" of at least %d", [t.min]) if t.min != null

else := ""

text(message, token, extra) := plugins.text(message, token, extra)

fatal(plugin, line, p) := sprintf("CoreDNS %s exits at start-up: the %s plugin refuses this with `%s`%s. %s", [
	corefile.version, plugin, p.error, corefile.where(line), p.fix,
])

# args_spec is the shape of a line's arguments: the one of its first argument's own form
# when the data names one (first: `dnstap listen ENDPOINT …` reads its values one place
# further; tsig's `require all` reads no type), else the one for its number of arguments
# (by_count: trace's `trace TYPE ENDPOINT` reads a type only with two), else s itself.
args_spec(d, s) := s.first[d.args[0].text] if count(d.args) > 0

else := by if by := s.by_count[format_int(count(d.args), 10)]

else := s

# Options a plugin reads once per block (once: its message for the second line).
report contains report.finding(l.pos, fatal(c.directive.name, l, p)) if {
	some c in checked
	some i, l in c.directive.block
	message := option(c.spec, l.name).once
	count([j | some j, e in c.directive.block; j < i; key(c.spec, e.name) == key(c.spec, l.name)]) == 1
	p := {"error": message, "fix": sprintf("Keep one `%s` line", [l.name])}
}

# Options a plugin cannot start without (needs: [{option, message}]).
report contains report.finding(c.directive.pos, fatal(c.directive.name, c.directive, p)) if {
	some c in checked
	some needs in object.get(c.spec, "needs", [])
	count([l | some l in c.directive.block; key(c.spec, l.name) == needs.option]) == 0
	p := {"error": needs.message, "fix": sprintf("Add a `%s` line to the block", [needs.option])}
}

# Arguments a plugin refuses to see twice (distinct: {message, key, unless_option}; key
# without_first_colon compares them as azure does, resource group and zone joined;
# unless_option: a block line that may take the repeated value away, bind's `except`).
report contains report.finding(a.pos, fatal(c.directive.name, c.directive, p)) if {
	some c in checked
	d := object.get(c.spec, "args", {}).distinct
	some i, a in c.directive.args
	count([j | some j, b in c.directive.args; j < i; distinct_key(d, b.text) == distinct_key(d, a.text)]) == 1
	not unless_option(c.directive, d)
	p := {"error": text(d.message, a.text, {}), "fix": sprintf("Remove the second `%s`", [a.text])}
}

distinct_key(d, v) := concat("", split(v, ":")) if {
	d.key == "without_first_colon"
	count(split(v, ":")) == 2
}

else := concat("", [parts[0], substring(v, count(parts[0]) + 1, -1)]) if {
	d.key == "without_first_colon"
	parts := split(v, ":")
}

else := v

# A plugin that refuses a second use in one block with its own message (once_per_block:
# geoip's `configuring multiple databases is not supported`), at the second directive.
report contains report.finding(x.directive.pos, fatal(x.directive.name, x.directive, p)) if {
	some x in checked
	message := x.spec.once_per_block
	some b in corefile.blocks
	uses := [d | some d in b.block.directives; d.name == x.directive.name]
	uses[1] == x.directive
	p := {"error": message, "fix": sprintf("Keep one `%s` in this block", [x.directive.name])}
}

# Options whose arguments the plugin reads joined by spaces (joined: the type of the
# joined text; view's `expr` compiles them as one expression).
report contains report.finding(l.pos, fatal(c.directive.name, l, p)) if {
	some c in checked
	some l in c.directive.block
	t := option(c.spec, l.name).joined
	count(l.args) > 0
	v := concat(" ", [a.text | some a in l.args])
	not plugins.templated(v)
	err := type_error(t, v)
	p := {"error": err, "fix": type_fix(t)}
}

# A joined value past what dnslint checks (kinds.past_limit: an expr nested too deeply to
# compile safely) is an error of its own: never a silent pass.
report contains report.finding(l.pos, msg) if {
	some c in checked
	some l in c.directive.block
	t := option(c.spec, l.name).joined
	v := concat(" ", [a.text | some a in l.args])
	why := kinds.past_limit(t, v)
	msg := sprintf("dnslint did not check this `%s` line of %s: %s (its limit). Simplify it", [l.name, c.directive.name, why])
}

# Lines CoreDNS takes but warns about at start-up (deprecated forms): a warning that quotes
# its log line. warns on an option ({message, fix}): the line, once its values raise no
# error (route53's aws_access_key); on args ([{at, kind, message, fix}]): the argument at
# `at` when it is of a kind the plugin warns about (kinds.warning: forward's FROM as a CIDR
# that splits into several reverse zones; dnstap's `listen tls://…` without `tls`, unless
# the block has the line unless_option names).
report contains report.graded(l.pos, warned(c.directive.name, l, w, last(l), {}), "warning") if {
	some c in checked
	some l in c.directive.block
	w := option(c.spec, l.name).warns
	count(problems(l, args_spec(l, option(c.spec, l.name)))) == 0
}

report contains report.graded(a.pos, warned(c.directive.name, c.directive, w, a.text, extra), "warning") if {
	some c in checked
	some w in object.get(args_spec(c.directive, object.get(c.spec, "args", {})), "warns", [])
	a := c.directive.args[w.at]
	not plugins.templated(a.text)
	extra := kinds.warning(w, a.text)
	not unless_option(c.directive, w)
}

# unless_option holds when the block has the line that silences the warning (dnstap's
# `tls CERT KEY` for a `listen tls://…`).
unless_option(d, w) if count(plugins.options(d, w.unless_option)) > 0

warned(plugin, line, w, token, extra) := sprintf("CoreDNS %s starts, but logs at start-up `[WARNING] plugin/%s: %s`%s. %s", [
	corefile.version, plugin, text(w.message, token, extra), corefile.where(line), w.fix,
])
