# METADATA
# title: Corefile that CoreDNS cannot parse
# description: |-
#   CoreDNS parses the whole Corefile, with every file and coredns-custom key it imports,
#   before it starts any plugin. Unbalanced braces, a trailing comma in the key list, an
#   import of a missing file, a glob with more than one wildcard or an import cycle stop it
#   with the parser's message, and the pod goes into CrashLoopBackOff (on a reload the old
#   configuration keeps running until the next restart). The finding quotes the message
#   CoreDNS prints, with the path CoreDNS sees inside its pod.
# related_resources:
#   - ref: https://coredns.io/manual/configuration/
#     description: CoreDNS manual, Configuration
# custom:
#   each: parse_errors
#   severity: error
#   source: coredns/caddy caddyfile/parse.go and dispenser.go (the parser CoreDNS uses), error texts verified on CoreDNS 1.14.7
#   bad: |-
#     .:53 {
#         forward . 1.1.1.1 }
#     }
#   good: |-
#     .:53 {
#         forward . 1.1.1.1
#     }
package dnslint.rules.corefile.syntax

import data.dnslint.lib.report

# e.related: the places it also concerns (object.get: a Rego test may build an error without).
report contains report.related(e.pos, sprintf("CoreDNS cannot parse this Corefile and will not start: %s", [e.message]), object.get(e, "related", [])) if {
	some e in input.parse_errors
	e.format == "corefile"
}
