# The checks dnslint's benchmark compares against, written as a conftest user would:
# pod ndots, nameserver count, dnsPolicy None without nameservers, and a cache TTL found
# with a regular expression in the Corefile of a ConfigMap.
package main

import rego.v1

pod_spec := input.spec if input.kind == "Pod"

pod_spec := input.spec.template.spec if input.kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

pod_spec := input.spec.jobTemplate.spec.template.spec if input.kind == "CronJob"

warn contains msg if {
	some opt in pod_spec.dnsConfig.options
	opt.name == "ndots"
	to_number(opt.value) > 5
	msg := sprintf("%s/%s: ndots %s is above 5", [input.kind, input.metadata.name, opt.value])
}

deny contains msg if {
	count(pod_spec.dnsConfig.nameservers) > 3
	msg := sprintf("%s/%s: more than 3 nameservers", [input.kind, input.metadata.name])
}

deny contains msg if {
	pod_spec.dnsPolicy == "None"
	count(object.get(pod_spec, ["dnsConfig", "nameservers"], [])) == 0
	msg := sprintf("%s/%s: dnsPolicy None without nameservers", [input.kind, input.metadata.name])
}

warn contains msg if {
	input.kind == "ConfigMap"
	corefile := input.data.Corefile
	some m in regex.find_all_string_submatch_n(`(?m)^\s*cache\s+(\d+)`, corefile, -1)
	to_number(m[1]) < 30
	msg := sprintf("ConfigMap %s: cache TTL %s is below 30", [input.metadata.name, m[1]])
}
