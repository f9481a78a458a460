# METADATA
# title: Host-network pod that does not get cluster DNS
# description: |-
#   A pod with `hostNetwork: true` and dnsPolicy ClusterFirst does not get cluster DNS: the
#   kubelet falls back to dnsPolicy Default and gives it the node's resolv.conf, so Service
#   names (`my-svc.my-namespace`) do not resolve in it. The Kubernetes documentation: "For
#   Pods running with hostNetwork, you should explicitly set its DNS policy to
#   `ClusterFirstWithHostNet`". An explicit `dnsPolicy: ClusterFirst` next to
#   `hostNetwork: true` asks for what it cannot get and is a warning; an unset dnsPolicy
#   (which the API server turns into ClusterFirst) is reported as info, since node agents
#   often need no cluster names — say `dnsPolicy: Default` then. Windows nodes do not
#   support ClusterFirstWithHostNet.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
#     description: Pod's DNS Policy
# custom:
#   each: workloads
#   severity: warning
#   source: kubernetes/kubernetes pkg/kubelet/network/dns/dns.go (getPodDNSType); kubernetes/website dns-pod-service.md
#   bad: |-
#     apiVersion: apps/v1
#     kind: DaemonSet
#     metadata:
#       name: agent
#     spec:
#       selector:
#         matchLabels: {app: agent}
#       template:
#         metadata:
#           labels: {app: agent}
#         spec:
#           hostNetwork: true
#           dnsPolicy: ClusterFirst
#           containers:
#             - name: agent
#               image: example.com/agent:1.0
#   good: |-
#     apiVersion: apps/v1
#     kind: DaemonSet
#     metadata:
#       name: agent
#     spec:
#       selector:
#         matchLabels: {app: agent}
#       template:
#         metadata:
#           labels: {app: agent}
#         spec:
#           hostNetwork: true
#           dnsPolicy: ClusterFirstWithHostNet
#           containers:
#             - name: agent
#               image: example.com/agent:1.0
package dnslint.rules.pod["host-network-cluster-first"]

import data.dnslint.lib.pod
import data.dnslint.lib.report

report contains report.finding(w.pod.dns_policy.pos, msg) if {
	some w in input.workloads
	pod.host_network(w.pod)
	w.pod.dns_policy.text == "ClusterFirst"
	msg := sprintf("%s runs on the host network, where the kubelet turns dnsPolicy ClusterFirst into Default: it gets the node's resolv.conf and cluster Service names do not resolve. Use dnsPolicy ClusterFirstWithHostNet", [
		pod.name(w),
	])
}

report contains report.graded(w.pod.host_network.pos, msg, "info") if {
	some w in input.workloads
	pod.host_network(w.pod)
	object.get(w.pod, ["dns_policy", "text"], "") == ""
	not pod.dns_server(w)
	msg := sprintf("%s runs on the host network without a dnsPolicy: the kubelet gives it the node's resolv.conf, so cluster Service names do not resolve in it. Set dnsPolicy ClusterFirstWithHostNet if it needs them, or dnsPolicy Default to say it does not", [
		pod.name(w),
	])
}
