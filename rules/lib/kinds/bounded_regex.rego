package dnslint.lib.kinds

import data.dnslint.lib.plugins

# bounded_regex: a Go (RE2) regular expression that the plugin refuses past max_length
# bytes before compiling it (auto from 1.14.0: `regexp too large`). Characters are
# counted, never more than bytes: past the limit in characters is past it in bytes.
error(t, v) := plugins.text(t.too_long, v, {}) if {
	t.kind == "bounded_regex"
	count(v) > t.max_length
}

error(t, v) := plugins.text(t.message, v, {"{error}": "error parsing regexp: …"}) if {
	t.kind == "bounded_regex"
	count(v) <= t.max_length
	not regex.is_valid(v)
}

fix["bounded_regex"] := "Fix the regular expression (Go RE2 syntax), and keep it within the plugin's length limit"
