# METADATA
# title: Suppression that silences nothing
# description: |-
#   A `# dnslint:ignore <rule>` comment that matched no finding on its line or the line
#   below is stale: the problem was fixed, the rule id is misspelt, or the comment sits on
#   the wrong line. Like staticcheck, dnslint reports it so that suppressions stay
#   accountable. A comment with no rule id is reported the same way. This rule is emitted
#   by the engine after filtering (lint/suppress); this file holds its metadata only.
# custom:
#   severity: info
#   fixable: true
#   engine: true
#   bad: |-
#     .:53 {
#         cache 30 # dnslint:ignore cache/low-ttl -- no longer low
#     }
#   good: |-
#     .:53 {
#         cache 5 # dnslint:ignore cache/low-ttl -- upstream has no rate limit
#     }
package dnslint.rules.dnslint["unused-suppression"]

# The engine emits this rule's findings: no finding is computed in Rego.
report := set()
