package dnslint.lib.kinds

import data.dnslint.lib.plugins

# http_address: a [HOST]:PORT that net.SplitHostPort reads and that url.Parse("http://" +
# addr) reads too (health from 1.11.0 builds its URL so at start-up): a port that is not
# all digits is refused with url.Parse's own message.
error(t, v) := plugins.address_error(v) if t.kind == "http_address"

error(t, v) := sprintf("parse %s: invalid port %s after host", [plugins.quote(concat("", ["http://", v])), plugins.quote(port)]) if {
	t.kind == "http_address"
	not plugins.address_error(v)
	port := regex.find_n(`:[^:\]]*$`, v, 1)[0]
	not regex.match(`^:[0-9]*$`, port)
}

fix["http_address"] := "Write `[HOST]:PORT` with a numeric port, e.g. `:8080`"
