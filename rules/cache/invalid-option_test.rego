package dnslint.rules.cache["invalid-option_test"]

import data.dnslint.rules.cache["invalid-option"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# cache is a Corefile whose line 2 is `cache 30 {`, with lines in its block from line 3 on.
cache(lines) := parsed(concat("\n", array.flatten([
	".:53 {",
	"    cache 30 {",
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
	"}",
	"",
])))

one(l) := cache([l])

locations(report) := {f.location | some f in report}

said(l, text) if {
	some f in rule.report with input as one(l)
	contains(f.message, text)
}

test_unknown_line if {
	r := rule.report with input as one("http 0.0.0.0:5353")
	locations(r) == {at(3, 9, 12)}
	said("http 0.0.0.0:5353", "Wrong argument count or unexpected line ending after 'http'")
	said("prefetch_all", "after 'prefetch_all'")
}

test_options_follow_the_version if {
	some f in rule.report with input as one("keepttl") with data.dnslint.config as {"coredns_version": "1.9.4"}
	contains(f.message, "It came in CoreDNS 1.10.1")
	count(rule.report) == 0 with input as one("keepttl")
}

test_valid_lines if {
	count(rule.report) == 0 with input as cache([
		"success 9984 30 5",
		"denial 9984 5",
		"prefetch 10 1m 20%",
		"serve_stale 1h verify",
		"serve_stale_policy prefer_positive",
		"servfail 5m",
		"disable success cluster.local",
		"keepttl",
		"success {$CAPACITY} {$TTL}",
	])
}

test_argument_counts_follow_the_version if {
	verify := one("serve_stale 1h verify 5s")
	count(rule.report) == 0 with input as verify
	count(rule.report) == 0 with input as verify with data.dnslint.config as {"coredns_version": "1.14.4"}
	some f in rule.report with input as verify with data.dnslint.config as {"coredns_version": "1.11.3"}
	contains(f.message, "after '5s'")
	count(rule.report) == 0 with input as one("serve_stale 1h verify") with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_argument_counts if {
	said("keepttl now", "after 'now'")
	said("servfail", "after 'servfail'")
	said("prefetch 1 1m 10% x", "after 'x'")
}

test_ttls if {
	r := rule.report with input as one("success 9984 0")
	locations(r) == {at(3, 22, 22)}
	said("success 9984 0", "cache TTL can not be zero or negative: 0")
	said("denial 9984 30 -1", "cache min TTL can not be negative: -1")
	said("success lots", `strconv.Atoi: parsing "lots": invalid syntax`)
}

test_prefetch if {
	said("prefetch -1", "prefetch amount should be positive: -1")
	said("prefetch 10 1m 95%", "percentage should fall in range [10, 90]: 95")
	said("prefetch 10 1m 20", "last character of percentage should be `%`, but is: '0'")
	said("prefetch 10 1 20%", `time: missing unit in duration "1"`)
}

test_servfail if {
	said("servfail 10m", "caching SERVFAIL responses over 5 minutes is not permitted")
	said("servfail -1s", "invalid negative ttl for servfail")
	said("servfail 10", `time: missing unit in duration "10"`)
}

test_serve_stale if {
	said("serve_stale -1h", "invalid negative duration for serve_stale")
	said("serve_stale 1h Sometimes", "invalid value for serve_stale refresh mode: sometimes")
	said("serve_stale_policy prefer_negative", "invalid serve_stale_policy: prefer_negative")
	said("serve_stale_policy prefer_positive", "serve_stale_policy requires serve_stale")
	r := rule.report with input as cache([
		"serve_stale",
		"serve_stale_policy prefer_positive",
		"serve_stale_policy prefer_positive",
	])
	locations(r) == {at(5, 9, 26)}
}

test_disable if {
	said("disable all", `cache type for disable must be "success" or "denial"`)
}

test_misspelt_option_by_edit_distance if {
	said("prefetsh 10", "Did you mean `prefetch`?")
	said("sucess 9984 30", "Did you mean `success`?")

	# serve_stale_policy is too new for 1.14.6: not suggested there.
	some f in rule.report with input as one("serve_stale_polcy") with data.dnslint.config as {"coredns_version": "1.14.6"}
	not contains(f.message, "Did you mean")
}

stale(args) := {f.message | some f in rule.report with input as one(concat(" ", array.concat(["serve_stale"], args)))}

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
