# METADATA
# title: forward to a loopback address that is CoreDNS itself
# description: |-
#   An upstream in 127.0.0.0/8, `::1`, `0.0.0.0` or `localhost` on the port the server
#   block listens on is CoreDNS itself: a block without `bind` listens on every address,
#   loopback included, so each forwarded query comes straight back. The loop plugin's
#   README: "Most commonly, CoreDNS forwarding requests directly to itself. e.g. via a
#   loopback address such as `127.0.0.1`, `::1` or `127.0.0.53`" — the last being
#   systemd-resolved's stub, which is the node's resolver only on the node: inside the
#   CoreDNS pod it is the pod's own loopback. With `loop` in the block and no other
#   upstream on the line, CoreDNS exits at start-up with `[FATAL] plugin/loop: Loop (…)
#   detected for zone "."` and the pod crash-loops: that case is an error. Without `loop`
#   the loop will "consume memory and CPU until eventual out of memory death by the host".
#   Forward to the resolver's real address instead. A loopback upstream on another port
#   (`forward . 127.0.0.1:5302` to another server block or a sidecar) is a deliberate local
#   chain and is not reported.
# related_resources:
#   - ref: https://coredns.io/plugins/loop/#troubleshooting
#     description: loop plugin, troubleshooting loops in Kubernetes clusters
# custom:
#   each: corefiles
#   severity: warning
#   source: "CoreDNS plugin/loop/README.md @ v1.14.7; verified with CoreDNS 1.9.3, 1.11.3 and 1.14.7 (testdata/fidelity/loop-self-forward.corefile): `forward . 127.0.0.1` in a block on :53 with `loop` exits 1 with `[FATAL] plugin/loop: Loop (127.0.0.1:<port> -> :53) detected for zone \".\"`"
#   bad: |-
#     .:53 {
#         forward . 127.0.0.53
#         loop
#     }
#   good: |-
#     .:53 {
#         forward . 10.0.0.2
#         loop
#     }
package dnslint.rules.forward["loopback-upstream"]

import data.dnslint.lib.corefile
import data.dnslint.lib.forward
import data.dnslint.lib.report
import data.dnslint.lib.upstream

report contains report.finding(to.pos, msg) if {
	some f in findings
	[s, to, msg] := f
	not fatal(s)
}

# With `loop` in the block and only this CoreDNS as upstream, loop's probe query comes
# back every time and CoreDNS exits (verified with CoreDNS 1.9.3, 1.11.3 and 1.14.7).
report contains report.graded(to.pos, msg, "error") if {
	some f in findings
	[s, to, msg] := f
	fatal(s)
}

findings contains [s, to, msg] if {
	some s in forward.stanzas
	some to in forward.tos(s.directive)
	u := self(s, to)
	msg := sprintf("`%s` is this CoreDNS itself: the block listens on port %s of the loopback interface too, so forward sends every query back to it%s%s. %s Forward to the resolver's real address", [
		to.text, u.port, stub(u.host), corefile.where(s.directive), outcome(s),
	])
}

# self is the parsed upstream when the TO argument is this server block itself.
self(s, to) := u if {
	u := upstream.parse(to.text)
	u.kind in {"ip", "hostname"}
	upstream.loopback(u.host)
	listens(s.block, u)
}

# fatal holds when loop guards the block and every upstream of the line is the block
# itself over plain DNS: the probe cannot escape, so detection is certain.
fatal(s) if {
	looped(s)
	every to in forward.tos(s.directive) {
		u := self(s, to)
		u.kind == "ip"
		u.scheme == "dns"
	}
}

looped(s) if {
	zone := s.block.keys[0].zone
	some d in s.block.directives
	d.name == "loop"
	forward.covers(forward.from(s.directive), zone)
}

# listens holds when the block receives what is sent to u: same port, and no `bind` that
# keeps it off the loopback interface.
listens(b, u) if {
	some k in b.keys
	k.port == u.port
	not bound_elsewhere(b, u)
}

bound_elsewhere(b, u) if {
	binds := [a.text | some d in b.directives; d.name == "bind"; some a in d.args]
	count(binds) > 0
	not binds_loopback(binds, u)
}

binds_loopback(binds, u) if {
	some a in binds
	on_loopback(a, u)
}

on_loopback(a, u) if a in {u.host, "0.0.0.0", "::", "lo"}

on_loopback(a, _) if upstream.loopback(a)

stub(host) := sprintf(" (%s is %s, but inside a Kubernetes pod it is the pod's own loopback)", [host, known[host]]) if known[host]

else := ""

# Loopback addresses where another resolver listens outside a pod.
known := {
	"127.0.0.53": "systemd-resolved's stub on the node",
	"127.0.0.11": "Docker's embedded DNS in a Docker container",
}

outcome(s) := sprintf("The loop plugin stops CoreDNS at start-up with `Loop (… -> …) detected for zone %q` and the pod crash-loops.", [zone]) if {
	looped(s)
	zone := s.block.keys[0].zone
} else := "Nothing stops the loop: per the loop plugin's README it will \"consume memory and CPU until eventual out of memory death\"."
