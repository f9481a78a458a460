package dnslint.lib.kinds_go_duration_test

import data.dnslint.lib.kinds

test_go_duration_prints_as_go if {
	kinds.go_duration(0) == "0s"
	kinds.go_duration(-1000000000) == "-1s"
	kinds.go_duration(60000000000) == "1m0s"
	kinds.go_duration(5400000000000) == "1h30m0s"
	kinds.go_duration(1500000000) == "1.5s"
	kinds.go_duration(500000000) == "500ms"
	kinds.go_duration(1500) == "1.5µs"
	kinds.go_duration(7) == "7ns"
	kinds.go_duration(3723500000000) == "1h2m3.5s"
}

test_go_duration_bounds if {
	t := {"kind": "go_duration", "message": "{error}", "nonpositive": "must be positive: {duration}"}
	kinds.error(t, "x") == "time: invalid duration \"x\""
	kinds.error(t, "0s") == "must be positive: 0s"
	kinds.error(t, "-90s") == "must be positive: -1m30s"
	not kinds.error(t, "1ms")
	n := {"kind": "go_duration", "message": "{error}", "negative": "negative: {nanoseconds}"}
	kinds.error(n, "-2s") == "negative: -2000000000"
	not kinds.error(n, "0s")
}
