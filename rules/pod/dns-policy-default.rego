# METADATA
# title: dnsPolicy Default, which is not the default
# description: |-
#   `dnsPolicy: Default` is not what a pod gets by default: the Kubernetes documentation
#   warns that "Default" is not the default DNS policy — that is ClusterFirst. With Default
#   the pod inherits the node's resolv.conf: its nameservers, search domains and options,
#   none of the cluster's. Service names (`my-svc.my-namespace`) do not resolve in it. Leave
#   dnsPolicy unset, or write ClusterFirst, unless the pod must resolve through the node.
#   DNS servers themselves (CoreDNS, NodeLocal DNSCache) and host-network pods are not
#   reported: Default is right for them.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
#     description: Pod's DNS Policy
# custom:
#   each: workloads
#   severity: info
#   source: kubernetes/website content/en/docs/concepts/services-networking/dns-pod-service.md; kubernetes/kubernetes pkg/kubelet/network/dns/dns.go (getPodDNSType)
#   bad: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       dnsPolicy: Default
#       containers:
#         - name: web
#           image: nginx
#   good: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       dnsPolicy: ClusterFirst
#       containers:
#         - name: web
#           image: nginx
package dnslint.rules.pod["dns-policy-default"]

import data.dnslint.lib.pod
import data.dnslint.lib.report

report contains report.finding(w.pod.dns_policy.pos, msg) if {
	some w in input.workloads
	w.pod.dns_policy.text == "Default"
	not pod.host_network(w.pod)
	not pod.dns_server(w)
	msg := sprintf("dnsPolicy Default is not the default (ClusterFirst is): %s gets the node's resolv.conf, and cluster Service names do not resolve in it. Remove dnsPolicy unless it must resolve through the node", [
		pod.name(w),
	])
}
