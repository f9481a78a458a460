# METADATA
# title: CoreDNS that resolves through itself
# description: |-
#   Under dnsPolicy ClusterFirst (the default when dnsPolicy is unset) or
#   ClusterFirstWithHostNet, the kubelet gives the CoreDNS pods a resolv.conf whose
#   nameserver is the cluster DNS Service — CoreDNS itself. `forward . /etc/resolv.conf`
#   then sends every external name back into CoreDNS: the `loop` plugin stops CoreDNS with
#   `Loop (…) detected for zone "."`, and without it queries circle until they time out.
#   Every distribution's CoreDNS Deployment sets `dnsPolicy: Default`, so that CoreDNS
#   forwards to the node's upstream resolvers. Set it too. The rule reports the CoreDNS
#   Deployment of kube-system (or of no namespace): a second CoreDNS elsewhere may resolve
#   through the cluster DNS on purpose.
# related_resources:
#   - ref: https://coredns.io/plugins/loop/#troubleshooting-loops-in-kubernetes-clusters
#     description: loop plugin — troubleshooting loops in Kubernetes clusters
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
#     description: Pod's DNS Policy
# custom:
#   each: workloads
#   severity: warning
#   source: kubeadm and cluster/addons/dns/coredns manifests (dnsPolicy Default); kubernetes/kubernetes pkg/kubelet/network/dns/dns.go; coredns plugin/loop/README.md
#   bad: |-
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: coredns
#       namespace: kube-system
#     spec:
#       replicas: 2
#       selector:
#         matchLabels: {k8s-app: kube-dns}
#       template:
#         metadata:
#           labels: {k8s-app: kube-dns}
#         spec:
#           containers:
#             - name: coredns
#               image: registry.k8s.io/coredns/coredns:v1.11.3
#   good: |-
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: coredns
#       namespace: kube-system
#     spec:
#       replicas: 2
#       selector:
#         matchLabels: {k8s-app: kube-dns}
#       template:
#         metadata:
#           labels: {k8s-app: kube-dns}
#         spec:
#           dnsPolicy: Default
#           containers:
#             - name: coredns
#               image: registry.k8s.io/coredns/coredns:v1.11.3
package dnslint.rules.coredns["cluster-first-policy"]

import data.dnslint.lib.pod
import data.dnslint.lib.report

report contains report.finding(where(w), msg) if {
	some w in pod.coredns_workloads
	pod.namespace(w.object) in {"kube-system", ""}
	pod.cluster_dns(w.pod)
	msg := sprintf("%s runs CoreDNS with dnsPolicy %s: its resolv.conf names the cluster DNS, CoreDNS itself, so `forward . /etc/resolv.conf` sends external names back into CoreDNS (the loop plugin then stops it with `Loop … detected`). Set dnsPolicy: Default, as every distribution does", [
		pod.name(w), written(w),
	])
}

where(w) := w.pod.dns_policy.pos if w.pod.dns_policy != null

else := w.object.pos

written(w) := w.pod.dns_policy.text if w.pod.dns_policy != null

else := "ClusterFirst (the default when it is unset)"
