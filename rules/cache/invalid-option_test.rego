package dnslint.rules.cache["invalid-option_test"]

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.cache["invalid-option"] as rule

cache(lines) := t.corefile([t.block(["."], [t.line("cache", ["30"], lines, 2)])])

one(l) := cache([l])

said(l, text) if {
	some f in rule.report with input as one(l)
	contains(f.message, text)
}

test_unknown_line if {
	r := rule.report with input as one(t.line("http", ["0.0.0.0:5353"], [], 3))
	t.locations(r) == {t.pos(3, 5)}
	said(t.line("http", ["0.0.0.0:5353"], [], 3), "Wrong argument count or unexpected line ending after 'http'")
	said(t.line("prefetch_all", [], [], 3), "after 'prefetch_all'")
}

test_options_follow_the_version if {
	some f in rule.report with input as one(t.line("keepttl", [], [], 3)) with data.dnslint.config as {"coredns_version": "1.9.4"}
	contains(f.message, "It came in CoreDNS 1.10.1")
	count(rule.report) == 0 with input as one(t.line("keepttl", [], [], 3))
}

test_valid_lines if {
	count(rule.report) == 0 with input as cache([
		t.line("success", ["9984", "30", "5"], [], 3),
		t.line("denial", ["9984", "5"], [], 4),
		t.line("prefetch", ["10", "1m", "20%"], [], 5),
		t.line("serve_stale", ["1h", "verify"], [], 6),
		t.line("serve_stale_policy", ["prefer_positive"], [], 7),
		t.line("servfail", ["5m"], [], 8),
		t.line("disable", ["success", "cluster.local"], [], 9),
		t.line("keepttl", [], [], 10),
		t.line("success", ["{$CAPACITY}", "{$TTL}"], [], 11),
	])
}

test_argument_counts_follow_the_version if {
	verify := one(t.line("serve_stale", ["1h", "verify", "5s"], [], 3))
	count(rule.report) == 0 with input as verify
	count(rule.report) == 0 with input as verify with data.dnslint.config as {"coredns_version": "1.14.4"}
	some f in rule.report with input as verify with data.dnslint.config as {"coredns_version": "1.11.3"}
	contains(f.message, "after '5s'")
	count(rule.report) == 0 with input as one(t.line("serve_stale", ["1h", "verify"], [], 3)) with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_argument_counts if {
	said(t.line("keepttl", ["now"], [], 3), "after 'now'")
	said(t.line("servfail", [], [], 3), "after 'servfail'")
	said(t.line("prefetch", ["1", "1m", "10%", "x"], [], 3), "after 'x'")
}

test_ttls if {
	r := rule.report with input as one(t.line("success", ["9984", "0"], [], 3))
	t.locations(r) == {t.arg(3, 1)}
	said(t.line("success", ["9984", "0"], [], 3), "cache TTL can not be zero or negative: 0")
	said(t.line("denial", ["9984", "30", "-1"], [], 3), "cache min TTL can not be negative: -1")
	said(t.line("success", ["lots"], [], 3), `strconv.Atoi: parsing "lots": invalid syntax`)
}

test_prefetch if {
	said(t.line("prefetch", ["-1"], [], 3), "prefetch amount should be positive: -1")
	said(t.line("prefetch", ["10", "1m", "95%"], [], 3), "percentage should fall in range [10, 90]: 95")
	said(t.line("prefetch", ["10", "1m", "20"], [], 3), "last character of percentage should be `%`, but is: '0'")
	said(t.line("prefetch", ["10", "1", "20%"], [], 3), `time: missing unit in duration "1"`)
}

test_servfail if {
	said(t.line("servfail", ["10m"], [], 3), "caching SERVFAIL responses over 5 minutes is not permitted")
	said(t.line("servfail", ["-1s"], [], 3), "invalid negative ttl for servfail")
	said(t.line("servfail", ["10"], [], 3), `time: missing unit in duration "10"`)
}

test_serve_stale if {
	said(t.line("serve_stale", ["-1h"], [], 3), "invalid negative duration for serve_stale")
	said(t.line("serve_stale", ["1h", "Sometimes"], [], 3), "invalid value for serve_stale refresh mode: sometimes")
	said(t.line("serve_stale_policy", ["prefer_negative"], [], 3), "invalid serve_stale_policy: prefer_negative")
	said(t.line("serve_stale_policy", ["prefer_positive"], [], 3), "serve_stale_policy requires serve_stale")
	r := rule.report with input as cache([
		t.line("serve_stale", [], [], 3),
		t.line("serve_stale_policy", ["prefer_positive"], [], 4),
		t.line("serve_stale_policy", ["prefer_positive"], [], 5),
	])
	t.locations(r) == {t.pos(5, 5)}
}

test_disable if {
	said(t.line("disable", ["all"], [], 3), `cache type for disable must be "success" or "denial"`)
}

test_misspelt_option_by_edit_distance if {
	said(t.line("prefetsh", ["10"], [], 3), "Did you mean `prefetch`?")
	said(t.line("sucess", ["9984", "30"], [], 3), "Did you mean `success`?")

	# serve_stale_policy is too new for 1.14.6: not suggested there.
	some f in rule.report with input as one(t.line("serve_stale_polcy", [], [], 3)) with data.dnslint.config as {"coredns_version": "1.14.6"}
	not contains(f.message, "Did you mean")
}

stale(args) := {f.message | some f in rule.report with input as one(t.line("serve_stale", args, [], 3))}

stale_said(args, text) if {
	ms := stale(args)
	count(ms) == 1
	some m in ms
	contains(m, text)
}

test_serve_stale_values_after_the_mode if {
	stale_said(["1h", "immediate", "1.5s"], "`serve_stale response TTL must be a whole number of seconds`")
	stale_said(["1h", "immediate", "4294967296s"], "`serve_stale response TTL exceeds the DNS TTL range`")
	stale_said(["1h", "immediate", "-1s"], "`invalid negative response TTL for serve_stale`")
	stale_said(["1h", "immediate", "garbage"], "`invalid serve_stale response TTL: time: invalid duration \"garbage\"`")
	stale_said(["1h", "immediate", "30s", "6m"], "`serve_stale failure recheck cannot exceed 5 minutes`")
	stale_said(["1h", "immediate", "30s", "-1s"], "`invalid negative failure recheck for serve_stale`")
	stale_said(["1h", "immediate", "30s", "30s", "extra"], "after 'extra'`")
	stale_said(["1h", "verify", "-1s"], "`invalid negative timeout for serve_stale verify`")
	stale_said(["1h", "verify", "garbage"], "`invalid serve_stale verify timeout: time: invalid duration \"garbage\"`")
	stale_said(["1h", "verify", "100ms", "30s", "extra"], "`invalid serve_stale failure recheck: time: invalid duration \"extra\"`")

	# the first problem stops CoreDNS: only it is reported
	stale_said(["1h", "verify", "-1s", "1.5s"], "`invalid negative timeout for serve_stale verify`")
}

test_serve_stale_values_accepted if {
	every args in [["1h", "immediate", "30s", "30s"], ["1h", "verify", "100ms", "30s", "5m"], ["1h", "verify", "0", "30s"], ["1h", "IMMEDIATE", "0s"]] {
		count(stale(args)) == 0
	}
}

test_serve_stale_values_are_checked_from_1_14_7 if {
	count(stale(["1h", "verify", "-1s"])) == 0 with data.dnslint.config as {"coredns_version": "1.14.6"}
}
