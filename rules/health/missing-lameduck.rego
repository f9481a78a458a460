# METADATA
# title: health without lameduck in the cluster's CoreDNS
# description: |-
#   When a CoreDNS pod is stopped — a rolling update, a node drain, a scale-down — it stops
#   answering at once, while the kube-dns Service may still send it queries until its
#   endpoint is removed; those queries time out in the pods that asked. `lameduck DURATION`
#   in the health block keeps CoreDNS answering for that long after the stop signal (its
#   /health keeps answering 200 while /ready stops reporting ready). kubeadm, EKS and AKS ship
#   `lameduck 5s` (corefile-migration added it as a new default in CoreDNS 1.6.5; the AKS
#   changelog: it "minimizes DNS resolution failures during coreDNS pod restart or deployment
#   rollout"), the CoreDNS Helm chart 10s, Gardener 15s, OpenShift 20s. Keep it below the
#   pod's terminationGracePeriodSeconds (30 s by default). The rule looks at Corefiles with a
#   kubernetes plugin: the CoreDNS behind the kube-dns Service. A NodeLocal DNSCache or a
#   CoreDNS outside Kubernetes is not behind that Service.
# related_resources:
#   - ref: https://coredns.io/plugins/health/
#     description: health plugin (lameduck)
# custom:
#   each: corefiles
#   severity: warning
#   fixable: true
#   source: CoreDNS plugin/health/README.md @ v1.14.7 (lameduck); corefile-migration plugins.go (health "v1 add lameduck"); Azure/AKS CHANGELOG.md @ 8d1c8909; coredns-facts.md §7 item 4
#   bad: |-
#     .:53 {
#         health
#         kubernetes cluster.local in-addr.arpa ip6.arpa
#     }
#   good: |-
#     .:53 {
#         health {
#             lameduck 5s
#         }
#         kubernetes cluster.local in-addr.arpa ip6.arpa
#     }
package dnslint.rules.health["missing-lameduck"]

import data.dnslint.lib.corefile
import data.dnslint.lib.fix
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains fix.add(report.finding(x.directive.pos, msg), add_lameduck(x.directive)) if {
	some x in corefile.directives("health")
	cluster_dns(x.corefile)
	count(plugins.options(x.directive, "lameduck")) == 0
	msg := sprintf("`health` without `lameduck`%s: a stopping CoreDNS pod quits answering at once while the kube-dns Service may still send it queries, which then time out during every rollout or node drain. Add `health { lameduck 5s }` (kubeadm, EKS and AKS ship 5s), below the pod's terminationGracePeriodSeconds", [
		corefile.where(x.directive),
	])
}

report contains fix.add(report.finding(v.pos, msg), fix.unsafe("set `lameduck 5s`", [fix.replace(v.pos, v.text, "5s")])) if {
	some x in corefile.directives("health")
	cluster_dns(x.corefile)
	some l in plugins.options(x.directive, "lameduck")
	v := l.args[0]
	plugins.duration_ns(v.text) == 0
	msg := sprintf("`lameduck %s` is no lame-duck period%s: a stopping CoreDNS pod quits answering at once while the kube-dns Service may still send it queries. Use e.g. `lameduck 5s`, below the pod's terminationGracePeriodSeconds", [
		v.text, corefile.where(l),
	])
}

# cluster_dns is whether cf is the Corefile of the CoreDNS that serves the cluster domain:
# true or false, which OPA computes once per Corefile (it would look again for every health
# line of a Corefile without kubernetes, were it undefined there).
cluster_dns(cf) if {
	some b in cf.server_blocks
	some d in b.directives
	d.name == "kubernetes"
} else := false

# add_lameduck adds `lameduck 5s` (what kubeadm, EKS and AKS ship): unsafe, a stopping pod
# then answers 5 s longer. Into the health block when there is one with lines, else a
# new block after the line's last word.
add_lameduck(d) := fix.unsafe("add `lameduck 5s`", [fix.insert_before(d.block[0].pos, d.block[0].name, "lameduck 5s\n")]) if {
	count(d.block) > 0
} else := fix.declined("the health block is empty (`{ }`): dnslint does not place a line inside it") if {
	d.has_block
} else := fix.unsafe("add `lameduck 5s`", [fix.insert_after(s.pos, s.text, " {\n    lameduck 5s\n}")]) if {
	s := fix.line_span(d)
}
