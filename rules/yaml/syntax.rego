# METADATA
# title: YAML or JSON that cannot be parsed
# description: |-
#   A manifest that is not valid YAML (or JSON) is refused by kubectl and by the API
#   server, and dnslint cannot see the DNS configuration inside it. The finding gives the
#   YAML parser's message at the line it names; the other files of the run are still linted.
# custom:
#   each: parse_errors
#   severity: error
#   source: YAML 1.2 as read by sigs.k8s.io/yaml (goyaml.v3), the parser kubectl uses
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     data:
#       Corefile: |
#       .:53 {
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     data:
#       Corefile: |
#         .:53 {
#         }
package dnslint.rules.yaml.syntax

import data.dnslint.lib.report

report contains report.finding(e.pos, sprintf("not valid YAML: %s", [e.message])) if {
	some e in input.parse_errors
	e.format == "yaml"
}
