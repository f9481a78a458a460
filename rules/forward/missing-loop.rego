# METADATA
# title: forwarding server block without the loop plugin
# description: |-
#   The `loop` plugin sends a probe query through the block at start-up and stops CoreDNS
#   when it comes back: a forwarding loop (CoreDNS forwarding to itself, or to a resolver
#   that forwards back to it) then shows as a crash with `Loop (…) detected`, instead of
#   queries that "consume memory and CPU until eventual out of memory death by the host"
#   (loop README). The classic Kubernetes case is `forward . /etc/resolv.conf` on a node
#   whose resolv.conf lists systemd-resolved's `127.0.0.53`: the CoreDNS pod inherits the
#   file and forwards to itself. Every distribution default (kubeadm, EKS, AKS, k3s, RKE2,
#   kubespray, NodeLocal DNSCache) has `loop` in its forwarding blocks, and custom blocks
#   (an AKS `.server` key) do not inherit it. Add `loop` to every block that forwards.
#   Blocks on a port other than 53 are not reported: resolv.conf nameservers are always
#   queried on port 53, so a loopback entry there cannot lead back to such a block.
# related_resources:
#   - ref: https://coredns.io/plugins/loop/
#     description: loop plugin
# custom:
#   each: corefiles
#   severity: warning
#   fixable: true
#   source: "CoreDNS plugin/loop/README.md @ v1.14.7 (Troubleshooting Loops In Kubernetes Clusters); corefile-migration adds loop to forwarding server blocks since CoreDNS 1.2.1"
#   bad: |-
#     .:53 {
#         errors
#         forward . /etc/resolv.conf
#         cache 30
#     }
#   good: |-
#     .:53 {
#         errors
#         forward . /etc/resolv.conf
#         cache 30
#         loop
#     }
package dnslint.rules.forward["missing-loop"]

import data.dnslint.lib.corefile
import data.dnslint.lib.fix
import data.dnslint.lib.forward
import data.dnslint.lib.plugins
import data.dnslint.lib.report
import data.dnslint.lib.upstream

report contains fix.add(report.finding(s.directive.pos, msg), add(s.directive)) if {
	corefile.available("loop")
	some s in forward.stanzas
	count(s.directive.args) > 1
	forward.first(s)
	some k in s.block.keys
	k.port == "53"
	not has(s.block, "loop")
	msg := sprintf("this block forwards but has no `loop`%s: a forwarding loop would not stop CoreDNS at start-up but keep every query going round, consuming memory and CPU. %sAdd `loop` to the block", [
		corefile.where(s.directive), resolv(s.directive),
	])
}

has(b, name) if count(plugins.in_block(b, name)) > 0

resolv(d) := "The usual cause is a resolv.conf that lists a loopback resolver such as systemd-resolved's 127.0.0.53: inside the pod that is CoreDNS itself. " if {
	some to in forward.tos(d)
	upstream.parse(to.text).kind == "file"
}

else := ""

# add writes `loop` on a line of its own above the forward (CoreDNS orders plugins by
# plugin.cfg, not by their lines): unsafe, it changes what the block does at run time.
add(d) := fix.unsafe("add `loop` to the block", [fix.insert_before(d.pos, d.name, "loop\n")])
