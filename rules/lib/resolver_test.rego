package dnslint.lib.resolver_test

import data.dnslint.lib.resolver

test_sound_options if {
	every o in [["ndots", "5"], ["ndots", "20"], ["timeout", "2"], ["attempts", "5"], ["rotate", null], ["edns0", null], ["no_tld_query", null], ["trust-ad", null]] {
		not resolver.problem(o[0], o[1])
	}
}

test_problems if {
	contains(resolver.problem("ndots", null), "without `:n` is ignored")
	contains(resolver.problem("ndots", "two"), "is not a number")
	contains(resolver.problem("ndots", ""), "is not a number")
	contains(resolver.problem("timeout", "0"), "fail at once on musl")
	contains(resolver.problem("attempts", "0"), "divide by zero")
	contains(resolver.problem("timeout", "31"), "it silently uses 30 (musl 60)")
	contains(resolver.problem("attempts", "6"), "it silently uses 5 (musl 10)")
	contains(resolver.problem("rotate", "1"), "takes no value")
	contains(resolver.problem("ip6-dotint", null), "removed in glibc 2.25")
	resolver.problem("single_request", null) == "`single_request` is not a resolver option: glibc and musl ignore it (did you mean `single-request`?)"
	resolver.problem("foo", null) == "`foo` is not a resolver option: glibc and musl ignore it"
}

test_musl_honours_three_options if {
	resolver.musl_honours("ndots")
	not resolver.musl_honours("single-request-reopen")
}

test_crossing if {
	resolver.crossing(["aaaa", "bbbb", "cccc"], 0, 8) == 1
	resolver.crossing(["aaaa", "bbbb", "cccc"], 6, 9) == 0
	not resolver.crossing(["aaaa", "bbbb"], 0, 9)
	resolver.crossing(["aaaa", "bbbb"], 10, 9) == 0
	resolver.crossing(["a b", "cc", "dd"], 0, 5) == 1
	resolver.crossing(["a", "b", "c", "d"], 0, 4) == 2
	not resolver.crossing([], 0, 4)
}

test_misspelt_option_by_edit_distance if {
	resolver.problem("ndost", "2") == "`ndost` is not a resolver option: glibc and musl ignore it (did you mean `ndots`?)"
	resolver.problem("rotat", null) == "`rotat` is not a resolver option: glibc and musl ignore it (did you mean `rotate`?)"
}
