# METADATA
# title: autopath @kubernetes that can never shorten a search path
# description: |-
#   `autopath @kubernetes` answers a pod's search-path lookups (`example.com.default.svc.cluster.local`,
#   …) in one round trip by asking the kubernetes plugin of the same server block for the
#   pod's search path. The kubernetes plugin only gives one when it runs with `pods verified`
#   (its README: "pods must be set to verified for this to function properly"), and autopath
#   looks the plugin up in its own block. Without a kubernetes plugin in the block, or with
#   `pods insecure`/`disabled` (the default), CoreDNS starts without a word and autopath does
#   nothing: every search-path lookup still costs its own queries. Add `pods verified` to the
#   kubernetes block of the same server block (it watches every pod: more memory and API
#   load), or remove autopath. Even then autopath only works when the query's source IP is
#   the pod's own — not behind NodeLocal DNSCache or another forwarder.
# related_resources:
#   - ref: https://coredns.io/plugins/autopath/
#     description: autopath plugin
#   - ref: https://coredns.io/plugins/kubernetes/
#     description: kubernetes plugin (AutoPath)
# custom:
#   each: corefiles
#   severity: warning
#   source: CoreDNS plugin/autopath/setup.go @ v1.14.7 (`if m == nil { return nil }`), plugin/kubernetes/autopath.go and README (AutoPath); verified by starting CoreDNS 1.14.7 (`autopath @kubernetes` without kubernetes starts silently)
#   bad: |-
#     .:53 {
#         autopath @kubernetes
#         kubernetes cluster.local {
#             pods insecure
#         }
#     }
#   good: |-
#     .:53 {
#         autopath @kubernetes
#         kubernetes cluster.local {
#             pods verified
#         }
#     }
package dnslint.rules.autopath["needs-pods-verified"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(at.pos, msg) if {
	some x in corefile.directives("autopath")
	count(x.directive.args) > 0
	at := x.directive.args[count(x.directive.args) - 1]
	at.text == "@kubernetes"
	why := inert(x.block)
	msg := sprintf("`autopath @kubernetes` does nothing%s: %s, so CoreDNS starts without complaint and every search-path lookup still costs its own queries. %s", [
		corefile.where(x.directive), why, fix(x.block),
	])
}

inert(b) := "there is no kubernetes plugin in this server block" if count(plugins.in_block(b, "kubernetes")) == 0

else := sprintf("the kubernetes plugin runs with `pods %s`, and gives autopath a search path only with `pods verified`", [mode(b)]) if {
	mode(b) != "verified"
	not plugins.templated(mode(b))
}

# mode is the kubernetes plugin's pods mode: its last `pods` line, else the default.
mode(b) := lines[count(lines) - 1].args[0].text if {
	lines := [l |
		some k in plugins.in_block(b, "kubernetes")
		some l in plugins.options(k, "pods")
		count(l.args) == 1
	]
	count(lines) > 0
} else := "disabled"

fix(b) := "Add a kubernetes plugin with `pods verified` to this block, or remove autopath" if count(plugins.in_block(b, "kubernetes")) == 0

else := "Set `pods verified` in the kubernetes block (it watches every pod: more memory and API-server load), or remove autopath"
