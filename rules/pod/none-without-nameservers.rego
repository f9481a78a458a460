# METADATA
# title: dnsPolicy None without a nameserver
# description: |-
#   With `dnsPolicy: None` the kubelet writes only what the pod's `dnsConfig` says into its
#   resolv.conf, so the API server requires at least one nameserver there. Without a
#   dnsConfig it rejects the pod with ``must provide `dnsConfig` when `dnsPolicy` is None``;
#   with a dnsConfig that lists no nameserver, with ``must provide at least one DNS
#   nameserver when `dnsPolicy` is None``. Add `dnsConfig.nameservers` (the cluster DNS
#   Service IP, e.g. 10.96.0.10, for cluster names), or use ClusterFirst and keep the
#   dnsConfig for extra searches and options.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
#     description: Pod's DNS Config
# custom:
#   each: workloads
#   severity: error
#   fixable: true
#   source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (validatePodDNSConfig)
#   bad: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       dnsPolicy: None
#       containers:
#         - name: web
#           image: nginx
#   good: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       dnsPolicy: None
#       dnsConfig:
#         nameservers: [10.96.0.10]
#         searches: [default.svc.cluster.local, svc.cluster.local, cluster.local]
#       containers:
#         - name: web
#           image: nginx
package dnslint.rules.pod["none-without-nameservers"]

import data.dnslint.lib.fix
import data.dnslint.lib.pod
import data.dnslint.lib.report

report contains report.finding(w.pod.dns_policy.pos, msg) if {
	some w in input.workloads
	pod.policy(w.pod) == "None"
	is_null(w.pod.dns_config)
	msg := sprintf("The API server rejects %s: \"%s: Required value: must provide `dnsConfig` when `dnsPolicy` is None\". %s", [
		pod.name(w), pod.field(w, "dnsConfig"), fix,
	])
}

report contains fix.add(report.finding(w.pod.dns_config.pos, msg), no_value) if {
	some w in input.workloads
	pod.policy(w.pod) == "None"
	w.pod.dns_config != null
	count(w.pod.dns_config.nameservers) == 0
	msg := sprintf("The API server rejects %s: \"%s: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None\". %s", [
		pod.name(w), pod.field(w, "dnsConfig.nameservers"), fix,
	])
}

fix := "List the nameservers in dnsConfig.nameservers (the cluster DNS Service IP for cluster names), or use dnsPolicy ClusterFirst"

no_value := fix.declined("no value to write: the nameserver is the cluster DNS Service IP or another resolver, which the manifest does not say")
