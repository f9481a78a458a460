# METADATA
# title: Pod search list past the API, kubelet or musl limits
# description: |-
#   The API server limits `dnsConfig.searches` to 32 domains and 2048 characters, spaces
#   included (`must not have more than 32 search paths`, `must not have more than 2048
#   characters (including spaces) in the search list`); before Kubernetes 1.26, unless the
#   ExpandedDNSConfig feature gate was on, to 6 and 256. The release comes from
#   `kubernetes-version` (default: the latest dnslint knows). Past them the pod is rejected.
#
#   Under dnsPolicy ClusterFirst the kubelet then puts the three cluster domains
#   (`<namespace>.svc.cluster.local svc.cluster.local cluster.local`, `cluster_domain`) and
#   the node's search domains before the pod's own, and cuts the merged list to the same
#   limits from the end — the pod's own domains go first — with the Warning event `Search
#   Line limits were exceeded, some search paths have been omitted, the applied search line
#   is: …`; reported as a warning.
#
#   musl libc (Alpine images) reads resolv.conf lines into a 256-byte buffer and skips a
#   longer line entirely: past about 247 characters of domains the pod has no search list
#   at all and short names such as `svc.namespace` stop resolving; reported as a warning
#   as well for pods with an image whose name says alpine, counting the cluster domains
#   but not the node's. Keep the search list short.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#dns-search-domain-list-limits
#     description: DNS search domain list limits
# custom:
#   each: workloads
#   severity: error
#   params:
#     cluster_domain: cluster.local
#   source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (validatePodDNSConfig) and pkg/kubelet/network/dns/dns.go (formDNSSearchFitsLimits); KEP-2595 expanded DNS config; musl src/network/resolvconf.c (char line[256])
#   bad: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: web
#           image: nginx
#       dnsConfig:
#         searches: [a.example, b.example, c.example, d.example, e.example, f.example, g.example, h.example, i.example, j.example, k.example, l.example, m.example, n.example, o.example, p.example, q.example, r.example, s.example, t.example, u.example, v.example, w.example, x.example, y.example, z.example, aa.example, ab.example, ac.example, ad.example, ae.example, af.example, ag.example]
#   good: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: web
#           image: nginx
#       dnsConfig:
#         searches: [corp.example]
package dnslint.rules.pod["search-limits"]

import data.dnslint.lib.kubernetes
import data.dnslint.lib.pod
import data.dnslint.lib.report
import data.dnslint.lib.resolver

limits := kubernetes.search_limits

domain := data.dnslint.params["pod/search-limits"].cluster_domain

musl_max := data.dnslint.kubernetes.resolvers.musl_search_line_max_chars

# The API server's limits on dnsConfig.searches.
report contains report.finding(searches[limits.max_paths].pos, msg) if {
	some w in pod.configured
	searches := pod.searches(w.pod)
	count(searches) > limits.max_paths
	msg := sprintf("The API server rejects %s: %d search domains, `%s: Invalid value: …: must not have more than %d search paths` (Kubernetes %s%s). Keep at most %d", [
		pod.name(w), count(searches), pod.field(w, "dnsConfig.searches"), limits.max_paths, kubernetes.version, gate, limits.max_paths,
	])
}

report contains report.finding(searches[i].pos, msg) if {
	some w in pod.configured
	searches := pod.searches(w.pod)
	i := resolver.crossing(texts(searches), 0, limits.max_chars)
	msg := sprintf("The API server rejects %s: the search list is %d characters, `%s: Invalid value: …: must not have more than %d characters (including spaces) in the search list` (Kubernetes %s%s). Shorten or drop domains from here on", [
		pod.name(w), count(concat(" ", texts(searches))), pod.field(w, "dnsConfig.searches"), limits.max_chars, kubernetes.version, gate,
	])
}

# The kubelet's cut of the merged list: the three cluster domains, then the pod's own.
report contains report.graded(own[i].pos, msg, "warning") if {
	some w in pod.configured
	admitted(w)
	pod.cluster_dns(w.pod)
	prefix := pod.cluster_search(w, domain)
	own := distinct(pod.searches(w.pod), prefix)
	i := cut(prefix, own)
	dropped := [s.text | some s in array.slice(own, i, count(own))]
	msg := sprintf("Under dnsPolicy %s the kubelet puts the 3 cluster domains (and the node's) before the pod's own and cuts the list to %d domains and %d characters from the end: %s loses %s, with the event `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: …`. Drop search domains", [
		pod.policy(w.pod), limits.max_paths, limits.max_chars, pod.name(w), concat(" ", dropped),
	])
}

# musl's line buffer, in pods with an Alpine image.
report contains report.graded(own[i].pos, msg, "warning") if {
	some w in pod.configured
	images := pod.alpine_images(w.pod)
	count(images) > 0
	admitted(w)
	prefix := cluster_prefix(w)
	own := distinct(pod.searches(w.pod), prefix)
	not cut(prefix, own)
	i := resolver.crossing(texts(own), start(prefix), musl_max)
	msg := sprintf("The search line of %s is at least %d characters%s: musl libc, which Alpine images use (%s), skips a resolv.conf line longer than its 256-byte buffer, so the pod gets no search list at all and short names such as svc.namespace stop resolving. Keep the domains under %d characters", [
		pod.name(w), count(concat(" ", array.concat(prefix, texts(own)))), with_cluster(prefix), concat(", ", images), musl_max,
	])
}

gate := sprintf("; %s", [limits.gate]) if limits.gate != ""

else := ""

admitted(w) if {
	searches := pod.searches(w.pod)
	count(searches) <= limits.max_paths
	count(concat(" ", texts(searches))) <= limits.max_chars
}

texts(tokens) := [t.text | some t in tokens]

# distinct drops the pod's domains that the prefix or an earlier entry already holds, as
# the kubelet does.
distinct(searches, prefix) := [s |
	some i, s in searches
	not s.text in prefix
	not s.text in {t.text | some t in array.slice(searches, 0, i)}
]

# cut is the index of the first of the pod's own domains the kubelet drops.
cut(prefix, own) := min({i |
	some i, _ in own
	kept := array.concat(prefix, texts(array.slice(own, 0, i + 1)))
	over(kept)
})

over(list) if count(list) > limits.max_paths

over(list) if count(concat(" ", list)) > limits.max_chars

# start is the length of the cluster domains and the space after them.
start(prefix) := count(concat(" ", prefix)) + 1 if count(prefix) > 0

else := 0

cluster_prefix(w) := pod.cluster_search(w, domain) if pod.cluster_dns(w.pod)

else := []

with_cluster(prefix) := " with the 3 cluster domains the kubelet adds" if count(prefix) > 0

else := ""
