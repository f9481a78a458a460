# go_duration: time.ParseDuration (message, with {error}), then the bounds a setup function
# puts on the value: negative (< 0) or nonpositive (<= 0). In those messages {duration} is
# the value as Go prints a time.Duration (%s: `-1m0s` for `-60s`), {nanoseconds} as %d does.
package dnslint.lib.kinds

import data.dnslint.lib.plugins

error(t, v) := plugins.text(t.message, v, {"{error}": err}) if {
	t.kind == "go_duration"
	err := plugins.duration_error(v)
}

error(t, v) := plugins.text(t.negative, v, {"{duration}": go_duration(ns), "{nanoseconds}": sprintf("%d", [ns])}) if {
	t.kind == "go_duration"
	ns := plugins.duration_ns(v)
	ns < 0
	t.negative
}

error(t, v) := plugins.text(t.nonpositive, v, {"{duration}": go_duration(ns), "{nanoseconds}": sprintf("%d", [ns])}) if {
	t.kind == "go_duration"
	ns := plugins.duration_ns(v)
	ns <= 0
	not t.negative
	t.nonpositive
}

fix["go_duration"] := "Write a positive Go duration with its unit, e.g. `5s` or `1m`"

# go_duration is time.Duration.String() of ns nanoseconds.
go_duration(0) := "0s"

go_duration(ns) := concat("", ["-", unsigned_duration(0 - ns)]) if ns < 0

go_duration(ns) := unsigned_duration(ns) if ns > 0

unsigned_duration(ns) := sprintf("%dns", [ns]) if ns < 1000

else := concat("", [decimal(ns, 1000, "%03d"), "µs"]) if ns < 1000000

else := concat("", [decimal(ns, 1000000, "%06d"), "ms"]) if ns < 1000000000

else := clock(ns)

clock(ns) := sprintf("%dh%dm%ss", [h, m, decimal(ns % 60000000000, 1000000000, "%09d")]) if {
	h := floor(ns / 3600000000000)
	h > 0
	m := floor((ns % 3600000000000) / 60000000000)
} else := sprintf("%dm%ss", [m, decimal(ns % 60000000000, 1000000000, "%09d")]) if {
	m := floor(ns / 60000000000)
	m > 0
} else := concat("", [decimal(ns, 1000000000, "%09d"), "s"])

# decimal is n/unit with the fraction Go keeps (no trailing zeros), digits the width of it.
decimal(n, unit, digits) := sprintf("%d", [floor(n / unit)]) if {
	n % unit == 0
	digits
}

else := sprintf("%d.%s", [floor(n / unit), trim_right(sprintf(digits, [n % unit]), "0")])
