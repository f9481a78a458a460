package dnslint.lib.pod_test

import data.dnslint.lib.pod

# spec is the pod of a Pod with the lines given (dnsPolicy, hostNetwork) in its spec.
spec(lines) := dnslint.test.input({"pod.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: Pod",
	"metadata: {name: web}",
	"spec:",
	[sprintf("  %s", [l]) | some l in lines],
	"  containers: [{name: web, image: nginx}]",
	"",
]))}).workloads[0].pod

test_policies if {
	pod.policy(spec([])) == "ClusterFirst"
	pod.policy(spec([`dnsPolicy: ""`])) == "ClusterFirst"
	pod.policy(spec(["dnsPolicy: None"])) == "None"
	pod.effective(spec(["hostNetwork: true"])) == "Default"
	pod.effective(spec(["dnsPolicy: ClusterFirstWithHostNet", "hostNetwork: true"])) == "ClusterFirstWithHostNet"
	pod.cluster_dns(spec(["dnsPolicy: ClusterFirst", "hostNetwork: false"]))
	not pod.cluster_dns(spec(["dnsPolicy: ClusterFirst", "hostNetwork: true"]))
	not pod.cluster_dns(spec(["dnsPolicy: Default"]))
}

# workload is the one workload of a run of the given YAML text.
workload(yaml) := dnslint.test.input({"w.yaml": yaml}).workloads[0]

# deployment is a Deployment named name in namespace ns ("" for none) whose containers
# (YAML flow mappings) are given.
deployment(name, ns, containers) := concat("\n", array.flatten([
	"apiVersion: apps/v1",
	"kind: Deployment",
	metadata(name, ns),
	"spec:",
	"  template:",
	"    spec:",
	"      containers:",
	[sprintf("      - %s", [c]) | some c in containers],
	"",
]))

metadata(name, "") := sprintf("metadata: {name: %s}", [name])

metadata(name, ns) := sprintf("metadata: {name: %s, namespace: %s}", [name, ns]) if ns != ""

test_cluster_search if {
	pod.cluster_search(workload(deployment("web", "shop", ["{name: web, image: nginx}"])), "cluster.local") == ["shop.svc.cluster.local", "svc.cluster.local", "cluster.local"]
	pod.cluster_search(workload(deployment("web", "", ["{name: web, image: nginx}"])), "k8s.example")[0] == "default.svc.k8s.example"
}

test_coredns_by_name_or_image if {
	pod.coredns(workload(deployment("coredns", "kube-system", ["{name: dns, image: mirror.example/dns:1.11.3}"])))
	pod.coredns(workload(deployment("rke2-coredns", "kube-system", ["{name: coredns, image: docker.io/coredns/coredns:1.11.3}"])))
	not pod.coredns(workload(`
		apiVersion: apps/v1
		kind: DaemonSet
		metadata: {name: coredns, namespace: kube-system}
		spec:
		  template:
		    spec:
		      containers: [{name: coredns, image: mirror.example/dns:1.11.3}]
	`))
	not pod.coredns(workload(deployment("dns", "kube-system", ["{name: node-cache, image: registry.k8s.io/dns/k8s-dns-node-cache:1.26.4}"])))
	pod.dns_server(workload(`
		apiVersion: apps/v1
		kind: DaemonSet
		metadata: {name: node-local-dns, namespace: kube-system}
		spec:
		  template:
		    spec:
		      hostNetwork: true
		      containers: [{name: node-cache, image: registry.k8s.io/dns/k8s-dns-node-cache:1.26.4}]
	`))
}

# dns_config is a ConfigMap named name in namespace ns ("" for none) with a Corefile
# under each key of keys.
dns_config(name, ns, keys) := concat("\n", array.flatten([
	"---",
	"apiVersion: v1",
	"kind: ConfigMap",
	metadata(name, ns),
	"data:",
	[line |
		some k in keys
		some line in [sprintf("  %s: |", [k]), "    .:53 {", "        forward . /etc/resolv.conf", "    }"]
	],
	"",
]))

