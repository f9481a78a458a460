# METADATA
# title: prometheus metrics that only the pod itself can read
# description: |-
#   `prometheus` with no address listens on `localhost:9153` (the plugin's default
#   address), not on the pod's IP: a Prometheus server in the cluster, and anything else
#   outside the CoreDNS container, gets connection refused, and the CoreDNS dashboards and
#   alerts stay empty without an error anywhere. Write the address: `prometheus :9153`, as
#   every distribution does. An address written explicitly on the loopback
#   (`prometheus 127.0.0.1:9153`) is taken as deliberate and not reported: OpenShift binds
#   it so on purpose and publishes the metrics through a kube-rbac-proxy sidecar.
# related_resources:
#   - ref: https://coredns.io/plugins/metrics/
#     description: prometheus (metrics) plugin
# custom:
#   each: corefiles
#   severity: warning
#   source: CoreDNS plugin/metrics/setup.go @ v1.14.7 (`defaultAddr = "localhost:9153"`); coredns-facts.md §3.8, §12 item 17; distribution defaults (default-corefiles/)
#   bad: |-
#     .:53 {
#         prometheus
#         forward . /etc/resolv.conf
#     }
#   good: |-
#     .:53 {
#         prometheus :9153
#         forward . /etc/resolv.conf
#     }
package dnslint.rules.prometheus["localhost-only"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

report contains report.finding(d.pos, msg) if {
	some x in corefile.directives("prometheus")
	d := x.directive
	count(d.args) == 0
	msg := sprintf("`prometheus` without an address listens on localhost:9153 only%s: Prometheus cannot scrape it from outside the pod, and the metrics are silently missing. Write `prometheus :9153`", [
		corefile.where(d),
	])
}
