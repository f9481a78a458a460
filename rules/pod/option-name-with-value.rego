# METADATA
# title: dnsConfig option with its value in the name
# description: |-
#   A dnsConfig option is `{name: ndots, value: "2"}`. Written `{name: "ndots:2"}`, the API
#   server admits it, but the kubelet merges the pod's options with the policy's by name:
#   `ndots:2` is not `ndots`, so under dnsPolicy ClusterFirst the `ndots:5` the kubelet
#   writes stays, and the pod's resolv.conf holds both, in random order (Go map order).
#   glibc applies options left to right, so the pod's ndots is 5 or 2 depending on the
#   pod: the setting is silently ineffective, which this rule reports as an error. Under
#   dnsPolicy Default the same happens with any option the node's resolv.conf sets
#   (warning). Under dnsPolicy None nothing is merged and the option works as written, as
#   do other options under ClusterFirst, whose only own option is ndots.
#   A list item written as a plain string (`- ndots:2`) is no option object at all: the
#   API server cannot decode it. Split the name and the value.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
#     description: Pod's DNS Config
# custom:
#   each: workloads
#   severity: error
#   fixable: true
#   source: kubernetes/kubernetes pkg/kubelet/network/dns/dns.go (mergeDNSOptions); verified with a kube-apiserver 1.34.4 dry run (the object is admitted)
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
#         options:
#           - name: ndots:2
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
#         options:
#           - name: ndots
#             value: "2"
package dnslint.rules.pod["option-name-with-value"]

import data.dnslint.lib.fix
import data.dnslint.lib.pod
import data.dnslint.lib.report

# A plain string item: no option object.
report contains fix.add(report.finding(opt.name.pos, msg), as_object(opt)) if {
	some w in pod.configured
	some opt in pod.options(w.pod)
	scalar(opt)
	contains(opt.name.text, ":")
	[name, value] := split_option(opt.name.text)
	msg := sprintf("`- %s` in %s is a string, not an option object: the API server cannot decode it into dnsConfig.options. Write `- name: %s` with `value: \"%s\"`", [
		opt.name.text, pod.name(w), name, value,
	])
}

report contains fix.add(report.graded(opt.name.pos, msg, severity(w, name)), split(opt)) if {
	some w in pod.configured
	some opt in pod.options(w.pod)
	not scalar(opt)
	contains(opt.name.text, ":")
	[name, value] := split_option(opt.name.text)
	collides(w, name)
	msg := sprintf("`name: %s` in %s: the kubelet merges options by name and `%s` is not `%s`, so %s. The API server admits it. Write `name: %s` and `value: \"%s\"`", [
		opt.name.text, pod.name(w), opt.name.text, name, effect(w, name, opt.name.text), name, value,
	])
}

split_option(text) := [substring(text, 0, i), substring(text, i + 1, -1)] if i := indexof(text, ":")

# scalar holds for an item written as a plain string: its name is the item itself.
scalar(opt) if {
	opt.name.pos.line == opt.pos.line
	opt.name.pos.col == opt.pos.col
}

# collides holds when the policy's own options may hold one of that name: ndots:5 under the
# cluster policies, anything the node's resolv.conf sets under Default.
collides(w, name) if {
	name == "ndots"
	pod.cluster_dns(w.pod)
}

collides(w, _) if pod.effective(w.pod) == "Default"

severity(w, name) := "error" if {
	name == "ndots"
	pod.cluster_dns(w.pod)
}

else := "warning"

effect(w, name, text) := sprintf("the `ndots:5` it writes for dnsPolicy %s stays and `%s` is added next to it, in random order: glibc applies the last one, so ndots differs from pod to pod", [
	pod.policy(w.pod), text,
]) if {
	name == "ndots"
	pod.cluster_dns(w.pod)
} else := sprintf("a `%s` option the node's resolv.conf sets stays next to `%s`, in random order", [name, text])

# as_object writes the string item as the option object it spells: safe, the API server
# refused the string.
as_object(opt) := fix.safe("write the option as {name, value}", [fix.replace(opt.name.pos, opt.name.text, sprintf(`{name: %s, value: "%s"}`, [name, value]))]) if {
	[name, value] := split_option(opt.name.text)
}

# split splits `name: ndots:2` into name and value, the value on a line of its own under
# the name: safe, the value the author wrote now takes effect as the one option of that name.
split(opt) := fix.safe("split into name and value", [
	fix.replace(key, "name", "name"), # the item is a block mapping that starts with name
	fix.scalar(opt.name.pos, opt.name.text, name),
	fix.raw(fix.insert_after(opt.name.pos, opt.name.text, sprintf(`%s%svalue: "%s"`, ["\n", fix.spaces(opt.pos.col - 1), value]))),
]) if {
	opt.value == null
	[name, value] := split_option(opt.name.text)
	key := object.union(opt.pos, {"end_line": opt.pos.line, "end_col": opt.pos.col + 3})
} else := fix.declined("the option has a value already: which one is meant is not evident")
