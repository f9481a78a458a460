# Helpers over input.workloads: what the kubelet makes of a pod's DNS settings, and which
# workload is the cluster's CoreDNS.
package dnslint.lib.pod

# policy is the dnsPolicy as written, or ClusterFirst, which the API server sets when it
# is unset.
policy(pod) := pod.dns_policy.text if pod.dns_policy.text != ""

else := "ClusterFirst"

host_network(pod) if pod.host_network.value == true

# effective is the policy the kubelet applies: ClusterFirst on the host network falls back
# to Default (kubelet getPodDNSType).
effective(pod) := "Default" if {
	policy(pod) == "ClusterFirst"
	host_network(pod)
} else := policy(pod)

# cluster_dns holds when the kubelet writes the cluster DNS IPs, the three cluster search
# domains and `ndots:5` into the pod's resolv.conf, before the pod's own dnsConfig.
cluster_dns(pod) if effective(pod) in {"ClusterFirst", "ClusterFirstWithHostNet"}

# options are the pod's dnsConfig options (empty without a dnsConfig).
options(pod) := object.get(pod, ["dns_config", "options"], [])

nameservers(pod) := object.get(pod, ["dns_config", "nameservers"], [])

searches(pod) := object.get(pod, ["dns_config", "searches"], [])

# configured are the workloads whose pod has a dnsConfig: the only ones with options,
# nameservers or searches of their own, which rules about these look at.
configured := [w | some w in input.workloads; w.pod.dns_config != null]

# name names the workload in messages: "Deployment web".
name(w) := trim_space(sprintf("%s %s", [w.object.kind, object.get(w.object, "name", "")]))

# field is the path of a pod spec field in the object, as the API server names it in its
# errors: field(w, "dnsConfig.nameservers") is spec.template.spec.dnsConfig.nameservers in
# a Deployment.
field(w, path) := sprintf("%s.%s", [w.pod.path, path])

namespace(obj) := object.get(obj, "namespace", "")

# same_namespace holds for two objects of one namespace; an unset namespace matches any.
same_namespace(a, b) if namespace(a) == namespace(b)

same_namespace(a, _) if namespace(a) == ""

same_namespace(_, b) if namespace(b) == ""

# cluster_search is the search line the kubelet writes before the node's and the pod's own
# domains under a cluster policy: <ns>.svc.<domain> svc.<domain> <domain>. A workload
# without a namespace is counted in `default`.
cluster_search(w, domain) := [
	sprintf("%s.svc.%s", [ns, domain]),
	sprintf("svc.%s", [domain]),
	domain,
] if {
	ns := object.get(w.object, "namespace", "default")
}

# alpine_images are the images of the pod that look Alpine-based (musl libc): the image
# name or tag says alpine.
alpine_images(pod) := [img.text | some img in pod.images; musl_image(img.text)]

# musl_image holds for an image name that says musl (data: resolvers.musl_image_markers,
# which explain lookup --pod reads too).
musl_image(name) if {
	some m in data.dnslint.kubernetes.resolvers.musl_image_markers
	contains(lower(name), m)
}

# coredns_workloads are the workloads of the run that are the cluster's CoreDNS (coredns(w)),
# found once for the rules about them.
coredns_workloads := [w | some w in input.workloads; coredns(w)]

# coredns holds for the cluster's CoreDNS Deployment: named coredns, or running the
# coredns/coredns image (whatever registry or mirror serves it).
coredns(w) if {
	w.object.kind == "Deployment"
	w.object.name == "coredns"
}

coredns(w) if {
	w.object.kind == "Deployment"
	some c in w.pod.containers
	contains(lower(object.get(c, ["image", "text"], "")), "coredns/coredns")
}

# coredns_containers are the containers of a CoreDNS workload that run CoreDNS (not its
# sidecars): named coredns, or with an image that says coredns.
coredns_containers(w) := [c |
	some c in w.pod.containers
	not c.init
	coredns_container(c)
]

coredns_container(c) if c.name.text == "coredns"

coredns_container(c) if contains(lower(object.get(c, ["image", "text"], "")), "coredns")

# dns_server holds for a workload that is a DNS server itself (CoreDNS, NodeLocal
# DNSCache, kube-dns, dnsmasq): it resolves through the node on purpose.
dns_server(w) if coredns(w)

dns_server(w) if {
	some img in w.pod.images
	regex.match(`coredns|k8s-dns-|dnsmasq`, lower(img.text))
}

# corefiles are the Corefiles a CoreDNS workload loads: the key its -conf argument names
# (Corefile by default) of a ConfigMap it mounts, from the same namespace.
corefiles(w) := [cf |
	some cf in input.corefiles
	cf.object.kind == "ConfigMap"
	same_namespace(cf.object, w.object)
	some v in w.pod.volumes
	v.config_map.text == cf.object.name
	cf.key == conf_key(w)
]

conf_key(w) := keys[0] if {
	keys := [base |
		some c in w.pod.containers
		conf := flag(args(c), "conf")
		parts := split(conf, "/")
		base := parts[count(parts) - 1]
	]
	count(keys) > 0
} else := "Corefile"

# args are a container's command and arguments, as texts.
args(c) := [t.text | some t in array.concat(c.command, c.args)]

# autoscaled holds for a Deployment whose replica count a cluster-proportional-autoscaler
# of the run manages: a CPA container whose --target names it, or a CPA ConfigMap in its
# namespace that no CPA of the run points at another target.
autoscaled(w) if {
	some t in cpa_targets
	t.kind == "deployment"
	t.name == w.object.name
	same_namespace(t, w.object)
}

autoscaled(w) if {
	some a in input.autoscalers
	same_namespace(a.object, w.object)
	not claimed_elsewhere(a, w)
}

claimed_elsewhere(a, w) if {
	some t in cpa_targets
	t.configmap == a.object.name
	same_namespace(t, a.object)
	t.name != w.object.name
}

# cpa_targets are the targets of every cluster-proportional-autoscaler container of the run
# (--target=deployment/coredns,… --configmap=… --namespace=…).
cpa_targets contains {"kind": lower(kind), "name": name, "namespace": ns, "configmap": cm} if {
	some a in input.workloads
	some c in a.pod.containers
	some target in split(flag(args(c), "target"), ",")
	[kind, name] := split(trim_space(target), "/")
	ns := flag_or(args(c), "namespace", namespace(a.object))
	cm := flag_or(args(c), "configmap", "")
}

# flag is the value of the first command-line flag --name=value or --name value (one dash
# or two).
flag(args, name) := values[0] if {
	values := [v | some i, _ in args; v := flag_at(args, i, name)]
	count(values) > 0
}

flag_at(args, i, name) := substring(args[i], indexof(args[i], "=") + 1, -1) if {
	regex.match(sprintf(`^--?%s=`, [name]), args[i])
}

flag_at(args, i, name) := args[i + 1] if regex.match(sprintf(`^--?%s$`, [name]), args[i])

flag_or(args, name, fallback) := v if v := flag(args, name)

else := fallback
