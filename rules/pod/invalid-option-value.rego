# METADATA
# title: dnsConfig option that the resolver ignores or misreads
# description: |-
#   The API server checks only that an option has a name (`must not be empty`); the kubelet
#   writes every option into the pod's resolv.conf as `name:value`, or as the bare name when
#   the value is unset or empty. The resolver then reads what it can:
#   `{name: ndots, value: ""}` replaces the kubelet's `ndots:5` with a bare `ndots`, which
#   glibc and musl ignore, so ndots falls back to 1; `ndots: "two"` is read as 0 by glibc
#   and ignored by musl; glibc silently caps `timeout` at 30 and `attempts` at 5; on musl
#   (Alpine) `timeout: "0"` fails every lookup and `attempts: "0"` divides by zero; an
#   unknown or misspelt name (`single_request`) is ignored, and makes Go programs hand their
#   lookups to the C library. Write the option as the resolv.conf(5) man page names it, with
#   a whole number where it takes one.
# related_resources:
#   - ref: https://man7.org/linux/man-pages/man5/resolv.conf.5.html
#     description: resolv.conf(5)
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
#     description: Pod's DNS Config
# custom:
#   each: workloads
#   severity: warning
#   source: kubernetes/kubernetes pkg/kubelet/network/dns/dns.go (mergeDNSOptions) and pkg/apis/core/validation/validation.go; glibc resolv/res_init.c (res_setoptions); musl src/network/resolvconf.c and res_msend.c; golang/go src/net/dnsconfig_unix.go
#   bad: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: web
#           image: nginx
#       dnsConfig:
#         options:
#           - name: ndots
#             value: ""
#   good: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: web
#           image: nginx
#       dnsConfig:
#         options:
#           - name: ndots
#             value: "2"
package dnslint.rules.pod["invalid-option-value"]

import data.dnslint.lib.pod
import data.dnslint.lib.report
import data.dnslint.lib.resolver

report contains report.graded(opt.pos, msg, "error") if {
	some w in pod.configured
	some i, opt in pod.options(w.pod)
	opt.name.text == ""
	msg := sprintf("The API server rejects %s: `%s[%d]: Required value: must not be empty`. Give the option a name", [
		pod.name(w), pod.field(w, "dnsConfig.options"), i,
	])
}

report contains report.finding(where(opt), msg) if {
	some w in pod.configured
	some opt in pod.options(w.pod)
	name := opt.name.text
	name != ""
	not contains(name, ":")
	problem := resolver.problem(name, written_value(opt))
	msg := sprintf("In %s%s: %s%s", [pod.name(w), bare(opt), problem, note(w, name, opt)])
}

# written_value is the value the kubelet writes after a colon: none when it is unset or empty.
written_value(opt) := opt.value.text if opt.value.text != ""

else := null

bare(opt) := "" if written_value(opt) != null

else := sprintf(" the kubelet writes `%s` without a value", [opt.name.text])

where(opt) := opt.value.pos if opt.value != null

else := opt.name.pos

note(w, name, opt) := " — and it replaces the kubelet's `ndots:5`, so ndots falls back to 1" if {
	name == "ndots"
	pod.cluster_dns(w.pod)
	written_value(opt) == null
}

else := ""
