# METADATA
# title: More pod nameservers than the resolver can use
# description: |-
#   A resolv.conf holds at most 3 nameservers (glibc's and musl's MAXNS). The API server
#   rejects a dnsConfig with more: `must not have more than 3 nameservers`. Under
#   dnsPolicy ClusterFirst (and ClusterFirstWithHostNet) the kubelet also puts the cluster
#   DNS IP first (`cluster_dns_servers`, default 1; 2 on dual-stack clusters), so only
#   3 − that many of the pod's own nameservers fit: it drops the rest and records the
#   Warning event `Nameserver limits were exceeded, some nameservers have been omitted, the
#   applied nameserver line is: …` (reason DNSConfigForming), which this rule reports as a
#   warning. List at most 3 nameservers, 2 next to the cluster DNS — or use dnsPolicy None
#   and list the cluster DNS IP yourself.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
#     description: Pod's DNS Config
# custom:
#   each: workloads
#   severity: error
#   fixable: true
#   params:
#     cluster_dns_servers: 1
#   param_schema:
#     cluster_dns_servers: {minimum: 0, maximum: 3}
#   source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (validatePodDNSConfig); pkg/kubelet/network/dns/dns.go (appendDNSConfig, formDNSNameserversFitsLimits); resolv.conf(5) MAXNS
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
#         nameservers: [10.0.0.53, 10.0.1.53, 10.0.2.53, 10.0.3.53]
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
#         nameservers: [10.0.0.53, 10.0.1.53]
package dnslint.rules.pod["too-many-nameservers"]

import data.dnslint.lib.fix
import data.dnslint.lib.pod
import data.dnslint.lib.report

max := data.dnslint.kubernetes.max_nameservers

report contains fix.add(report.finding(servers[max].pos, msg), drop(servers, max)) if {
	some w in pod.configured
	servers := pod.nameservers(w.pod)
	count(servers) > max
	msg := sprintf("The API server rejects %s: %d nameservers, `%s: Invalid value: …: must not have more than %d nameservers`. Keep at most %d: resolvers use no more", [
		pod.name(w), count(servers), pod.field(w, "dnsConfig.nameservers"), max, max,
	])
}

report contains fix.add(report.graded(kept[fit].pos, msg, "warning"), drop(servers, max - data.dnslint.params["pod/too-many-nameservers"].cluster_dns_servers)) if {
	some w in pod.configured
	pod.cluster_dns(w.pod)
	servers := pod.nameservers(w.pod)
	count(servers) <= max
	kept := distinct(servers)
	clusters := data.dnslint.params["pod/too-many-nameservers"].cluster_dns_servers
	fit := max - clusters
	count(kept) > fit
	dropped := [s.text | some s in array.slice(kept, fit, count(kept))]
	msg := sprintf("Under dnsPolicy %s the kubelet writes the cluster DNS IP first (%d, cluster_dns_servers) and keeps %d more: %s loses %s, with the event `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: …`. List at most %d nameservers here, or use dnsPolicy None and list the cluster DNS IP yourself", [
		pod.policy(w.pod), clusters, fit, pod.name(w), concat(", ", dropped), fit,
	])
}

# distinct keeps the first of nameservers written twice, as the kubelet does.
distinct(servers) := [s |
	some i, s in servers
	not s.text in {t.text | some t in array.slice(servers, 0, i)}
]

# drop deletes the nameservers past the first keep: unsafe, the pod no longer lists them
# (though it could not use them).
drop(servers, keep) := fix.unsafe(sprintf("keep the first %d nameservers", [keep]), [fix.delete_item(s.pos, s.text) |
	some i, s in servers
	i >= keep
]) if keep > 0
