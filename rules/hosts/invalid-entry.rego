# METADATA
# title: hosts entry that CoreDNS skips
# description: |-
#   The hosts plugin reads its inline entries (and its file) like /etc/hosts: an IP address,
#   then one or more names. A line whose first word is no IP address (a name first, a CIDR,
#   a misspelt option such as `reloads 15s`), or an IP with no name, is skipped without a
#   word, and so is each name outside the plugin's zones (the zones after the file, else
#   the server block's), PTR record included: CoreDNS starts, and the name the line was
#   meant for does not resolve (or is passed on to another plugin). Write `IP NAME...` with
#   names inside the hosts plugin's zones; the options are `ttl`, `reload`, `no_reverse`,
#   `fallthrough` and `fallthrough_unsupported`.
# related_resources:
#   - ref: https://coredns.io/plugins/hosts/
#     description: hosts plugin
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS plugin/hosts/hostsfile.go @ v1.14.7 (parse, parseIP; same in v1.9.3) and setup.go (inline lines); verified by querying CoreDNS 1.14.7
#   bad: |-
#     .:53 {
#         hosts {
#             db.internal 10.0.0.1
#             fallthrough
#         }
#     }
#   good: |-
#     .:53 {
#         hosts {
#             10.0.0.1 db.internal
#             fallthrough
#         }
#     }
package dnslint.rules.hosts["invalid-entry"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(l.pos, msg) if {
	some e in entries
	l := e.line
	not plugins.ip(address(l.name))
	msg := sprintf("CoreDNS silently skips this hosts line%s: `%s` is no IP address, and a hosts entry is `IP NAME...`%s", [
		corefile.where(l), l.name, hint(l),
	])
}

report contains report.finding(l.pos, msg) if {
	some e in entries
	l := e.line
	plugins.ip(address(l.name))
	count(l.args) == 0
	msg := sprintf("CoreDNS silently skips this hosts line%s: `%s` names no host. Write `%s NAME...`", [
		corefile.where(l), l.name, l.name,
	])
}

report contains report.finding(n.pos, msg) if {
	some e in entries
	l := e.line
	plugins.ip(address(l.name))
	some n in l.args
	not plugins.templated(n.text)
	not templated_zone(e.zones)
	not inside(plugins.fqdn(n.text), e.zones)
	msg := sprintf("CoreDNS silently skips `%s` on this hosts line%s, and its PTR record with it: the hosts plugin loads only names inside its zones, here %s. List a zone that holds it after the hosts file (`hosts FILE ZONES...`), or drop the name", [
		n.text, corefile.where(l), plugins.names(e.zones),
	])
}

# entries are the inline entries of every hosts block: the lines before the first
# `fallthrough` that are no option (after it, hosts/entry-after-fallthrough reports them).
# An array: a hosts block may hold thousands of lines.
entries := [{"line": l, "zones": zones} |
	some x in corefile.directives("hosts")
	zones := plugins.zones(x.block, x.directive.args, 1)
	end := plugins.fallthrough_at(x.directive)
	some i, l in x.directive.block
	i <= end
	not l.name in options
	not plugins.templated(l.name)
]

# options are the names of the hosts options (every other line is an entry).
options := object.keys(data.dnslint.plugins_args.plugins.hosts.options)

# address drops an IPv6 zone (fe80::1%eth0), as the hosts plugin does.
address(text) := split(text, "%")[0]

templated_zone(zones) if {
	some z in zones
	plugins.templated(z)
}

inside(name, zones) if {
	some z in zones
	plugins.under(name, z)
}

hint(l) := sprintf(". Did you mean `%s %s`?", [l.args[0].text, l.name]) if {
	count(l.args) == 1
	plugins.ip(address(l.args[0].text))
} else := sprintf(" (`%s` is no hosts option either)", [l.name]) if {
	count(l.args) <= 1
	not contains(l.name, ".")
} else := ""
