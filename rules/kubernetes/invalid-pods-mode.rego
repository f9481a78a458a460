# METADATA
# title: kubernetes pods mode that CoreDNS does not know
# description: |-
#   `pods` in the kubernetes block takes exactly one of `disabled` (the plugin default: pod
#   A-record queries get NXDOMAIN), `insecure` (answer them without checking) or `verified`
#   (answer only for pods that exist). Any other word — `verify`, `Insecure`, `enabled` —
#   stops CoreDNS at start-up with
#   `wrong value for pods: verify,  must be one of: disabled, verified, insecure` (two spaces,
#   as CoreDNS prints it), and a `pods` line with no value or with two values with
#   `Wrong argument count or unexpected line ending after '…'`. The pod crash-loops. Write one
#   of the three modes, in lower case.
# related_resources:
#   - ref: https://coredns.io/plugins/kubernetes/
#     description: kubernetes plugin
# custom:
#   each: corefiles
#   severity: error
#   source: CoreDNS plugin/kubernetes/setup.go @ v1.14.7 (ParseStanza, `pods`), same in v1.9.3; verified by starting CoreDNS 1.14.7 (`pods verify`)
#   bad: |-
#     .:53 {
#         kubernetes cluster.local {
#             pods verify
#         }
#     }
#   good: |-
#     .:53 {
#         kubernetes cluster.local {
#             pods verified
#         }
#     }
package dnslint.rules.kubernetes["invalid-pods-mode"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

modes := {"disabled", "verified", "insecure"}

report contains report.finding(v.pos, msg) if {
	some l in pods_lines
	count(l.args) == 1
	v := l.args[0]
	not v.text in modes
	not plugins.templated(v.text)
	msg := sprintf("CoreDNS exits at start-up with `wrong value for pods: %s,  must be one of: disabled, verified, insecure`%s. Write `pods %s`", [
		v.text, corefile.where(l), suggestion(v.text),
	])
}

report contains report.finding(at.pos, msg) if {
	some l in pods_lines
	count(l.args) != 1
	at := extra(l)
	token := last(l)
	msg := sprintf("CoreDNS exits at start-up with `%s`%s: `pods` takes exactly one mode, `disabled`, `verified` or `insecure`", [
		plugins.argerr(token), corefile.where(l),
	])
}

# extra is the first argument too many, or the line when the mode is missing.
extra(l) := l.args[1] if count(l.args) > 1

else := l

# last is the token CoreDNS's ArgErr names: the last word of the line.
last(l) := l.args[count(l.args) - 1].text if count(l.args) > 0

else := l.name

pods_lines contains l if {
	some x in corefile.directives("kubernetes")
	some l in plugins.options(x.directive, "pods")
}

suggestion(text) := lower(text) if lower(text) in modes

# (A braced body: opa fmt garbles a one-line `else … if` followed by a bare else.)
else := "verified" if {
	startswith(lower(text), "verif")
}

else := "disabled` (the default), `pods verified` or `pods insecure"
