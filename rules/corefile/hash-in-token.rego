# METADATA
# title: "`#` inside a word cuts the word short"
# description: |-
#   In a Corefile a `#` starts a comment even in the middle of a word: CoreDNS's lexer
#   keeps what came before the `#` and silently skips the rest of the word. The dnsmasq
#   and unbound way of giving a port, `forward . 1.2.3.4#53`, is read as
#   `forward . 1.2.3.4`: the port is dropped without a word, and queries go to port 53
#   whatever was written — with `10.0.0.1#5353` to the wrong port. CoreDNS writes a port
#   with a colon (`1.2.3.4:53`); put a `#` that belongs to a value inside double quotes.
# related_resources:
#   - ref: https://coredns.io/manual/configuration/
#     description: CoreDNS manual, Configuration
# custom:
#   each: corefiles
#   severity: warning
#   source: coredns/caddy caddyfile/lexer.go next() (a '#' starts a comment); verified on CoreDNS 1.14.7 (`forward . 127.0.0.2#5353` starts, the `#5353` dropped)
#   bad: |-
#     .:53 {
#         forward . 10.0.0.1#5353
#     }
#   good: |-
#     .:53 {
#         forward . 10.0.0.1:5353
#     }
package dnslint.rules.corefile["hash-in-token"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

report contains report.finding(t.pos, msg) if {
	some x in corefile.blocks
	some t in x.block.truncated
	msg := sprintf("CoreDNS reads `%s%s` as `%s`: a `#` starts a comment even inside a word, so `%s` is silently dropped%s. %s", [
		t.text, t.dropped, t.text, t.dropped, corefile.where(t), fix(t),
	])
}

fix(t) := sprintf("Write the port with a colon: `%s:%s`", [t.text, substring(t.dropped, 1, -1)]) if {
	regex.match(`^#[0-9]+$`, t.dropped)
} else := sprintf("If the `#` belongs to the value, quote it: `\"%s%s\"`", [t.text, t.dropped])
