# What the C libraries' resolvers (glibc, musl) make of resolv.conf options, shared by the
# resolv.conf rules and the pod dnsConfig rules.
package dnslint.lib.resolver

facts := data.dnslint.kubernetes.resolvers

# known holds for an option name glibc reads (with or without a value).
known(name) if facts.valued_options[name]

known(name) if facts.flag_options[name]

# problem says what goes wrong with the option `name`, written with `value` after a colon
# (value is null for an option written without one); undefined for a sound option.
# ndots above 15 is left to the high-ndots rules.
problem(name, value) := sprintf("`%s` was removed in %s: the resolver ignores it", [name, removed]) if {
	removed := facts.removed_options[name]
}

else := sprintf("`%s` without `:n` is ignored: glibc and musl only read `%s:n`, so the resolver keeps its default", [name, name]) if {
	facts.valued_options[name]
	value == null
}

else := sprintf("`%s:%s` is not a number: glibc reads the leading digits (0 when there are none) and musl ignores the option", [name, value]) if {
	facts.valued_options[name]
	not regex.match(`^[0-9]+$`, value)
}

else := sprintf("`%s:0` makes every lookup fail at once on musl (Alpine): its send loop never runs", [name]) if {
	name == "timeout"
	to_number(value) == 0
}

else := sprintf("`%s:0` makes musl (Alpine) divide by zero when it spreads the timeout over the attempts", [name]) if {
	name == "attempts"
	to_number(value) == 0
}

else := sprintf("`%s:%s` is above what glibc accepts: it silently uses %d (musl %d)", [name, value, limit.glibc_max, limit.musl_max]) if {
	name != "ndots"
	limit := facts.valued_options[name]
	to_number(value) > limit.glibc_max
}

else := sprintf("`%s` takes no value: glibc reads `%s:%s` as `%s`, but Go programs see an unknown option and hand lookups to the C library", [name, name, value, name]) if {
	facts.flag_options[name] != null
	value != null
}

else := sprintf("`%s` is not a resolver option: glibc and musl ignore it%s", [name, suggestion(name)]) if {
	not known(name)
}

# suggestion proposes the option a misspelt one probably meant.
suggestion(name) := sprintf(" (did you mean `%s`?)", [fixes[0]]) if {
	fixes := [s |
		some s in [lower(name), replace(name, "_", "-"), replace(lower(name), "_", "-")]
		s != name
		known(s)
	]
	count(fixes) > 0
} else := sprintf(" (did you mean `%s`?)", [meant]) if {
	meant := dnslint.closest(name, [o | some o, _ in object.union(facts.valued_options, facts.flag_options)])
} else := ""

# musl_honours holds for the options musl reads; it ignores every other one.
musl_honours(name) if name in facts.musl_options

# crossing is the index of the first entry of a search list with which `start` characters,
# the entries and the spaces between them exceed max characters; undefined when they fit.
# In linear time (a resolv.conf may hold tens of thousands of entries): in the entries
# joined by spaces, the character at offset max - start lies in the crossing entry, or in
# the space after the last entry that fits; the spaces before it count the entries
# before. Spaces inside an entry are counted as other characters.
crossing(list, start, max) := 0 if {
	count(list) > 0
	start > max
} else := count(indexof_n(substring(joined, 0, (max - start) + 1), " ")) if {
	joined := concat(" ", [replace(s, " ", "_") | some s in list])
	count(joined) > max - start
}
