package dnslint.rules.custom["not-imported_test"]

import data.dnslint.rules.custom["not-imported"] as rule

at(file, l, c, ec) := {"file": file, "line": l, "col": c, "end_line": l, "end_col": ec}

# custom is the coredns-custom ConfigMap with the given keys (log.override: `log`;
# a.server: a server block).
custom(keys) := concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns-custom, namespace: kube-system}",
	"data:",
	[value(k) | some k in keys],
	"",
]))

value("log.override") := "  log.override: |\n    log"

value("a.server") := "  a.server: |\n    a.example:53 {\n        whoami\n    }"

# corefile is the coredns ConfigMap, importing the custom keys or not.
corefile(imports) := concat("\n", [
	"apiVersion: v1",
	"kind: ConfigMap",
	"metadata: {name: coredns, namespace: kube-system}",
	"data:",
	"  Corefile: |",
	"    .:53 {",
	import_line[imports],
	"        forward . /etc/resolv.conf",
	"    }",
	"",
])

import_line := {true: "        import custom/*.override", false: "        errors"}

# deployment mounts both ConfigMaps, as AKS's does: the Corefile then is known by the
# mount only when its ConfigMap is not in the run.
deployment := `
	apiVersion: apps/v1
	kind: Deployment
	metadata: {name: coredns, namespace: kube-system}
	spec:
	  template:
	    spec:
	      containers:
	      - name: coredns
	        image: registry.k8s.io/coredns/coredns:v1.11.3
	        args: [-conf, /etc/coredns/Corefile]
	        volumeMounts:
	        - {name: config-volume, mountPath: /etc/coredns}
	        - {name: custom-config-volume, mountPath: /etc/coredns/custom}
	      volumes:
	      - name: config-volume
	        configMap: {name: coredns}
	      - name: custom-config-volume
	        configMap: {name: coredns-custom}
`

test_corefile_of_the_run_imports_nothing if {
	r := rule.report with input as dnslint.test.input({"custom.yaml": custom(["log.override", "a.server"]), "coredns.yaml": corefile(false)})
	count(r) == 1
	some f in r
	f.location == at("custom.yaml", 2, 7, 15)
	f.related[0].pos == at("coredns.yaml", 2, 7, 15)
	contains(f.message, "ConfigMap coredns-custom is never read by the CoreDNS of this run: its Corefile, key Corefile of ConfigMap coredns (coredns.yaml)")
	contains(f.message, "none of its keys (log.override, a.server)")
}

# The test builtin's run has no repository: the run's partner stands in for one found there.
test_corefile_of_the_repository_imports_nothing if {
	run := dnslint.test.input({"custom.yaml": custom(["log.override"]), "coredns.yaml": corefile(false)})
	c := run.customs[0]
	partner := object.union(c.partner, {"source": "repository", "file": "clusters/prod/coredns.yaml"})
	r := rule.report with input as object.union(run, {"customs": [object.union(c, {"partner": partner})]})
	count(r) == 1
	some f in r
	contains(f.message, "key Corefile of ConfigMap coredns (clusters/prod/coredns.yaml)")
}

test_corefile_of_the_run_imports if {
	count(rule.report) == 0 with input as dnslint.test.input({"custom.yaml": custom(["log.override"]), "coredns.yaml": corefile(true)})
}

test_platform_default_is_not_the_run if {
	run := dnslint.test.input({"custom.yaml": custom(["log.override"])})
	run.customs[0].partner.source == "platform"
	count(rule.report) == 0 with input as run
}

test_corefile_known_by_mount_only if {
	run := dnslint.test.input({"custom.yaml": custom(["log.override"]), "deploy.yaml": deployment})
	run.customs[0].partner.source == "mount"
	count(rule.report) == 0 with input as run
}

test_empty_custom if {
	count(rule.report) == 0 with input as dnslint.test.input({"custom.yaml": custom([]), "coredns.yaml": corefile(false)})
}

test_platform_that_imports_no_custom if {
	r := rule.report with input as dnslint.test.input_on("eks", {"custom.yaml": custom(["log.override"])})
	count(r) == 1
	some f in r
	f.location == at("custom.yaml", 2, 7, 15)
	contains(f.message, "ConfigMap coredns-custom is never read on platform eks")
	contains(f.message, "(log.override)")
}
