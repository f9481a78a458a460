package dnslint.lib.kinds

import data.dnslint.lib.plugins

# qtype: a name of miekg/dns StringToType (case-sensitive), the table of
# plugins_args.json's dns.types (the newest miekg/dns: an older release knows fewer, so a
# name it lacks is missed, never a false error).
error(t, v) := plugins.text(t.message, v, {}) if {
	t.kind == "qtype"
	not v in {x | some x in data.dnslint.plugins_args.dns.types}
}

fix["qtype"] := "Write a query type in upper case, e.g. `A`, `AAAA` or `AXFR`"
