# METADATA
# title: Pod search domain that the API server rejects
# description: |-
#   Each `dnsConfig.searches` entry, after one trailing dot is dropped, must be a lowercase
#   DNS subdomain of at most 253 characters; the API server rejects the pod otherwise with
#   `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'
#   or '.', and must start and end with an alphanumeric character (e.g. 'example.com',
#   regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`.
#   From Kubernetes 1.33 (RelaxedDNSSearchValidation, beta and on by default; GA in 1.34)
#   it also accepts `_` in labels (`_tcp.example.com`) and a lone `.`; the release comes from
#   `kubernetes-version`. Uppercase letters are never accepted: write the domain in lowercase.
#   The API server does not check label length: a label over 63 characters is admitted but
#   no resolver can build a name under it, which this rule reports as a warning.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
#     description: Pod's DNS Config
# custom:
#   each: workloads
#   severity: error
#   source: kubernetes/kubernetes pkg/apis/core/validation/validation.go (validatePodDNSConfig); apimachinery pkg/util/validation/validation.go (IsDNS1123Subdomain, IsDNS1123SubdomainWithUnderscore); KEP-4427
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
#         searches: [Corp.Example.com]
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
#         searches: [corp.example.com]
package dnslint.rules.pod["invalid-search-domain"]

import data.dnslint.lib.kubernetes
import data.dnslint.lib.pod
import data.dnslint.lib.report

strict_label := `[a-z0-9]([-a-z0-9]*[a-z0-9])?`

relaxed_label := `_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?`

report contains report.finding(s.pos, msg) if {
	some w in pod.configured
	some i, s in pod.searches(w.pod)
	not lone_dot(s.text)
	value := trim_suffix(s.text, ".")
	problem := invalid(value)
	msg := sprintf("The API server rejects %s: `%s[%d]: Invalid value: %q: %s`.%s", [
		pod.name(w), pod.field(w, "dnsConfig.searches"), i, value, problem, hint(value),
	])
}

report contains report.graded(s.pos, msg, "warning") if {
	some w in pod.configured
	some s in pod.searches(w.pod)
	value := trim_suffix(s.text, ".")
	not invalid(value)
	some label in split(value, ".")
	count(label) > 63
	msg := sprintf("The label %s… of search domain %s in %s is %d characters: the API server admits it, but a DNS label holds at most 63, so no name under this domain can be looked up. Shorten it", [
		substring(label, 0, 20), s.text, pod.name(w), count(label),
	])
}

lone_dot(".") if kubernetes.relaxed_search

invalid(value) := "must be no more than 253 characters" if count(value) > 253

else := sprintf("%s (e.g. 'example.com', regex used for validation is '%s')", [message, subdomain]) if {
	not regex.match(sprintf("^%s$", [subdomain]), value)
}

subdomain := sprintf(`%s(\.%s)*`, [relaxed_label, relaxed_label]) if kubernetes.relaxed_search

else := sprintf(`%s(\.%s)*`, [strict_label, strict_label])

message := "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character" if {
	kubernetes.relaxed_search
} else := "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"

hint(value) := sprintf(" Write it in lowercase: %s", [lower(value)]) if {
	lower(value) != value
	not invalid(lower(value))
}

else := sprintf(" Kubernetes %s accepts `_` and a lone `.` (RelaxedDNSSearchValidation), this run targets %s: set kubernetes-version if the cluster is newer", [
	data.dnslint.kubernetes.relaxed_search_validation_from, kubernetes.version,
]) if {
	not kubernetes.relaxed_search
	regex.match(`_|^$`, value)
}

else := " Drop the characters a domain name cannot hold (spaces, `*`, `/`, `:`), and leading or trailing dots and dashes"
