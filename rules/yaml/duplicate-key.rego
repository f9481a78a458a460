# METADATA
# title: key written twice in one mapping
# description: |-
#   YAML forbids a key twice in one mapping, but the tools disagree on what to do with it.
#   `kubectl apply -f` and `kubectl create -f` convert the file to JSON with
#   sigs.k8s.io/yaml before sending it, which keeps the last value and drops the earlier
#   ones without a word — even with kubectl's default `--validate=strict`, because the API
#   server then receives JSON without the duplicate (kubernetes/kubernetes#89303, #99286,
#   #125885). kustomize (`kubectl apply -k`) reads YAML with yaml.v3 and refuses the file:
#   `mapping key "dnsPolicy" already defined at line 12`; the API server, sent YAML with
#   `fieldValidation=Strict`, refuses it too. So one of the two values is lost, or the
#   apply fails, depending on the tool. dnslint reads the last value, as kubectl does, and
#   reports every other occurrence of a key it reads (pod DNS fields, ConfigMap keys, the
#   fields that lead to them). An error when the values differ (one is silently dropped),
#   a warning when they are the same (nothing is lost, but kustomize refuses the file).
# related_resources:
#   - ref: https://github.com/kubernetes/kubernetes/issues/89303
#     description: "kubernetes/kubernetes#89303: apiserver accepts podspec with duplicate keys (the last one wins)"
#   - ref: https://github.com/kubernetes/kubernetes/issues/125885
#     description: "kubernetes/kubernetes#125885: kubectl 1.27 with fieldValidation=Strict sends only the last of three containers keys"
#   - ref: https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
#     description: Kubernetes API concepts, field validation (duplicate fields)
# custom:
#   each: duplicate_keys
#   severity: error
#   source: sigs.k8s.io/yaml v1.6.0 yaml.go (YAMLToJSON, used by kubectl's YAMLOrJSONDecoder in k8s.io/apimachinery pkg/util/yaml) and go.yaml.in/yaml/v2 decode.go setMapIndex (last value wins; strict mode `key %#v already set in map`); go.yaml.in/yaml/v3 decode.go (`mapping key %#v already defined at line %d`); k8s.io/apimachinery pkg/runtime/serializer/json/json.go (strict YAML decoding through YAMLToJSONStrict)
#   bad: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: resolver
#     spec:
#       dnsPolicy: None
#       dnsConfig:
#         nameservers: [10.0.0.10]
#       containers:
#         - name: app
#           image: busybox:1.36
#       dnsPolicy: ClusterFirst
#   good: |-
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: resolver
#     spec:
#       dnsPolicy: None
#       dnsConfig:
#         nameservers: [10.0.0.10]
#       containers:
#         - name: app
#           image: busybox:1.36
package dnslint.rules.yaml["duplicate-key"]

import data.dnslint.lib.report

# The lines inside kustomize's message are its own words, quoted; where the kept value is
# written is the related place.
report contains report.with_related(report.graded(d.key.pos, msg, severity(d)), kept) if {
	some d in input.duplicate_keys
	msg := sprintf("`%s` is written twice in this mapping of %s %s: kubectl (apply/create -f) keeps the last value, %s, and silently drops this one, %s; kustomize (kubectl apply -k) refuses the file with `line %d: mapping key %q already defined at line %d`. Keep one `%s`", [
		d.key.text, d.object.kind, d.object.name, quoted(d.kept_value), same_or(d),
		d.kept.pos.line, d.key.text, d.key.pos.line, d.key.text,
	])
	kept := [{"message": sprintf("the last `%s`, whose value kubectl keeps", [d.key.text]), "pos": d.kept.pos}]
}

severity(d) := "warning" if d.value == d.kept_value

else := "error"

same_or(d) := sprintf("%s (the same)", [quoted(d.value)]) if d.value == d.kept_value

else := quoted(d.value)

quoted(v) := sprintf("`%s`", [v]) if v != ""

else := "an empty value"
