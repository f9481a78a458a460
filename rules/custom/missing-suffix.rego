# METADATA
# title: coredns-custom key that is never imported
# description: |-
#   The CoreDNS Corefile of AKS and k3s imports `custom/*.server` (whole server blocks)
#   and `custom/*.override` (lines added to the main `.:53` block) from the mounted
#   coredns-custom ConfigMap. A key ending in anything else matches neither glob: CoreDNS
#   never reads it, and nothing anywhere says so. AKS documents that "the names you specify
#   in the data section must end in .server or .override". A misspelt suffix
#   (`log.overide`) is named with the suffix it probably meant.
#
#   A key that a plugin of the Corefile reads by its path (`file /etc/coredns/custom/db.example.lan`)
#   is a file in use, not a forgotten import; and a coredns-custom whose Corefile in the
#   run imports nothing from it is reported once, by custom/not-imported. What the
#   Corefile is follows dnslint's one precedence (docs/architecture.md, "Composition").
# related_resources:
#   - ref: https://learn.microsoft.com/azure/aks/coredns-custom
#     description: Customize CoreDNS with Azure Kubernetes Service
# custom:
#   each: customs
#   severity: error
#   fixable: true
#   source: MicrosoftDocs/azure-aks-docs articles/aks/coredns-custom.md; verified by starting CoreDNS 1.14.7 with an AKS-style custom/ directory
#   bad: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       example.com: |
#         example.com:53 {
#             forward . 10.0.0.1
#         }
#   good: |-
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: coredns-custom
#       namespace: kube-system
#     data:
#       example.server: |
#         example.com:53 {
#             forward . 10.0.0.1
#         }
package dnslint.rules.custom["missing-suffix"]

import data.dnslint.lib.fix
import data.dnslint.lib.report

report contains fix.add(report.finding(k.key.pos, msg), rename(c, k)) if {
	some c in input.customs
	object.get(c, ["partner", "imports"], true)
	some k in c.keys
	k.kind == "other"
	count(object.get(k, "read_by", [])) == 0
	msg := sprintf("key %q of ConfigMap %s ends in neither .server nor .override, so CoreDNS never imports it and its content is silently ignored: %s", [
		k.key.text, c.object.name, advice(k.key.text),
	])
}

# suffixes are the endings the Corefile's import globs match.
suffixes := ["server", "override"]

# advice names the suffix a misspelt one probably meant, else both renames.
advice(key) := sprintf("did you mean %q?", [concat(".", [stem, meant])]) if {
	i := last_dot(key)
	stem := substring(key, 0, i)
	meant := dnslint.closest(substring(key, i + 1, -1), suffixes)
} else := sprintf("rename it to %q if it holds server blocks, or %q if it holds plugin lines for the main block", [
	concat("", [stem, ".server"]), concat("", [stem, ".override"]),
]) if {
	stem := trim_suffix(key, ".conf")
}

last_dot(s) := i if {
	dots := indexof_n(s, ".")
	i := dots[count(dots) - 1]
	i > 0
}

# rename gives the key the suffix it probably meant, else the one its content calls for:
# server blocks (every block with `{ }`) → .server, plugin lines → .override. Safe: the
# content takes effect as its author wrote it.
rename(c, k) := fix.declined(sprintf("the ConfigMap has a key %q already", [to])) if {
	to := renamed(k)
	some other in c.keys
	other.key.text == to
} else := fix.safe(sprintf("rename the key to %q", [renamed(k)]), [fix.scalar(k.key.pos, k.key.text, renamed(k))]) if {
	k.lines > 0
} else := fix.declined("the key is empty: nothing says which suffix it needs")

renamed(k) := concat(".", [stem, meant]) if {
	i := last_dot(k.key.text)
	stem := substring(k.key.text, 0, i)
	meant := dnslint.closest(substring(k.key.text, i + 1, -1), suffixes)
} else := concat("", [trim_suffix(k.key.text, ".conf"), ".server"]) if {
	k.unbraced == null
} else := concat("", [trim_suffix(k.key.text, ".conf"), ".override"])
