# METADATA
# title: CoreDNS lameduck not shorter than the pod's grace period
# description: |-
#   `health { lameduck DURATION }` makes CoreDNS keep answering for that long after it is
#   told to stop, while its endpoint is taken out of the kube-dns Service, so that rolling
#   updates drop no query (kubeadm, EKS and AKS ship 5s, the coredns Helm chart 10s). The
#   kubelet waits `terminationGracePeriodSeconds` (30 s when unset) after SIGTERM and then
#   kills the container. A lameduck as long as the grace period, or longer, never ends
#   cleanly: CoreDNS is killed in the middle of it and the queries in flight are lost. The
#   rule pairs the CoreDNS Deployment with the Corefile it mounts (same namespace) when
#   both are in the run. Keep lameduck well below the grace period, or raise the grace
#   period.
# related_resources:
#   - ref: https://coredns.io/plugins/health/
#     description: health plugin
#   - ref: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
#     description: Termination of Pods
# custom:
#   each: workloads
#   severity: warning
#   source: coredns plugin/health/README.md (lameduck); corefile-migration (lameduck 5s default since CoreDNS 1.6.5); Kubernetes pod termination (terminationGracePeriodSeconds, default 30)
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns
#       namespace: kube-system
#     data:
#       Corefile: |
#         .:53 {
#             errors
#             health {
#                 lameduck 30s
#             }
#             ready
#             forward . /etc/resolv.conf
#             cache 30
#         }
#     ---
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
#               args: ["-conf", "/etc/coredns/Corefile"]
#           volumes:
#             - name: config-volume
#               configMap:
#                 name: coredns
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns
#       namespace: kube-system
#     data:
#       Corefile: |
#         .:53 {
#             errors
#             health {
#                 lameduck 5s
#             }
#             ready
#             forward . /etc/resolv.conf
#             cache 30
#         }
#     ---
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
#               args: ["-conf", "/etc/coredns/Corefile"]
#           volumes:
#             - name: config-volume
#               configMap:
#                 name: coredns
package dnslint.rules.coredns["lameduck-exceeds-grace"]

import data.dnslint.lib.pod
import data.dnslint.lib.report

report contains report.related(duration.pos, msg, grace_pos(w)) if {
	some w in pod.coredns_workloads
	some cf in pod.corefiles(w)
	some b in cf.server_blocks
	some d in b.directives
	d.name == "health"
	some line in d.block
	line.name == "lameduck"
	duration := line.args[0]
	ns := time.parse_duration_ns(duration.text)
	grace := grace_seconds(w)
	ns >= grace * 1000000000
	msg := sprintf("lameduck %s: CoreDNS keeps serving that long after SIGTERM, but the kubelet kills %s after terminationGracePeriodSeconds (%d s%s), in the middle of it, and the queries in flight are lost. Keep lameduck below %d s (5s is what kubeadm ships), or raise terminationGracePeriodSeconds", [
		duration.text, pod.name(w), grace, default_note(w), grace,
	])
}

grace_seconds(w) := w.pod.termination_grace_period_seconds.value if w.pod.termination_grace_period_seconds != null

else := 30

default_note(w) := "" if w.pod.termination_grace_period_seconds != null

else := ", the default"

grace_pos(w) := [{"message": "terminationGracePeriodSeconds is set here", "pos": w.pod.termination_grace_period_seconds.pos}] if {
	w.pod.termination_grace_period_seconds != null
} else := []
