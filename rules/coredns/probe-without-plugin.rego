# METADATA
# title: CoreDNS probe that its Corefile does not serve
# description: |-
#   The CoreDNS Deployments of every distribution probe `/health` on port 8080 (liveness)
#   and `/ready` on port 8181 (readiness). Those endpoints exist only when the Corefile the
#   Deployment mounts enables the `health` and `ready` plugins, on those ports (their
#   defaults; `health :8081` moves it). Without `ready`, or on another port, the readiness
#   probe fails forever: the pods never become Ready, the kube-dns Service has no endpoint
#   and no lookup in the cluster is answered. Without `health` the liveness probe fails and
#   the kubelet kills CoreDNS over and over. EKS: "If you use a custom Corefile, you must add
#   the ready plugin to the config". The rule pairs the CoreDNS Deployment with the
#   Corefile key its `-conf` names (Corefile by default) of the ConfigMap it mounts, in the
#   same namespace, when both are in the run. Add the plugin to the Corefile, or make the
#   probe's port match its address.
# related_resources:
#   - ref: https://coredns.io/plugins/ready/
#     description: ready plugin
#   - ref: https://coredns.io/plugins/health/
#     description: health plugin
# custom:
#   each: workloads
#   severity: error
#   source: coredns plugin/health and plugin/ready README (defaults :8080 /health, :8181 /ready); kubeadm and cluster/addons/dns/coredns manifests (probes); EKS CoreDNS add-on guide
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
#             health
#             kubernetes cluster.local in-addr.arpa ip6.arpa
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
#               livenessProbe:
#                 httpGet: {path: /health, port: 8080}
#               readinessProbe:
#                 httpGet: {path: /ready, port: 8181}
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
#             health
#             ready
#             kubernetes cluster.local in-addr.arpa ip6.arpa
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
#               livenessProbe:
#                 httpGet: {path: /health, port: 8080}
#               readinessProbe:
#                 httpGet: {path: /ready, port: 8181}
#           volumes:
#             - name: config-volume
#               configMap:
#                 name: coredns
package dnslint.rules.coredns["probe-without-plugin"]

import data.dnslint.lib.corefile
import data.dnslint.lib.pod
import data.dnslint.lib.report

# endpoints are the paths the health and ready plugins serve, and their default ports.
endpoints := {
	"/health": {"plugin": "health", "port": 8080},
	"/ready": {"plugin": "ready", "port": 8181},
}

probes(c) := [p |
	some p in [
		{"kind": "liveness", "probe": c.liveness_probe},
		{"kind": "readiness", "probe": c.readiness_probe},
	]
	p.probe.http_get.path
]

report contains report.related(get.path.pos, msg, lacking(cf, e.plugin)) if {
	some w in pod.coredns_workloads
	some cf in pod.corefiles(w)
	some c in pod.coredns_containers(w)
	some p in probes(c)
	get := p.probe.http_get
	e := endpoints[get.path.text]
	count(lines(cf, e.plugin)) == 0
	msg := sprintf("The %s probe of %s requests %s, but its Corefile (%s) has no `%s` plugin: %s. Add `%s` to the Corefile's server block", [
		p.kind, pod.name(w), get.path.text, where(cf), e.plugin, effect(p.kind), e.plugin,
	])
}

report contains report.related(get.port.pos, msg, [{"message": sprintf("`%s` listens on port %s here", [e.plugin, port]), "pos": d.pos}]) if {
	some w in pod.coredns_workloads
	some cf in pod.corefiles(w)
	some c in pod.coredns_containers(w)
	some p in probes(c)
	get := p.probe.http_get
	e := endpoints[get.path.text]
	get.port_number != 0
	ports := {listen_port(x, e.port) | some x in lines(cf, e.plugin)}
	not "?" in ports
	not sprintf("%d", [get.port_number]) in ports
	d := lines(cf, e.plugin)[0]
	port := listen_port(d, e.port)
	msg := sprintf("The %s probe of %s requests %s on port %d, but `%s` in its Corefile (%s) listens on port %s: %s. Probe port %s, or move the plugin to port %d", [
		p.kind, pod.name(w), get.path.text, get.port_number, e.plugin, where(cf), concat(", ", sort(ports)), effect(p.kind), port, get.port_number,
	])
}

# lacking is the related place of a Corefile without the plugin: its first server block,
# where the plugin can go (none for a Corefile without a block).
lacking(cf, plugin) := [{"message": sprintf("the first server block of the Corefile (%s), which has no `%s`", [where(cf), plugin]), "pos": b.pos} |
	some b in array.slice(cf.server_blocks, 0, 1)
]

# lines are the directives of a plugin in a Corefile.
lines(cf, plugin) := [d |
	some b in cf.server_blocks
	some d in b.directives
	d.name == plugin
]

# listen_port is the port of a health or ready directive's address (`:8080`,
# `0.0.0.0:8181`), its default without one, or "?" for a placeholder.
listen_port(d, default_port) := "?" if corefile.placeholder(d.args[0].text)

else := port if {
	parts := split(d.args[0].text, ":")
	port := parts[count(parts) - 1]
} else := sprintf("%d", [default_port])

where(cf) := sprintf("ConfigMap %s, key %s", [cf.object.name, cf.key])

effect("readiness") := "the pods never become Ready, so the kube-dns Service has no endpoint and no lookup in the cluster is answered"

effect("liveness") := "the probe fails and the kubelet restarts CoreDNS over and over"