test_corefiles_follow_the_mounted_configmap_and_conf if {
	run := dnslint.test.input({
		"coredns.yaml": `
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: coredns, namespace: kube-system}
			spec:
			  template:
			    spec:
			      containers:
			      - name: coredns
			        image: coredns/coredns:1.11.3
			        args: [-conf, /etc/coredns/Corefile.main]
			        volumeMounts:
			        - {name: config-volume, mountPath: /etc/coredns}
			        - {name: tmp, mountPath: /tmp}
			      volumes:
			      - name: config-volume
			        configMap: {name: dns-config}
			      - name: tmp
			        emptyDir: {}
		`,
		"configmaps.yaml": concat("", [
			dns_config("dns-config", "kube-system", ["Corefile.main", "Corefile"]),
			dns_config("dns-config", "other", ["Corefile.main"]),
			dns_config("coredns", "kube-system", ["Corefile.main"]),
			dns_config("dns-config", "", ["Corefile.main"]),
		]),
	})
	count(run.corefiles) == 5
	cfs := pod.corefiles(run.workloads[0]) with input as run
	{[cf.object.name, pod.namespace(cf.object), cf.key] | some cf in cfs} == {["dns-config", "kube-system", "Corefile.main"], ["dns-config", "", "Corefile.main"]}
}

test_conf_key_defaults_to_corefile if {
	pod.conf_key(workload(deployment("coredns", "", ["{name: coredns, image: coredns/coredns}"]))) == "Corefile"
	pod.conf_key(workload(deployment("coredns", "", ["{name: coredns, image: coredns/coredns, args: [--conf=/etc/coredns/Corefile2]}"]))) == "Corefile2"
}

# dns is the CoreDNS Deployment of kube-system; cpa a cluster-proportional-autoscaler
# Deployment in namespace ns with the args given (a YAML flow sequence).
dns := deployment("coredns", "kube-system", ["{name: coredns, image: registry.k8s.io/coredns/coredns:v1.11.3}"])

cpa(ns, args) := deployment("coredns-autoscaler", ns, [sprintf("{name: autoscaler, image: registry.k8s.io/cpa/cluster-proportional-autoscaler:v1.9.0, command: [/cluster-proportional-autoscaler], args: %s}", [args])])

# autoscaler is a CPA ConfigMap named name in namespace ns.
autoscaler(name, ns) := concat("\n", [
	"apiVersion: v1",
	"kind: ConfigMap",
	metadata(name, ns),
	"data:",
	`  ladder: '{"coresToReplicas": [[1, 2], [512, 3]], "nodesToReplicas": [[1, 2], [8, 3]]}'`,
	"",
])

# autoscaled tells whether the CoreDNS Deployment of a run of dns and the other files is
# autoscaled.
autoscaled(files) if {
	run := dnslint.test.input(object.union({"dns.yaml": dns}, files))
	some w in run.workloads
	w.object.name == "coredns"
	pod.autoscaled(w) with input as run
}

test_autoscaled_by_a_cpa_target if {
	autoscaled({"cpa.yaml": cpa("kube-system", "[--target=Deployment/coredns, --configmap=coredns-autoscaler]")})
	autoscaled({"cpa.yaml": cpa("", "[--namespace, kube-system, --target, 'deployment/coredns,deployment/other']")})
	not autoscaled({"cpa.yaml": cpa("kube-system", "[--target=deployment/nginx]")})
	not autoscaled({"cpa.yaml": cpa("other", "[--target=deployment/coredns]")})
}

test_autoscaled_by_a_configmap_in_the_namespace if {
	autoscaled({"as.yaml": autoscaler("coredns-autoscaler", "kube-system")})
	not autoscaled({"as.yaml": autoscaler("coredns-autoscaler", "other")})

	# a ConfigMap that a CPA of the run points at another target does not count
	not autoscaled({
		"as.yaml": autoscaler("nginx-autoscaler", "kube-system"),
		"cpa.yaml": cpa("kube-system", "[--configmap=nginx-autoscaler, --target=deployment/nginx]"),
	})
}

test_alpine_images if {
	w := workload(deployment("web", "", [
		"{name: web, image: nginx:1.27-alpine}",
		"{name: metrics, image: nginx:1.27}",
		"{name: sync, image: alpine/git}",
	]))
	pod.alpine_images(w.pod) == ["nginx:1.27-alpine", "alpine/git"]
}
