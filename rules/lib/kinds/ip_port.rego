package dnslint.lib.kinds

import data.dnslint.lib.plugins

# ip_port: an IP with an optional port, as plugin/pkg/parse.HostPort reads it (transfer's
# `to`): net.SplitHostPort, and the host (or, when it does not split, the whole value)
# must be an IP address once a `%zone` is stripped. {host} is the part CoreDNS names;
# allow lists values the plugin takes as they are (`*`).
error(t, v) := plugins.text(t.message, v, {"{host}": host}) if {
	t.kind == "ip_port"
	not v in object.get(t, "allow", [])
	host := ip_port_host(v)
	not plugins.ip(regex.replace(host, `%.*$`, ""))
}

# ip_port_host is the host net.SplitHostPort finds in v, else v itself.
ip_port_host(v) := m[1] if {
	m := regex.find_all_string_submatch_n(`^\[([^\[\]]*)\]:[^:\[\]]*$`, v, 1)[0]
} else := m[1] if {
	m := regex.find_all_string_submatch_n(`^([^:\[\]]*):[^:\[\]]*$`, v, 1)[0]
} else := v

fix["ip_port"] := "Write an IP address, with a port if needed (`10.0.0.1`, `10.0.0.1:53`, `[fd00::1]:53`)"
