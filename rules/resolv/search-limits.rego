# METADATA
# title: resolv.conf search line past the kubelet's or musl's limits
# description: |-
#   The kubelet checks the node's resolv.conf (its `resolvConf`) because it adds the three
#   cluster domains in front of its search domains for every ClusterFirst pod: at most
#   32 − 3 = 29 domains (3 under the limits before Kubernetes 1.26), each at most 253
#   characters, 2048 characters in all (256 before). Past them it records Warning events on
#   the node — `Resolv.conf file '<path>' contains search line consisting of more than 29
#   domains!`, `Resolv.conf file "<path>" contains a search path which length is more than
#   allowed 253 chars!`, `Resolv.conf file '<path>' contains search line which length is
#   more than allowed 2048 chars!` — and cuts the pods' search lists, dropping the last
#   domains. The kubelet reads only the last `search` line (it ignores `domain`). musl
#   (Alpine) skips any resolv.conf line longer than its 256-byte buffer, so a search line
#   with more than about 247 characters of domains leaves musl programs with no search list
#   at all. Keep the node's search list short.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#dns-search-domain-list-limits
#     description: DNS search domain list limits
# custom:
#   each: resolv_confs
#   severity: warning
#   source: kubernetes/kubernetes pkg/kubelet/network/dns/dns.go (CheckLimitsForResolvConf, parseResolvConf); kubernetes/kubernetes#100582; musl src/network/resolvconf.c (char line[256])
#   bad: |-
#     nameserver 10.0.0.2
#     search a.example b.example c.example d.example e.example f.example g.example h.example i.example j.example k.example l.example m.example n.example o.example p.example q.example r.example s.example t.example u.example v.example w.example x.example y.example z.example aa.example ab.example ac.example ad.example
#   good: |-
#     nameserver 10.0.0.2
#     search corp.example
package dnslint.rules.resolv["search-limits"]

import data.dnslint.lib.kubernetes
import data.dnslint.lib.report
import data.dnslint.lib.resolver

limits := kubernetes.search_limits

node_paths := limits.max_paths - data.dnslint.kubernetes.cluster_search_domains

max_path := data.dnslint.kubernetes.max_search_path_chars

musl_max := data.dnslint.kubernetes.resolvers.musl_search_line_max_chars

report contains report.finding(search[node_paths].pos, msg) if {
	some rc in input.resolv_confs
	search := kubelet_search(rc)
	count(search) > node_paths
	msg := sprintf("%d search domains: as the node's resolv.conf, the kubelet reports `Resolv.conf file '%s' contains search line consisting of more than %d domains!` (Kubernetes %s) and ClusterFirst pods lose the domains from here on, after the 3 cluster domains it adds. Keep at most %d", [
		count(search), rc.file, node_paths, kubernetes.version, node_paths,
	])
}

report contains report.finding(s.pos, msg) if {
	some rc in input.resolv_confs
	some s in kubelet_search(rc)
	count(s.text) > max_path
	msg := sprintf("search domain of %d characters: as the node's resolv.conf, the kubelet reports `Resolv.conf file \"%s\" contains a search path which length is more than allowed %d chars!` and drops it from pods' search lists. Shorten it", [
		count(s.text), rc.file, max_path,
	])
}

report contains report.finding(search[i].pos, msg) if {
	some rc in input.resolv_confs
	search := kubelet_search(rc)
	i := resolver.crossing([s.text | some s in search], 0, limits.max_chars)
	msg := sprintf("the search line is %d characters: as the node's resolv.conf, the kubelet reports `Resolv.conf file '%s' contains search line which length is more than allowed %d chars!` (Kubernetes %s) and pods lose the domains from here on. Drop domains", [
		count(concat(" ", [s.text | some s in search])), rc.file, limits.max_chars, kubernetes.version,
	])
}

report contains report.finding(search[i].pos, msg) if {
	some rc in input.resolv_confs
	search := kubelet_search(rc)
	within_kubelet_limits(search)
	i := resolver.crossing([s.text | some s in search], 0, musl_max)
	msg := sprintf("this search line has %d characters of domains: musl libc (Alpine images) skips a resolv.conf line longer than its 256-byte buffer, so programs on musl get no search list from it. Keep the domains under %d characters", [
		count(concat(" ", [s.text | some s in search])), musl_max,
	])
}

# kubelet_search is the search list the kubelet reads: the last search line (it ignores
# domain lines). musl takes the last one it can read as well.
kubelet_search(rc) := rc.search_lines[count(rc.search_lines) - 1].args

within_kubelet_limits(search) if {
	count(search) <= node_paths
	every s in search {
		count(s.text) <= max_path
	}
	count(concat(" ", [s.text | some s in search])) <= limits.max_chars
}
