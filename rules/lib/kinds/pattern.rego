package dnslint.lib.kinds

import data.dnslint.lib.plugins

# pattern: the value must match the Go (RE2) regular expression pattern, the shape a setup
# function splits it into (route53 `DOMAIN:HOSTED_ZONE_ID`: strings.SplitN and non-empty parts).
error(t, v) := plugins.text(t.message, v, {}) if {
	t.kind == "pattern"
	not regex.match(t.pattern, v)
}

fix["pattern"] := "Write the value in the form the plugin's documentation gives"
