# uint32: strconv.ParseUint(v, 10, 32); {error} in message is its error.
package dnslint.lib.kinds

import data.dnslint.lib.plugins

error(t, v) := plugins.text(t.message, v, {"{error}": uint32_error(v)}) if {
	t.kind == "uint32"
	uint32_error(v)
}

fix["uint32"] := "Write a whole number from 0"

uint32_error(v) := sprintf("strconv.ParseUint: parsing %s: invalid syntax", [plugins.quote(v)]) if {
	not regex.match(`^[0-9]+$`, v)
} else := sprintf("strconv.ParseUint: parsing %s: value out of range", [plugins.quote(v)]) if {
	count(trim_left(v, "0")) > 10
} else := sprintf("strconv.ParseUint: parsing %s: value out of range", [plugins.quote(v)]) if {
	to_number(v) > 4294967295
}
