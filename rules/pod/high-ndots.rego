# METADATA
# title: Pod ndots above the limit
# description: |-
#   With `ndots:n`, a name with fewer than n dots is tried with every search domain before
#   it is tried as written. A pod with dnsPolicy ClusterFirst has three cluster search
#   domains (`<ns>.svc.cluster.local svc.cluster.local cluster.local`) plus those of the
#   node, so each external lookup becomes 2 × (search domains + 1) queries — A and AAAA
#   for each — nearly all of them NXDOMAIN, and the cluster DNS and its upstream carry the
#   load. The kubelet already writes ndots:5; a dnsConfig that raises it beyond `max_ndots`
#   (default 5) only adds cost. Lower it (2 is enough for `svc.namespace` names) or use
#   fully qualified names with a trailing dot.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
#     description: Pod's DNS Config
# custom:
#   each: workloads
#   severity: warning
#   fixable: true
#   params:
#     max_ndots: 5
#   param_schema:
#     max_ndots: {minimum: 0, maximum: 15}
#   source: kubelet pkg/kubelet/network/dns/dns.go; kubernetes/kubernetes#14051 and community design proposal pod-resolv-conf.md
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
#             value: "15"
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
package dnslint.rules.pod["high-ndots"]

import data.dnslint.lib.fix
import data.dnslint.lib.ndots
import data.dnslint.lib.pod
import data.dnslint.lib.report

max_ndots := data.dnslint.params["pod/high-ndots"].max_ndots

report contains fix.add(report.finding(opt.value.pos, msg), lower(opt)) if {
	some w in pod.configured
	some opt in pod.options(w.pod)
	opt.name.text == "ndots"
	n := ndots.value(opt.value.text)
	n > max_ndots
	search := cluster_search(w.pod) + count(pod.searches(w.pod))
	msg := sprintf("ndots:%s in %s: %s%s. Use at most %d (max_ndots), 2 for svc.namespace names, or fully qualified names with a trailing dot", [
		opt.value.text, pod.name(w), ndots.amplification(n, search), node_note(w.pod), max_ndots,
	])
}

# cluster_search is the number of search domains the kubelet puts before the pod's own.
cluster_search(p) := data.dnslint.kubernetes.cluster_search_domains if pod.cluster_dns(p)

else := 0

node_note(p) := "" if pod.policy(p) == "None"

else := " (more with the node's own search domains)"

# lower sets ndots to the limit: unsafe, names with fewer dots than before then go out
# as they are first.
lower(opt) := fix.unsafe(sprintf("set ndots to %d", [max_ndots]), [fix.scalar(opt.value.pos, opt.value.text, sprintf("%d", [max_ndots]))])
