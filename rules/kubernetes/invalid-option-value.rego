# METADATA
# title: kubernetes option value or combination that CoreDNS refuses, or a deprecated endpoint list
# description: |-
#   What the kubernetes plugin's setup function checks beyond each line's shape (that is
#   corefile/invalid-plugin-args'): `labels` and `namespace_labels` must parse as Kubernetes
#   label selectors, as k8s.io/apimachinery reads them (dnslint.label_selector_parse):
#   `labels environment in (production, qa` exits with `unable to parse label selector
#   value: 'environment in (production, qa': couldn't parse the selector string …`, and
#   `!=` has no selector operator there; `apiserver_qps` (1.14.0) a number from 0
#   (`apiserver_qps must be >= 0`); each `multicluster` zone (1.12.2) must be one of the
#   plugin's zones (`is not authoritative for the multicluster zone clusterset.local.
#   (authoritative zones: [coredns.local.])`); `zonal` (1.14.7) needs the endpoint cache
#   that `noendpoints` turns off (`zonal requires the endpoint cache; remove noendpoints`).
#   Several `endpoint` URLs start, but CoreDNS logs `Multiple endpoints have been deprecated,
#   only the first specified endpoint '…' is used`: reported as a warning that quotes it.
# related_resources:
#   - ref: https://coredns.io/plugins/kubernetes/
#     description: kubernetes plugin
# custom:
#   each: corefiles
#   severity: error
#   source: "CoreDNS plugin/kubernetes/setup.go ParseStanza @ v1.9.3, v1.11.3, v1.12.2, v1.14.0, v1.14.7; k8s.io/apimachinery metav1.ParseToLabelSelector; CoreDNS's own kubernetes setup tests (make fidelity-setup); testdata/fidelity/kubernetes-labels-unparsable.corefile, kubernetes-multicluster-not-authoritative.corefile, kubernetes-endpoints-deprecated.corefile"
#   bad: |-
#     .:53 {
#         kubernetes cluster.local {
#             labels environment in (production, qa
#         }
#     }
#   good: |-
#     .:53 {
#         kubernetes cluster.local {
#             labels environment in (production, qa)
#         }
#     }
package dnslint.rules.kubernetes["invalid-option-value"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

exits(l, err, fix) := sprintf("CoreDNS %s exits at start-up: kubernetes refuses this with `%s`%s. %s", [corefile.version, err, corefile.where(l), fix])

lines(name) := [{"x": x, "line": l} |
	some x in corefile.directives("kubernetes")
	some l in x.directive.block
	l.name == name
]

selector_name := {"labels": "label", "namespace_labels": "namespace_label"}

# labels, namespace_labels: every value joined by a space, parsed as a label selector.
report contains report.finding(l.pos, exits(l, msg, "Fix the label selector (`key=value`, `key in (a, b)`, `key notin (a)`, `key`, `!key`, comma-separated)")) if {
	some name, word in selector_name
	some y in lines(name)
	l := y.line
	count(l.args) > 0
	not templated(l)
	selector := concat(" ", [a.text | some a in l.args])
	err := dnslint.label_selector_parse(selector)
	err != ""
	msg := sprintf("unable to parse %s selector value: '%s': %s", [word, selector, err])
}

templated(l) if {
	some a in l.args
	plugins.templated(a.text)
}

# apiserver_qps: strconv.ParseFloat(v, 32), at least 0.
report contains report.finding(v.pos, exits(y.line, msg, "Write a number of queries per second from 0")) if {
	plugins.at_least("1.14.0")
	some y in lines("apiserver_qps")
	count(y.line.args) == 1
	v := y.line.args[0]
	not plugins.templated(v.text)
	msg := qps_error(v.text)
}

qps_error(text) := sprintf("invalid apiserver_qps %s: strconv.ParseFloat: parsing %s: invalid syntax", [plugins.quote(text), plugins.quote(text)]) if {
	not regex.match(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`, text)
	not lower(trim_left(text, "+-")) in {"inf", "infinity", "nan"}
} else := "apiserver_qps must be >= 0" if {
	regex.match(`^-([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`, text)
	to_number(trim_left(text, "-")) > 0
}

# multicluster: each zone must be one of the plugin's own.
report contains report.finding(y.line.pos, exits(y.line, msg, "List the multicluster zone among the kubernetes plugin's zones, e.g. `kubernetes cluster.local clusterset.local`")) if {
	plugins.at_least("1.12.2")
	some y in lines("multicluster")
	zones := own_zones(y.x)
	missing := [z | some a in y.line.args; not plugins.templated(a.text); z := plugins.fqdn(a.text); not z in zones]
	count(missing) > 0
	msg := sprintf("is not authoritative for the multicluster zone %s (authoritative zones: [%s])", [missing[0], concat(" ", zones)])
}

own_zones(x) := plugins.zones(x.block, x.directive.args, 0)

# zonal without the endpoint cache.
report contains report.finding(l.pos, exits(l, "zonal requires the endpoint cache; remove noendpoints", "Remove `noendpoints`, or `zonal`")) if {
	plugins.at_least("1.14.7")
	some y in lines("zonal")
	l := y.line
	some other in y.x.directive.block
	other.name == "noendpoints"
}

# Several endpoints: CoreDNS starts with the first and logs a deprecation warning.
report contains report.graded(l.pos, msg, "warning") if {
	some y in lines("endpoint")
	l := y.line
	count(l.args) > 1
	msg := sprintf("CoreDNS %s uses only the first endpoint and logs at start-up `Multiple endpoints have been deprecated, only the first specified endpoint '%s' is used`%s. Keep one endpoint (a load-balanced address of the API server)", [corefile.version, l.args[0].text, corefile.where(l)])
}
