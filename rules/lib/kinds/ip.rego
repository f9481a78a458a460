# ip: net.ParseIP (an IPv4 or IPv6 address, no port, no zone).
package dnslint.lib.kinds

import data.dnslint.lib.plugins

error(t, v) := plugins.text(t.message, v, {}) if {
	t.kind == "ip"
	not plugins.ip(v)
}

fix["ip"] := "Write an IP address such as `10.0.0.1` or `fd00::1`"
