# METADATA
# title: Plugin used twice in one server block where CoreDNS allows it once
# description: |-
#   `cache`, `errors`, `hosts`, `kubernetes`, `loop`, `prometheus`, `ready`, `dnssec`,
#   `nsid`, `pprof`, `grpc`, `tsig`, `view` and `shed` may appear only once per server
#   block — and `forward` too up to CoreDNS 1.9.3 (1.9.4 made it repeatable). A second
#   occurrence stops CoreDNS at start-up with `plugin/cache: this plugin can only be used
#   once per Server Block`, and the pod crash-loops (on a reload the old configuration
#   keeps running until the next restart). It happens most often through a coredns-custom
#   `.override` key (AKS, k3s): its lines are spliced into the main `.:53` block, which
#   already has `cache`, `errors`, `kubernetes`, `loop`, `prometheus` and `ready`. Merge
#   the options into the one occurrence, or, for an override, put the plugin in a
#   `.server` block of its own zone instead. The check follows `--coredns-version`.
# related_resources:
#   - ref: https://coredns.io/manual/configuration/
#     description: CoreDNS manual, Configuration
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS for Azure Kubernetes Service
# custom:
#   each: corefiles
#   severity: error
#   fixable: true
#   source: plugin.ErrOnce in plugin/*/setup.go of every v1.x.y tag; forward repeatable since 1.9.4 (coredns/coredns#5127); verified on CoreDNS 1.14.7; Azure/AKS#2623, Azure/AKS#3661
#   bad: |-
#     .:53 {
#         forward . /etc/resolv.conf
#         cache 30
#         cache 300
#     }
#   good: |-
#     .:53 {
#         forward . /etc/resolv.conf
#         cache 300
#     }
package dnslint.rules.corefile["duplicate-plugin"]

import data.dnslint.lib.corefile
import data.dnslint.lib.custom
import data.dnslint.lib.fix as edit
import data.dnslint.lib.report

report contains edit.add(report.related(d.pos, msg, [{"message": sprintf("first `%s` of this server block", [d.name]), "pos": first.pos}]), dedupe(first, d)) if {
	some x in corefile.blocks
	some name in corefile.repeated(x.block)
	corefile.available(name)
	corefile.once(name)
	not custom.override_collision(x.block, name) # custom/override-duplicates-plugin explains it
	j := first_index(x.block.directives, name)
	some i, d in x.block.directives
	i > j
	d.name == name
	first := x.block.directives[j]
	msg := sprintf("`%s` is used again in this server block, after the first `%s`%s: CoreDNS %s exits with `plugin/%s: this plugin can only be used once per Server Block`. %s", [
		d.name, d.name, corefile.where(d), corefile.version, d.name, fix(d),
	])
}

# first_index is the index of the first line of a plugin in a server block.
first_index(directives, name) := min({i | some i, d in directives; d.name == name})

fix(d) := sprintf("Merge the options of all `%s` lines into one", [d.name])

# dedupe deletes the second line when it is the first one again (same words, no block):
# safe, CoreDNS did not start with both. Lines that differ are merged by hand.
dedupe(first, d) := edit.safe(sprintf("delete the second, identical `%s`", [d.name]), [edit.delete(s.pos, s.text)]) if {
	words(first) == words(d)
	not first.has_block
	not d.has_block
	first.via == d.via
	s := edit.line_span(d)
} else := edit.declined(sprintf("the `%s` lines differ (or have blocks): which options to keep is a choice", [d.name]))

words(d) := [a.text | some a in d.args]
