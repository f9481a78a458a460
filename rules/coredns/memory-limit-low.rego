# METADATA
# title: CoreDNS memory limit below what distributions ship
# description: |-
#   CoreDNS keeps every Service, Endpoint (and, with `pods verified` or autopath, every pod)
#   of the cluster in memory, plus its cache: the CoreDNS sizing guide estimates
#   MB ≈ (pods + services) / 1000 + 54 with the default settings, (pods + services) / 250 +
#   56 with autopath. A container that reaches its memory limit is OOM-killed and restarts,
#   and DNS fails while it does — on every replica at once, since they grow together. The
#   CoreDNS Deployments of kubeadm, the Kubernetes addon, kops and MicroK8s set a limit of
#   170Mi (AKS 500Mi); `min_memory` (default 170Mi) is that floor. Raise the limit, or
#   remove it and keep the request.
# related_resources:
#   - ref: https://coredns.io/2018/11/15/scaling-coredns-in-kubernetes-clusters/
#     description: Scaling CoreDNS in Kubernetes Clusters
# custom:
#   each: workloads
#   severity: warning
#   params:
#     min_memory: 170Mi
#   source: coredns/deployment kubernetes/Scaling_CoreDNS.md; kubeadm and cluster/addons/dns/coredns manifests (limits.memory 170Mi); AKS coredns-autoscale.md
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
#           dnsPolicy: Default
#           containers:
#             - name: coredns
#               image: registry.k8s.io/coredns/coredns:v1.11.3
#               resources:
#                 limits:
#                   memory: 64Mi
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
#               resources:
#                 limits:
#                   memory: 170Mi
package dnslint.rules.coredns["memory-limit-low"]

import data.dnslint.lib.pod
import data.dnslint.lib.report

min_memory := data.dnslint.params["coredns/memory-limit-low"].min_memory

report contains report.finding(limit.pos, msg) if {
	some w in pod.coredns_workloads
	some c in pod.coredns_containers(w)
	limit := c.resources.memory_limit
	is_number(limit.bytes)
	limit.bytes < units.parse_bytes(min_memory)
	msg := sprintf("CoreDNS in %s may use at most %s of memory: it holds the cluster's Services and Endpoints and its cache in memory (about (pods + services) / 1000 + 54 MB), and is OOM-killed — DNS down while it restarts — once the cluster outgrows that. Set at least %s (min_memory), what kubeadm ships", [
		pod.name(w), limit.text, min_memory,
	])
}
