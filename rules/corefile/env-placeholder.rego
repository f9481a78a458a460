# METADATA
# title: "{env.VAR} placeholder, which CoreDNS does not replace"
# description: |-
#   CoreDNS replaces environment variables written `{$VAR}` (or `{%VAR%}`) in a Corefile
#   when it reads it. `{env.VAR}` is the syntax of Caddy v2, which CoreDNS's parser (a
#   fork of Caddy v1) does not know: the text stays as written, so
#   `forward . {env.UPSTREAM}` fails at start-up with `plugin/forward: failed to resolve
#   "{env.UPSTREAM}"`, and elsewhere the literal text becomes a zone name, a file path or
#   a value that was never meant. Write `{$UPSTREAM}`. As the name of a plugin line it is
#   an `Unknown directive`, which CoreDNS exits on; that case is an error.
# related_resources:
#   - ref: https://coredns.io/manual/configuration/
#     description: CoreDNS manual, Configuration (Environment Variables)
# custom:
#   each: corefiles
#   severity: warning
#   source: coredns/caddy caddyfile/parse.go replaceEnvVars (only {$VAR} and {%VAR%}); verified on CoreDNS 1.14.7 (failed to resolve "{env.UPSTREAM}")
#   bad: |-
#     .:53 {
#         bind {env.POD_IP}
#         forward . 10.0.0.53
#     }
#   good: |-
#     .:53 {
#         bind {$POD_IP}
#         forward . 10.0.0.53
#     }
package dnslint.rules.corefile["env-placeholder"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

report contains finding(w) if {
	some cf in input.corefiles
	corefile.mentions(cf, "{env.") # the words of a Corefile without any are not looked at
	some w in corefile.words_of(cf)
	corefile.env_placeholder(w.text)
	not w.pos in forward_targets
}

# forward_targets are left to forward/invalid-upstream, which reports them as the
# start-up error they are (`failed to resolve`).
forward_targets contains a.pos if {
	some x in corefile.directives("forward")
	some i, a in x.directive.args
	i > 0
}

finding(w) := report.graded(w.pos, msg, "error") if {
	w.top
	msg := sprintf("`%s` is not replaced (CoreDNS knows `{$VAR}`, not Caddy v2's `{env.VAR}`), so CoreDNS exits with `Unknown directive '%s'`%s. Write `%s`", [
		w.text, w.text, corefile.where(w), fixed(w.text),
	])
} else := report.finding(w.pos, msg) if {
	msg := sprintf("`%s` is not replaced (CoreDNS knows `{$VAR}`, not Caddy v2's `{env.VAR}`)%s: CoreDNS uses the text as it stands, so that `forward . {env.UPSTREAM}` fails with `failed to resolve \"{env.UPSTREAM}\"`. Write `%s`", [
		w.text, corefile.where(w), fixed(w.text),
	])
}

fixed(text) := regex.replace(text, `\{env\.([^}]*)\}`, "{$$$1}")
