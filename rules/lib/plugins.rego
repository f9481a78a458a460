# Helpers over plugin lines: zones, fallthrough, the values CoreDNS's setup functions parse
# (Go durations, integers, host:port), and the argument shapes of rules/data/plugins_args.json.
package dnslint.lib.plugins

import data.dnslint.lib.corefile

args_data := data.dnslint.plugins_args

# options yields the lines of directive d's block named name, in written order.
options(d, name) := [l | some l in d.block; l.name == name]

# in_block yields the directives of server block b named name, in written order.
in_block(b, name) := [d | some d in b.directives; d.name == name]

# at_least holds when the target CoreDNS release is v or newer.
at_least(v) if semver.compare(corefile.version, v) >= 0

# templated holds for text that is filled in before CoreDNS reads it: CoreDNS's own
# environment placeholders and the variables of templating tools the distributions use
# (${x}, {{ .x }}, __PILLAR__X__, %{X}%, $X, [x]). Such text is never judged.
templated(text) if corefile.placeholder(text)

templated(text) if regex.match(`\$\{[^}]*\}|\{\{|\}\}|__[A-Z][A-Z0-9_]*__|%\{[^}]*\}%|^\$[A-Za-z_]|^\[[A-Za-z_-]+\]$`, text)

# fqdn is a zone or name as CoreDNS compares it: lower case, with the final dot.
fqdn(text) := lower(text) if endswith(text, ".")

else := concat("", [lower(text), "."])

# under holds when name is zone or lies below it.
under(_, ".")

under(name, zone) if name == zone

under(name, zone) if endswith(name, concat("", [".", zone]))

# overlap holds when one zone lies within the other.
overlap(a, b) if under(a, b)

overlap(a, b) if under(b, a)

# reverse holds for the reverse zones (in-addr.arpa, ip6.arpa, or a CIDR CoreDNS expands to them).
reverse(zone) if endswith(zone, "in-addr.arpa.")

reverse(zone) if endswith(zone, "ip6.arpa.")

reverse(zone) if contains(zone, "/")

# zones are the zones a plugin serves when its zone arguments start at index i: those
# arguments, or the server block's zones when none is written (plugin.OriginsFromArgsOrServerBlock).
zones(b, args, i) := [fqdn(a.text) | some a in array.slice(args, i, count(args))] if count(args) > i

else := [k.zone | some k in b.keys]

# fallthrough_at is the index of the first `fallthrough` line of directive d's block, or
# the number of lines when there is none: the lines after it are those at greater indexes.
# (A value either way, which OPA computes once per directive.)
fallthrough_at(d) := min(at) if {
	at := [i | some i, l in d.block; l.name == "fallthrough"]
	count(at) > 0
} else := count(d.block)

# fallthrough is the zones a plugin d passes NXDOMAIN on for: its last `fallthrough` line
# (each one replaces the previous), ["."] when that line names none. Undefined without one.
fallthrough(d) := fall_zones(lines[count(lines) - 1].args) if {
	lines := options(d, "fallthrough")
	count(lines) > 0
}

fall_zones(args) := ["."] if count(args) == 0

else := [fqdn(a.text) | some a in args]

# falls_through holds when plugin d passes names of zone on (a fallthrough zone covers zone).
falls_through(d, zone) if {
	some f in fallthrough(d)
	under(zone, f)
}

# after yields the directives of block b, other than d, that answer queries themselves
# and run after d in CoreDNS's plugin order, with the zones each serves: what a query that
# d lets go on to the next plugin reaches.
after(b, d) := [{"directive": n, "zones": served(b, n)} |
	mine := data.dnslint.coredns.plugins[d.name].order
	some n in b.directives
	n.name != d.name
	args_data.answering.plugins[n.name]
	data.dnslint.coredns.plugins[n.name].order > mine
]

# shadowed names the plugins after d in block b's chain that answer names of the zones
# mine, in chain order: what d hides from them when it answers a query itself instead of
# passing it on.
shadowed(b, d, mine) := [name |
	some pair in sort({[data.dnslint.coredns.plugins[n.directive.name].order, n.directive.name] |
		some n in after(b, d)
		some z in n.zones
		some m in mine
		overlap(z, m)
	})
	name := pair[1]
]

# served are the zones a plugin line n answers for.
served(b, n) := [fqdn(n.args[0].text)] if {
	args_data.answering.plugins[n.name].from
	count(n.args) > 0
}

else := zones(b, n.args, i) if i := args_data.answering.plugins[n.name].zones

else := [k.zone | some k in b.keys]

# listing joins words for a sentence: "a", "a and b", "a, b and c"; either with "or".
listing(words) := join(words, "and")

