# METADATA
# title: dnsPolicy that the API server does not know
# description: |-
#   The API server accepts four DNS policies and nothing else: `ClusterFirstWithHostNet`,
#   `ClusterFirst` (the default when dnsPolicy is unset), `Default` (the node's resolv.conf)
#   and `None` (only the pod's own dnsConfig). Any other value — a typo, another case, a
#   template placeholder left in — is rejected with `Unsupported value: "Clusterfirst":
#   supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"`, and
#   the pod, or the workload's whole rollout, is never created. The values are
#   case-sensitive.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
#     description: Pod's DNS Policy
# custom:
#   each: workloads
#   severity: error
#   source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (validateDNSPolicy)
#   bad: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       dnsPolicy: Clusterfirst
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
package dnslint.rules.pod["invalid-dns-policy"]

import data.dnslint.lib.kubernetes
import data.dnslint.lib.pod
import data.dnslint.lib.report

report contains report.finding(policy.pos, msg) if {
	some w in input.workloads
	policy := w.pod.dns_policy
	policy.text != ""
	not policy.text in kubernetes.dns_policies
	msg := sprintf("The API server rejects %s: `%s: %s`. %s", [
		pod.name(w), pod.field(w, "dnsPolicy"), kubernetes.unsupported(policy.text, kubernetes.dns_policies), fix(policy.text),
	])
}

fix(text) := sprintf("Write `%s`: the value is case-sensitive", [v]) if {
	some v in kubernetes.dns_policies
	lower(v) == lower(text)
} else := "Use ClusterFirst for cluster DNS, ClusterFirstWithHostNet on the host network, Default for the node's resolv.conf, or None with a dnsConfig"
