# METADATA
# title: plugin reads a coredns-custom file that the ConfigMap lacks
# description: |-
#   A plugin of the Corefile may read a file of the mounted coredns-custom ConfigMap by its
#   path: `file /etc/coredns/custom/db.example.lan example.lan` serves a zone from the key
#   `db.example.lan`. When the run's coredns-custom has no such key, the mounted directory
#   has no such file. `file` and `hosts` do not stop CoreDNS for it: `file` loads a
#   missing zone file lazily and `hosts` only logs `File does not exist: <path>`, so
#   CoreDNS starts and serves nothing from it. Add the key to the ConfigMap, or fix the
#   path to name one of its keys.
# related_resources:
#   - ref: https://coredns.io/plugins/file/
#     description: CoreDNS file plugin
#   - ref: https://coredns.io/plugins/hosts/
#     description: CoreDNS hosts plugin
# custom:
#   each: corefiles
#   severity: warning
#   source: coredns/coredns plugin/file (missing zone files are loaded lazily since 1.6.0) and plugin/hosts (`File does not exist`); knowledge coredns-facts.md 3.10, 3.13
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       lan.server: |
#         example.lan:53 {
#             file /etc/coredns/custom/db.example.lan
#         }
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       lan.server: |
#         example.lan:53 {
#             file /etc/coredns/custom/db.example.lan
#         }
#       db.example.lan: |
#         $ORIGIN example.lan.
#         @ 3600 IN SOA ns.example.lan. admin.example.lan. 1 7200 3600 1209600 3600
#         ns 3600 IN A 10.0.0.53
package dnslint.rules.custom["missing-file"]

import data.dnslint.lib.report

report contains report.finding(r.pos, msg) if {
	some cf in input.corefiles
	some r in cf.custom_reads
	not r.found
	msg := sprintf("`%s` reads %s, but ConfigMap %s has no key %q, so the file does not exist in the pod%s. Add the key to the ConfigMap, or fix the path to name one of its keys%s", [
		r.plugin, r.path, trim_prefix(r.custom, "/"), r.key, consequence(r.plugin), suggestion(cf, r),
	])
}

consequence("file") := ": CoreDNS starts (the file plugin loads a missing zone file lazily) and serves nothing from it"

consequence("hosts") := ": CoreDNS starts, logs `File does not exist`, and serves nothing from it"

consequence(plugin) := "" if not plugin in {"file", "hosts"}

# suggestion names a key of the same ConfigMap that the path probably meant.
suggestion(_, r) := sprintf(" (did you mean %q?)", [meant]) if {
	keys := [k.key.text | some c in input.customs; sprintf("%s/%s", [c.object.namespace, c.object.name]) == r.custom; some k in c.keys]
	meant := dnslint.closest(r.key, keys)
} else := ""
