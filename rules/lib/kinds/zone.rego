package dnslint.lib.kinds

import data.dnslint.lib.plugins

# zone: a zone as plugin.Host(v).NormalizeExact reads it (plugin/normalize.go
# SplitHostPort: the transport prefix and a numeric :port set aside, then
# dns.IsDomainName). Only what is certainly refused is reported: nothing after the last
# colon, or a label longer than 63 characters (text without escapes).
error(t, v) := plugins.text(t.message, v, {}) if {
	t.kind == "zone"
	not zone_ok(v)
}

zone_ok(v) if {
	not endswith(v, ":")
	contains(v, "\\")
}

zone_ok(v) if {
	not endswith(v, ":")
	not contains(v, "\\")
	host := regex.replace(regex.replace(v, `^[a-z0-9]+://`, ""), `:[0-9]+$`, "")
	every label in split(host, ".") {
		count(label) <= 63
	}
}

fix["zone"] := "Write a domain name (labels of at most 63 characters) or a reverse CIDR"
