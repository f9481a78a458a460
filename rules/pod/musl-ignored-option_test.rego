package dnslint.rules.pod["musl-ignored-option_test"]

import data.dnslint.rules.pod["musl-ignored-option"] as rule

# cronjob is a CronJob running image whose dnsConfig has the options names, one a line:
# option i on line 14 + i.
cronjob(image, names) := dnslint.test.input({"report.yaml": concat("\n", array.flatten([
	"apiVersion: batch/v1",
	"kind: CronJob",
	"metadata: {name: report}",
	"spec:",
	`  schedule: "0 3 * * *"`,
	"  jobTemplate:",
	"    spec:",
	"      template:",
	"        spec:",
	"          restartPolicy: OnFailure",
	sprintf("          containers: [{name: report, image: %q}]", [image]),
	"          dnsConfig:",
	"            options:",
	[sprintf("            - name: %q", [n]) | some n in names],
	"",
]))})

test_alpine if {
	r := rule.report with input as cronjob("node:20-alpine", ["ndots", "single-request-reopen", "timeout", "edns0", "attempts:2", "rotate:1", "typo"])
	{f.location.line | some f in r} == {15, 17, 19}
	some f in r
	f.location == {"file": "report.yaml", "line": 15, "col": 21, "end_line": 15, "end_col": 43}
	contains(f.message, "`single-request-reopen` has no effect in CronJob report (node:20-alpine)")
	contains(f.message, "NodeLocal DNSCache")
}

test_other_images if {
	count(rule.report) == 0 with input as cronjob("node:20-bookworm", ["single-request-reopen", "edns0"])
}
