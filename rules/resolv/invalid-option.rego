# METADATA
# title: resolv.conf option that the resolver ignores or misreads
# description: |-
#   glibc reads `options` words it knows and skips the rest silently; musl (Alpine) reads
#   only `ndots:`, `timeout:` and `attempts:`. So a misspelt option (`single_request`,
#   `Rotate`), one removed from glibc (`ip6-dotint`), a valued option without its value
#   (`ndots`), or a value that is not a whole number (`ndots:two`, which glibc reads as 0)
#   does nothing, or something else than it says. glibc silently caps `timeout` at 30 and
#   `attempts` at 5; on musl `timeout:0` fails every lookup and `attempts:0` divides by
#   zero. Go programs switch to the C library's resolver when they meet an option they do
#   not know. Write options as resolv.conf(5) names them.
# related_resources:
#   - ref: https://man7.org/linux/man-pages/man5/resolv.conf.5.html
#     description: resolv.conf(5)
# custom:
#   each: resolv_confs
#   severity: warning
#   source: resolv.conf(5); glibc resolv/res_init.c (res_setoptions); musl src/network/resolvconf.c and res_msend.c @ v1.2.5; golang/go src/net/dnsconfig_unix.go
#   bad: |-
#     nameserver 10.96.0.10
#     options ndots:two single_request_reopen
#   good: |-
#     nameserver 10.96.0.10
#     options ndots:2 single-request-reopen
package dnslint.rules.resolv["invalid-option"]

import data.dnslint.lib.report
import data.dnslint.lib.resolver

report contains report.finding(opt.token.pos, sprintf("%s. Fix or remove it", [problem])) if {
	some rc in input.resolv_confs
	some opt in rc.options
	problem := resolver.problem(opt.name, opt.value)
}
