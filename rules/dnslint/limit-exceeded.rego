# METADATA
# title: Configuration past one of dnslint's limits, not linted
# description: |-
#   dnslint bounds the work one input may cost, so that a hostile or generated file
#   cannot stall a CI run or the admission webhook. Past a limit, the file or element is
#   not linted, and that is an error — a limit never lets a file pass unchecked; the
#   other files of the run are linted as usual. The limits: a Corefile may hold at most
#   65536 tokens (words and braces), its imports and snippets included — a hosts list of
#   10,000 entries holds 20,000 and a coredns-custom of a few hundred keys a few
#   thousand; all Corefiles of one run together at most 524288 tokens, import at most
#   16384 files and 64 MiB. Each evaluation of the rules over a part of the input has a
#   time limit (30 s) and a share of memory (1 GiB of heap growth); an element whose
#   evaluation passes it is reported here, naming the limit. For a coredns-custom
#   ConfigMap composed with the platform's default Corefile, a limit passed inside the
#   default is reported on the ConfigMap. Move long host lists into a hosts file
#   (`hosts /etc/coredns/hosts`), check that snippets do not import each other in a
#   loop, or lint fewer files per run. The CLI may lower the severity in `.dnslint.yaml`
#   (`rules: {dnslint/limit-exceeded: {severity: warning}}`); the admission webhook keeps
#   it an error.
# custom:
#   each: parse_errors
#   severity: error
#   source: dnslint's limits (lint/parse/corefile maxTokens and budget.go, lint/engine limits.go)
#   bad: |-
#     (a0) {
#         log w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 w38
#     }
#     (a1) {
#         import a0
#         import a0
#         import a0
#         import a0
#     }
#     (a2) {
#         import a1
#         import a1
#         import a1
#         import a1
#     }
#     (a3) {
#         import a2
#         import a2
#         import a2
#         import a2
#     }
#     (a4) {
#         import a3
#         import a3
#         import a3
#         import a3
#     }
#     (a5) {
#         import a4
#         import a4
#         import a4
#         import a4
#     }
#     (a6) {
#         import a5
#         import a5
#         import a5
#         import a5
#     }
#     .:53 {
#         import a6
#     }
#   good: |-
#     .:53 {
#         hosts /etc/coredns/hosts
#         forward . 10.0.0.53
#     }
package dnslint.rules.dnslint["limit-exceeded"]

import data.dnslint.lib.report

# e.related: the places it also concerns (object.get: a Rego test may build an error without).
report contains report.related(e.pos, sprintf("dnslint did not lint this: %s. The rest of the run is linted", [e.message]), object.get(e, "related", [])) if {
	some e in input.parse_errors
	e.format == "limit"
}
