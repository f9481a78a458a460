# METADATA
# title: shed in a server block that is not plain DNS
# description: |-
#   shed (CoreDNS 1.14.7) hooks the plain-DNS UDP path only, so its setup function refuses a
#   server block whose keys use another transport: `tls://.:853 { shed }` exits with
#   `plugin/shed: … only plain DNS server blocks are supported; "tls://.:853" uses transport "tls"`.
#   Every key of the block is checked, as CoreDNS does.
# related_resources:
#   - ref: https://coredns.io/plugins/shed/
#     description: shed plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/shed/setup.go setup @ v1.14.7; CoreDNS's own shed setup tests (make fidelity-setup); testdata/fidelity/shed-tls-block.corefile"
#   bad: |-
#     tls://.:853 {
#         tls cert.pem key.pem
#         shed
#     }
#   good: |-
#     .:53 {
#         shed
#     }
package dnslint.rules.shed["non-dns-transport"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

report contains report.finding(x.directive.pos, msg) if {
	some x in corefile.directives("shed")
	keys := [k | some k in x.block.keys; k.scheme != "dns"]
	count(keys) > 0
	k := keys[0]
	msg := sprintf("CoreDNS %s exits at start-up: shed refuses this block with `only plain DNS server blocks are supported; %s uses transport %s`%s. shed protects the plain-DNS UDP path only: remove it from this block, or use it in a `.:53` block", [
		corefile.version, quote(k.text), quote(k.scheme), corefile.where(x.directive),
	])
}

quote(s) := sprintf("%q", [s])
