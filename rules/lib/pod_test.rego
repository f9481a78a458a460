package dnslint.lib.pod_test

import data.dnslint.lib.pod

tok(t) := {"text": t, "pos": {"file": "f.yaml", "line": 1, "col": 1, "end_line": 1, "end_col": 1}}

spec(policy, host) := {"dns_policy": policy, "host_network": host}

test_policies if {
	pod.policy(spec(null, null)) == "ClusterFirst"
	pod.policy(spec(tok(""), null)) == "ClusterFirst"
	pod.policy(spec(tok("None"), null)) == "None"
	pod.effective(spec(null, {"value": true})) == "Default"
	pod.effective(spec(tok("ClusterFirstWithHostNet"), {"value": true})) == "ClusterFirstWithHostNet"
	pod.cluster_dns(spec(tok("ClusterFirst"), {"value": false}))
	not pod.cluster_dns(spec(tok("ClusterFirst"), {"value": true}))
	not pod.cluster_dns(spec(tok("Default"), null))
}

test_cluster_search if {
	pod.cluster_search({"object": {"namespace": "shop"}}, "cluster.local") == ["shop.svc.cluster.local", "svc.cluster.local", "cluster.local"]
	pod.cluster_search({"object": {}}, "k8s.example")[0] == "default.svc.k8s.example"
}

container(image, args) := {"name": tok("c"), "image": tok(image), "init": false, "command": [], "args": [tok(a) | some a in args]}

workload(kind, name, ns, containers, volumes) := {
	"object": {"kind": kind, "name": name, "namespace": ns},
	"pod": {"containers": containers, "volumes": volumes, "images": [c.image | some c in containers]},
}

test_coredns_by_name_or_image if {
	pod.coredns(workload("Deployment", "coredns", "kube-system", [], []))
	pod.coredns(workload("Deployment", "rke2-coredns", "kube-system", [container("docker.io/coredns/coredns:1.11.3", [])], []))
	not pod.coredns(workload("DaemonSet", "coredns", "kube-system", [], []))
	not pod.coredns(workload("Deployment", "dns", "kube-system", [container("registry.k8s.io/dns/k8s-dns-node-cache:1.26.4", [])], []))
	pod.dns_server(workload("DaemonSet", "node-local-dns", "kube-system", [container("registry.k8s.io/dns/k8s-dns-node-cache:1.26.4", [])], []))
}

corefile(name, ns, key) := {"object": {"kind": "ConfigMap", "name": name, "namespace": ns}, "key": key, "server_blocks": []}

test_corefiles_follow_the_mounted_configmap_and_conf if {
	w := workload("Deployment", "coredns", "kube-system", [container("coredns/coredns:1.11.3", ["-conf", "/etc/coredns/Corefile.main"])], [
		{"name": tok("config-volume"), "config_map": tok("dns-config")},
		{"name": tok("tmp"), "config_map": null},
	])
	cfs := pod.corefiles(w) with input as {"corefiles": [
		corefile("dns-config", "kube-system", "Corefile.main"),
		corefile("dns-config", "kube-system", "Corefile"),
		corefile("dns-config", "other", "Corefile.main"),
		corefile("coredns", "kube-system", "Corefile.main"),
		corefile("dns-config", "", "Corefile.main"),
	]}
	count(cfs) == 2
}

test_conf_key_defaults_to_corefile if {
	pod.conf_key(workload("Deployment", "coredns", "", [container("coredns/coredns", [])], [])) == "Corefile"
	pod.conf_key(workload("Deployment", "coredns", "", [container("coredns/coredns", ["--conf=/etc/coredns/Corefile2"])], [])) == "Corefile2"
}

cpa(ns, args) := workload("Deployment", "coredns-autoscaler", ns, [container("registry.k8s.io/cpa/cluster-proportional-autoscaler:v1.9.0", args)], [])

autoscaler(name, ns) := {"object": {"kind": "ConfigMap", "name": name, "namespace": ns}}

test_autoscaled_by_a_cpa_target if {
	dns := workload("Deployment", "coredns", "kube-system", [], [])
	pod.autoscaled(dns) with input as {"autoscalers": [], "workloads": [cpa("kube-system", ["--target=Deployment/coredns", "--configmap=coredns-autoscaler"])]}
	pod.autoscaled(dns) with input as {"autoscalers": [], "workloads": [cpa("", ["--namespace", "kube-system", "--target", "deployment/coredns,deployment/other"])]}
	not pod.autoscaled(dns) with input as {"autoscalers": [], "workloads": [cpa("kube-system", ["--target=deployment/nginx"])]}
	not pod.autoscaled(dns) with input as {"autoscalers": [], "workloads": [cpa("other", ["--target=deployment/coredns"])]}
}

test_autoscaled_by_a_configmap_in_the_namespace if {
	dns := workload("Deployment", "coredns", "kube-system", [], [])
	pod.autoscaled(dns) with input as {"autoscalers": [autoscaler("coredns-autoscaler", "kube-system")], "workloads": []}
	not pod.autoscaled(dns) with input as {"autoscalers": [autoscaler("coredns-autoscaler", "other")], "workloads": []}

	# a ConfigMap that a CPA of the run points at another target does not count
	not pod.autoscaled(dns) with input as {
		"autoscalers": [autoscaler("nginx-autoscaler", "kube-system")],
		"workloads": [cpa("kube-system", ["--configmap=nginx-autoscaler", "--target=deployment/nginx"])],
	}
}

test_alpine_images if {
	pod.alpine_images({"images": [tok("nginx:1.27-alpine"), tok("nginx:1.27"), tok("alpine/git")]}) == ["nginx:1.27-alpine", "alpine/git"]
}
