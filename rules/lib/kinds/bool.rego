package dnslint.lib.kinds

import data.dnslint.lib.plugins

# bool: strconv.ParseBool (1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False).
error(t, v) := plugins.text(t.message, v, {"{error}": sprintf("strconv.ParseBool: parsing %s: invalid syntax", [plugins.quote(v)])}) if {
	t.kind == "bool"
	not v in {"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"}
}

fix["bool"] := "Write `true` or `false`"
