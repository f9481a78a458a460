package dnslint.lib.kinds

import data.dnslint.lib.plugins

# seconds_or_duration: a whole number of seconds (strconv.Atoi, then read with an `s`
# appended) or a Go duration (time.ParseDuration), that must be greater than zero:
# message for text that is neither ({error}: Go's duration error), positive for zero or
# less ({value}: the text read, with its `s`). route53 refresh.
error(t, v) := plugins.text(t.message, v, {"{error}": err}) if {
	t.kind == "seconds_or_duration"
	not plugins.integer(v)
	err := plugins.duration_error(v)
}

error(t, v) := plugins.text(t.positive, v, {"{value}": plugins.quote(concat("", [v, "s"]))}) if {
	t.kind == "seconds_or_duration"
	plugins.integer(v) <= 0
}

error(t, v) := plugins.text(t.positive, v, {"{value}": plugins.quote(v)}) if {
	t.kind == "seconds_or_duration"
	not plugins.integer(v)
	plugins.duration_ns(v) <= 0
}

fix["seconds_or_duration"] := "Write a positive duration, e.g. `1m`, or a number of seconds"
