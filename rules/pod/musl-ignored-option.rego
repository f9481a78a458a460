# METADATA
# title: dnsConfig option that musl (Alpine) ignores
# description: |-
#   musl libc, the C library of Alpine images, reads only three resolv.conf options:
#   `ndots`, `timeout` and `attempts`. Everything else — `single-request-reopen`,
#   `single-request` and `use-vc` (the usual fixes for 5-second lookup stalls under glibc),
#   `rotate`, `edns0`, `trust-ad`, `no-aaaa` — has no effect in a musl container: it always
#   queries all nameservers in parallel and sends A and AAAA together. The rule reports such
#   options in pods with an image whose name says alpine. For the stalls, use NodeLocal
#   DNSCache, or a glibc-based image.
# related_resources:
#   - ref: https://wiki.musl-libc.org/functional-differences-from-glibc.html
#     description: musl functional differences from glibc — name resolver
# custom:
#   each: workloads
#   severity: info
#   source: musl src/network/resolvconf.c and res_msend.c @ v1.2.5; kubernetes/kubernetes#56903
#   bad: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: web
#           image: nginx:1.27-alpine
#       dnsConfig:
#         options:
#           - name: single-request-reopen
#   good: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: web
#           image: nginx:1.27
#       dnsConfig:
#         options:
#           - name: single-request-reopen
package dnslint.rules.pod["musl-ignored-option"]

import data.dnslint.lib.pod
import data.dnslint.lib.report
import data.dnslint.lib.resolver

report contains report.finding(opt.name.pos, msg) if {
	some w in pod.configured
	images := pod.alpine_images(w.pod)
	count(images) > 0
	some opt in pod.options(w.pod)
	name := split(opt.name.text, ":")[0]
	resolver.known(name)
	not resolver.musl_honours(name)
	msg := sprintf("`%s` has no effect in %s (%s): musl libc, which Alpine images use, reads only ndots, timeout and attempts%s", [
		name, pod.name(w), concat(", ", images), stall_note(name),
	])
}

stall_note(name) := ". For 5-second lookup stalls on musl, use NodeLocal DNSCache instead" if {
	name in {"single-request", "single-request-reopen", "use-vc"}
} else := ""
