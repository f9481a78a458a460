# METADATA
# title: Plugin removed from CoreDNS
# description: |-
#   Some plugins were dropped from CoreDNS: `proxy` after 1.4.0 (replaced by `forward`),
#   `federation` after 1.6.9, `reverse` after 1.1.4, `startup` and `shutdown` after 1.1.0
#   (replaced by `on`). A Corefile written for an older release that still uses one stops
#   a newer CoreDNS at start-up with `Unknown directive 'proxy'` and the pod crash-loops;
#   this is the most common failure after a CoreDNS upgrade (kubeadm defaults up to
#   Kubernetes 1.13 used `proxy`). The check follows `--coredns-version` (default: the
#   latest release dnslint knows). Rewrite the line for the replacement plugin, or delete
#   it. An external build of the plugin can be declared in .dnslint.yaml (`plugins: [proxy]`).
# related_resources:
#   - ref: https://github.com/coredns/coredns/blob/master/notes/coredns-1.5.0.md
#     description: CoreDNS 1.5.0 release notes (proxy removed)
#   - ref: https://coredns.io/plugins/forward/
#     description: forward plugin, the replacement of proxy
# custom:
#   each: corefiles
#   severity: error
#   fixable: true
#   source: CoreDNS plugin.cfg of every v1.x.y tag (last release with each plugin); coredns/caddy caddyfile/parse.go (Unknown directive); release notes 1.1.0, 1.2.0, 1.5.0, 1.7.0
#   bad: |-
#     .:53 {
#         proxy . 8.8.8.8
#     }
#   good: |-
#     .:53 {
#         forward . 8.8.8.8
#     }
package dnslint.rules.corefile["removed-plugin"]

import data.dnslint.lib.corefile
import data.dnslint.lib.fix as edit
import data.dnslint.lib.report

report contains edit.add(report.finding(d.pos, msg), replace(x.block, d, p)) if {
	some name in corefile.names
	corefile.removed(name)
	p := data.dnslint.coredns.plugins[name]
	some x in corefile.directives(name)
	d := x.directive
	msg := sprintf("the %s plugin was removed after CoreDNS %s: CoreDNS %s exits at start-up with `Unknown directive '%s'`%s. %s", [
		d.name, p.last, corefile.version, d.name, corefile.where(d), fix(d.name, p),
	])
}

fix(name, p) := sprintf("Use the %s plugin instead (its options differ); if the cluster still runs CoreDNS %s or older, set coredns-version", [p.replacement, p.last]) if {
	p.replacement
} else := sprintf("Remove it, with its block (%s has no replacement); if the cluster still runs CoreDNS %s or older, set coredns-version", [name, p.last])

# replace renames `proxy ZONE UPSTREAM...` to forward where the two read the line the
# same: no block (their options differ), upstreams that are addresses or a resolv.conf
# path, and no forward in the block already. Safe: CoreDNS did not start with proxy.
replace(block, d, p) := edit.declined(sprintf("%s has no replacement", [d.name])) if {
	not p.replacement
} else := edit.declined(sprintf("the %s block's options differ from %s's: map them by hand", [d.name, p.replacement])) if {
	d.name != "proxy"
} else := edit.declined("proxy's block options differ from forward's: map them by hand") if {
	d.has_block
} else := edit.declined("the block has a forward already") if {
	some o in block.directives
	o.name == "forward"
} else := edit.safe("replace proxy by forward", [edit.replace(d.pos, d.name, "forward")]) if {
	count(d.args) > 1
	every a in array.slice(d.args, 1, count(d.args)) {
		regex.match(`^(dns://)?([0-9.]+|\[[0-9a-fA-F:.]+\])(:[0-9]+)?$|^/[^ ]+$`, a.text)
	}
} else := edit.declined("an upstream forward may read otherwise than proxy did: replace it by hand")