either(words) := join(words, "or")

join(words, conj) := words[0] if count(words) == 1

else := sprintf("%s %s %s", [concat(", ", array.slice(words, 0, count(words) - 1)), conj, words[count(words) - 1]]) if count(words) > 1

# never_see says that the plugins named miss a query: "forward never sees", "kubernetes
# and forward never see".
never_see(words) := sprintf("%s never sees", [words[0]]) if count(words) == 1

else := sprintf("%s never see", [listing(words)])

# scope names the queries of zones zs: "every name", or "every name under `a`, `b`".
scope(zs) := "every name" if "." in zs

else := sprintf("every name under %s", [names(zs)])

# names is a readable list of zones or names: `a`, `b`.
names(zs) := concat(", ", [sprintf("`%s`", [shown(z)]) | some z in zs])

shown(".") := "."

shown(z) := trim_suffix(z, ".") if z != "."

# --- values as CoreDNS's setup functions parse them ---

# duration_error is Go's time.ParseDuration error for text; undefined when text parses.
duration_error(text) := msgs[0] if {
	not valid_duration(text)
	msgs := [m | some p in duration_parts(text); m := part_error(text, p)]
	count(msgs) > 0
} else := sprintf("time: invalid duration %s", [quote(text)]) if not valid_duration(text)

valid_duration(text) if {
	_ := time.parse_duration_ns(text)
}

# duration_ns is the length of a valid Go duration, in nanoseconds.
duration_ns(text) := time.parse_duration_ns(text)

unsigned(text) := substring(text, 1, -1) if regex.match(`^[-+]`, text)

else := text

# duration_parts splits a duration into [number, unit] pairs as Go reads them.
duration_parts(text) := [[m[1], m[2]] | some m in regex.find_all_string_submatch_n(`([0-9]*(?:\.[0-9]*)?)([^0-9.]*)`, unsigned(text), -1)]

part_error(text, _) := sprintf("time: invalid duration %s", [quote(text)]) if unsigned(text) == ""

part_error(text, _) := sprintf("time: invalid duration %s", [quote(text)]) if not regex.match(`^[0-9.]`, unsigned(text))

part_error(text, [n, _]) := sprintf("time: invalid duration %s", [quote(text)]) if not regex.match(`[0-9]`, n)

part_error(text, [n, u]) := sprintf("time: missing unit in duration %s", [quote(text)]) if {
	regex.match(`[0-9]`, n)
	u == ""
}

part_error(text, [n, u]) := sprintf("time: unknown unit %s in duration %s", [quote(u), quote(text)]) if {
	regex.match(`[0-9]`, n)
	u != ""
	not u in {"ns", "us", "µs", "μs", "ms", "s", "m", "h"}
}

# quote is Go's quoting of a string in error messages (%q, for printable text).
quote(s) := sprintf("%q", [s])

# integer reads text as strconv.Atoi does; undefined when Atoi refuses it.
integer(text) := sign(text) * magnitude(trim_left(text, "+-")) if regex.match(`^[+-]?[0-9]{1,18}$`, text)

sign(text) := -1 if startswith(text, "-")

else := 1

magnitude(digits) := 0 if trim_left(digits, "0") == ""

else := to_number(trim_left(digits, "0"))

atoi_error(text) := sprintf("strconv.Atoi: parsing %s: invalid syntax", [quote(text)])

# address_error is net.SplitHostPort's error for a listen address; undefined when it splits
# (or when it uses brackets, which this does not judge).
address_error(text) := sprintf("address %s: missing port in address", [text]) if not contains(text, ":")

address_error(text) := sprintf("address %s: too many colons in address", [text]) if {
	not startswith(text, "[")
	parts := split(text, ":")
	count(parts) > 2
}

# ip holds for an address net.ParseIP accepts (IPv4 or IPv6, no zone).
ip(text) if net.cidr_is_valid(concat("", [text, "/32"]))

# not_interface holds for a name no Linux network interface can have (dev_valid_name: at
# most 15 characters, no '/', ':' or white space, not "." or "..").
not_interface(text) if count(text) > 15

not_interface(text) if regex.match(`[/:\s]`, text)

not_interface(text) if text in {"", ".", ".."}

# render fills a message template of plugins_args.json.
render(template, values) := strings.replace_n(values, template)

argerr(token) := render(args_data.argerr, {"{token}": token})

# text fills a message of the data: {token}, {qtoken}, {error}, {value}; "argerr" is caddy's ArgErr.
text("argerr", token, _) := argerr(token)

text(message, token, extra) := render(message, object.union({"{token}": token, "{qtoken}": quote(token)}, extra)) if message != "argerr"
