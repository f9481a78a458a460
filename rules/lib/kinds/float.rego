package dnslint.lib.kinds

import data.dnslint.lib.plugins

# float: strconv.ParseFloat(v, 64), then {min, max}: message for text Go cannot parse
# ({error}), range for a number outside (its {value} as Go's %f). Go's hexadecimal floats
# (0x1p-2) and underscores after a base prefix are left alone, never reported.
error(t, v) := plugins.text(t.message, v, {"{error}": sprintf("strconv.ParseFloat: parsing %s: invalid syntax", [plugins.quote(v)])}) if {
	t.kind == "float"
	not decimal_float(v)
	not regex.match(`^[+-]?(0[xX]|(?i:inf|infinity|nan)$)`, v)
}

error(t, v) := plugins.text(t.range, v, {"{value}": go_f(to_number(v))}) if {
	t.kind == "float"
	decimal_float(v)
	float_outside(t, to_number(v))
}

# go_f is Go's %f of n (OPA's sprintf does not apply %f to whole numbers).
go_f(n) := sprintf("%d.000000", [n]) if n == floor(n)

else := sprintf("%f", [n])

decimal_float(v) if regex.match(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`, v)

float_outside(t, n) if n < t.min

float_outside(t, n) if n > t.max

fix["float"] := "Write a decimal number"
