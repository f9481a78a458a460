# METADATA
# title: Pod nameserver that is not an IP address
# description: |-
#   `dnsConfig.nameservers` are written into the pod's resolv.conf, where the resolver
#   needs IP addresses: it cannot look up the name of its own nameserver, and it always
#   uses port 53. The API server rejects anything else with `must be a valid IP address,
#   (e.g. 10.9.8.7 or 2001:db8::ffff)` — a hostname, an address with a port (`10.0.0.10:53`)
#   or a zone (`fe80::1%eth0`), a network (`10.0.0.0/24`). Write the IP address alone.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
#     description: Pod's DNS Config
# custom:
#   each: workloads
#   severity: error
#   source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (validatePodDNSConfig); apimachinery pkg/util/validation/ip.go (IsValidIP)
#   bad: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: web
#           image: nginx
#       dnsPolicy: None
#       dnsConfig:
#         nameservers: ["10.96.0.10:53"]
#   good: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: web
#           image: nginx
#       dnsPolicy: None
#       dnsConfig:
#         nameservers: ["10.96.0.10"]
package dnslint.rules.pod["invalid-nameserver"]

import data.dnslint.lib.kubernetes
import data.dnslint.lib.pod
import data.dnslint.lib.report

report contains report.finding(ns.pos, msg) if {
	some w in pod.configured
	some i, ns in pod.nameservers(w.pod)
	not kubernetes.ip(ns.text)
	msg := sprintf("The API server rejects %s: `%s[%d]: Invalid value: %q: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`. %s", [
		pod.name(w), pod.field(w, "dnsConfig.nameservers"), i, ns.text, fix(ns.text),
	])
}

fix(text) := sprintf("Drop the port: the resolver always queries port 53, so write %s", [host]) if {
	[_, host, _] := regex.find_all_string_submatch_n(`^\[?([0-9a-fA-F:.]+?)\]?:([0-9]+)$`, text, 1)[0]
	kubernetes.ip(host)
}

else := "Drop the zone: resolv.conf nameservers take no interface" if {
	contains(text, "%")
} else := "Write the network's DNS server address, not the network" if {
	contains(text, "/")
}

else := "Write the server's IP address: the resolver cannot look up the name of its own nameserver" if {
	not contains(text, ":")
	regex.match(`[a-zA-Z]`, text)
}

else := "Write an IPv4 or IPv6 address"
