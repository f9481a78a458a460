# METADATA
# title: Loopback nameserver in a resolv.conf
# description: |-
#   On hosts that run systemd-resolved, /etc/resolv.conf names its local stub,
#   `nameserver 127.0.0.53`. The kubelet hands the node's resolv.conf to every dnsPolicy
#   Default pod — CoreDNS among them — and in the pod's own network namespace nothing
#   listens on 127.0.0.0/8: lookups fail, and CoreDNS's `forward . /etc/resolv.conf`
#   forwards to itself, which the loop plugin stops with `Loop (…) detected for zone "."`.
#   Point the kubelet's `resolvConf` at a file with the real upstream servers
#   (`/run/systemd/resolve/resolv.conf` under systemd-resolved; kubeadm does so itself), or
#   forward CoreDNS to real addresses. Files that only the host itself reads may keep it.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/#known-issues
#     description: Debugging DNS Resolution — known issues
#   - ref: https://coredns.io/plugins/loop/#troubleshooting-loops-in-kubernetes-clusters
#     description: loop plugin — troubleshooting loops in Kubernetes clusters
# custom:
#   each: resolv_confs
#   severity: warning
#   source: coredns plugin/loop/README.md (Troubleshooting Loops In Kubernetes Clusters); kubernetes/website dns-debugging-resolution.md (Known issues); kubelet resolvConf
#   bad: |-
#     nameserver 127.0.0.53
#     options edns0 trust-ad
#   good: |-
#     nameserver 10.0.0.2
#     options edns0 trust-ad
package dnslint.rules.resolv["loopback-stub"]

import data.dnslint.lib.kubernetes
import data.dnslint.lib.report

report contains report.finding(ns.pos, msg) if {
	some rc in input.resolv_confs
	some ns in rc.nameservers
	loopback(ns.text)
	msg := sprintf("nameserver %s is a loopback address%s: pods that get this file from the kubelet (dnsPolicy Default, CoreDNS included) have nothing listening there, and CoreDNS forwarding to /etc/resolv.conf loops. Give the kubelet a resolv.conf with the real upstream servers (resolvConf: /run/systemd/resolve/resolv.conf under systemd-resolved)", [
		ns.text, stub(ns.text),
	])
}

loopback(text) if {
	kubernetes.ip(text)
	not contains(text, ":")
	startswith(text, "127.")
}

loopback(text) if {
	kubernetes.ip(text)
	net.cidr_contains("::1/128", text)
}

stub(text) := ", the systemd-resolved stub" if text == "127.0.0.53"

else := ""
