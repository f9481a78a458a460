package dnslint.rules.kubernetes["invalid-option-value_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.kubernetes["invalid-option-value"] as rule

# findings of `kubernetes <zones> { <lines> }`: [severity, message].
findings(zones, lines) := {[object.get(f, "severity", "error"), f.message] | some f in rule.report with input as model} if {
	model := corefile.server(array.flatten([
		sprintf("kubernetes %s {", [zones]),
		[sprintf("    %s", [l]) | some l in lines],
		"}",
	]))
}

one(zones, lines, severity, text) if {
	fs := findings(zones, lines)
	count(fs) == 1
	some [s, m] in fs
	s == severity
	contains(m, text)
}

test_label_selectors if {
	one("coredns.local", ["labels environment in (production, qa"], "error", "`unable to parse label selector value: 'environment in (production, qa': couldn't parse the selector string \"environment in (production, qa\": unable to parse requirement: found '', expected: ',' or ')'`")
	one("coredns.local", ["namespace_labels tier!=x"], "error", "`unable to parse namespace_label selector value: 'tier!=x': \"!=\" is not a valid label selector operator`")
	count(findings("coredns.local", ["labels environment in (production, qa)", "namespace_labels team=dns"])) == 0
}

test_apiserver_qps if {
	one("coredns.local", ["apiserver_qps -10"], "error", "`apiserver_qps must be >= 0`")
	one("coredns.local", ["apiserver_qps many"], "error", "`invalid apiserver_qps \"many\": strconv.ParseFloat: parsing \"many\": invalid syntax`")
	count(findings("coredns.local", ["apiserver_qps 12.5"])) == 0
	count(findings("coredns.local", ["apiserver_qps -10"])) == 0 with data.dnslint.config as {"coredns_version": "1.13.1"}
}

test_multicluster if {
	one("coredns.local", ["multicluster clusterset.local"], "error", "`is not authoritative for the multicluster zone clusterset.local. (authoritative zones: [coredns.local.])`")
	one("coredns.local clusterset.local", ["multicluster clusterset.local test.local"], "error", "zone test.local. (authoritative zones: [coredns.local. clusterset.local.])`")
	count(findings("coredns.local clusterset.local", ["multicluster clusterset.local"])) == 0
}

test_zonal_needs_endpoints if {
	one("coredns.local", ["zonal", "noendpoints"], "error", "`zonal requires the endpoint cache; remove noendpoints`")
	count(findings("coredns.local", ["zonal"])) == 0
}

test_several_endpoints_warn if {
	one("coredns.local", ["endpoint https://a:6443 https://b:6443"], "warning", "`Multiple endpoints have been deprecated, only the first specified endpoint 'https://a:6443' is used`")
	count(findings("coredns.local", ["endpoint https://a:6443"])) == 0
}
