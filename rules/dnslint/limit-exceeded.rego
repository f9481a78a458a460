# METADATA
# title: Configuration past one of dnslint's limits, not linted
# description: |-
#   dnslint bounds the work one input may cost, so that a hostile or generated file
#   cannot stall a CI run: a Corefile may hold at most 16384 tokens (words and braces),
#   its imports and snippets included. Real Corefiles hold a few hundred; a snippet
#   imported thousands of times, or a hosts list of tens of thousands of lines, passes
#   the limit. dnslint then does not lint that Corefile at all and says so here; the
#   other files of the run are linted as usual. Move long host lists into a hosts file
#   (`hosts /etc/coredns/hosts`), or check that the snippets do not import each other
#   in a loop. (Files over --max-file-size are reported before parsing, as errors of
#   the run.)
# custom:
#   each: parse_errors
#   severity: warning
#   source: dnslint's limits (lint/parse/corefile maxTokens)
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
#     .:53 {
#         import a5
#     }
#   good: |-
#     .:53 {
#         hosts /etc/coredns/hosts
#         forward . 10.0.0.53
#     }
package dnslint.rules.dnslint["limit-exceeded"]

import data.dnslint.lib.report

report contains report.finding(e.pos, sprintf("dnslint did not lint this: %s. The rest of the run is linted", [e.message])) if {
	some e in input.parse_errors
	e.format == "limit"
}
