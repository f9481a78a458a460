# METADATA
# title: resolv.conf with more than 3 nameservers
# description: |-
#   glibc and musl use the first 3 `nameserver` lines (MAXNS) and ignore the rest, without
#   a word. When the file is a node's resolv.conf, the kubelet passes its nameservers to
#   every dnsPolicy Default pod, cuts them to 3 as well and records the Warning event
#   `Nameserver limits were exceeded, some nameservers have been omitted, the applied
#   nameserver line is: …` on each pod. Keep the 3 you need, in the order they should be
#   tried.
# related_resources:
#   - ref: https://man7.org/linux/man-pages/man5/resolv.conf.5.html
#     description: resolv.conf(5)
#   - ref: https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/#known-issues
#     description: Debugging DNS Resolution — known issues
# custom:
#   each: resolv_confs
#   severity: warning
#   source: resolv.conf(5) and glibc <resolv.h> (MAXNS 3); kubernetes/kubernetes pkg/kubelet/network/dns/dns.go (formDNSNameserversFitsLimits)
#   bad: |-
#     nameserver 10.0.0.53
#     nameserver 10.0.1.53
#     nameserver 10.0.2.53
#     nameserver 10.0.3.53
#   good: |-
#     nameserver 10.0.0.53
#     nameserver 10.0.1.53
#     nameserver 10.0.2.53
package dnslint.rules.resolv["too-many-nameservers"]

import data.dnslint.lib.report

max := data.dnslint.kubernetes.resolvers.max_nameservers

report contains report.finding(ns.pos, msg) if {
	some rc in input.resolv_confs
	some i, ns in rc.nameservers
	i >= max
	msg := sprintf("nameserver %s is number %d: the resolver uses the first %d and ignores it, and the kubelet drops it for dnsPolicy Default pods (`Nameserver limits were exceeded, some nameservers have been omitted, …`). Remove it, or replace one of the first %d", [
		ns.text, i + 1, max, max,
	])
}
