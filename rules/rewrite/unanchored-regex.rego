# METADATA
# title: rewrite name regex without ^ and $ anchors
# description: |-
#   `rewrite name regex FROM TO` rewrites every query name in which FROM matches anywhere:
#   Go regular expressions are not anchored. `(.*)\.example\.com` also matches
#   `a.example.com.evil.org.` and `a.example.community.`, and `example\.com` matches
#   `notexample.com.`, so queries for other domains are rewritten too — to names that then
#   fail or, worse, resolve to your service. The CoreDNS maintainers' advice is to anchor the
#   pattern with `^` and `$` ("otherwise it could match the middle of a longer domain"), and
#   to escape every dot; the AKS documentation's own example was reported for exactly this.
#   Write `^(.*)\.example\.com\.$` (query names end with a dot). A pattern that starts with
#   `.*` is anchored at the start in effect, one that ends with `.*` at the end.
# related_resources:
#   - ref: https://coredns.io/plugins/rewrite/
#     description: rewrite plugin (regex name rewrites)
# custom:
#   each: corefiles
#   severity: warning
#   source: coredns/coredns#2347 (maintainer advice on anchors); MicrosoftDocs/azure-docs#109609; CoreDNS plugin/rewrite/name.go @ v1.14.7 (regex rules use FindStringSubmatch)
#   bad: |-
#     .:53 {
#         rewrite name regex (.*)\.example\.com {1}.default.svc.cluster.local
#     }
#   good: |-
#     .:53 {
#         rewrite name regex ^(.*)\.example\.com\.$ {1}.default.svc.cluster.local
#     }
package dnslint.rules.rewrite["unanchored-regex"]

import data.dnslint.lib.corefile
import data.dnslint.lib.plugins
import data.dnslint.lib.report

report contains report.finding(p.pos, msg) if {
	some r in rules
	p := r.words[r.at + 2]
	lower(r.words[r.at + 1].text) == "regex"
	not plugins.templated(p.text)
	missing := [m | some m in ["^", "$"]; not anchored(p.text, m)]
	count(missing) > 0
	msg := sprintf("`rewrite name regex %s` has no %s anchor%s: it matches anywhere in the query name, so names of other domains that merely contain it are rewritten too. Anchor it: `%s`", [
		p.text, concat(" and no ", [sprintf("`%s`", [m]) | some m in missing]), corefile.where(r.line), fixed(p.text),
	])
}

# rules are the rewrite rules with their words: the line's arguments, and for the block
# form (`rewrite stop { name regex … }`) the block's lines one after another, as
# rewriteParse reads them. at is the index of the `name` word.
rules contains {"line": d, "words": words, "at": i} if {
	some x in corefile.directives("rewrite")
	d := x.directive
	words := array.concat(d.args, [w | some l in d.block; some w in array.concat([{"text": l.name, "pos": l.pos}], l.args)])
	i := name_index(words)
	count(words) > i + 2
}

name_index(words) := 0 if lower(words[0].text) == "name"

else := 1 if {
	lower(words[0].text) in {"continue", "stop"}
	lower(words[1].text) == "name"
}

anchored(p, "^") if startswith(p, "^")

anchored(p, "^") if startswith(p, ".*")

anchored(p, "^") if startswith(p, "(.*)")

anchored(p, "$") if regex.match(`(^|[^\\])\$$`, p)

anchored(p, "$") if endswith(p, ".*")

anchored(p, "$") if endswith(p, "(.*)")

fixed(p) := concat("", [start(p), p, end(p)])

start(p) := "" if anchored(p, "^")

else := "^"

# end closes the pattern: query names end with a dot, so an unanchored pattern that does
# not already end with one needs `\.$`.
end(p) := "" if anchored(p, "$")

# (A braced body: opa fmt garbles a one-line `else … if` followed by a bare else.)
else := "$" if {
	endswith(p, ".")
}

else := `\.$`
