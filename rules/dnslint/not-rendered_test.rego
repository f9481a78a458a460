package dnslint.rules.dnslint["not-rendered_test"]

import data.dnslint.rules.dnslint["not-rendered"] as rule

# The parse errors of format render and render-skipped come from rendering a chart or a
# kustomization on disk (lint/render), which dnslint.test.input does not do: it parses
# the texts it is given. These inputs are hand-built, with render's own messages.

pos := {"file": "charts/app/Chart.yaml", "line": 1, "col": 1, "end_line": 1, "end_col": 1}

test_render_error_is_an_error if {
	msg := "Helm cannot render the chart: template: app/templates/configmap.yaml:7:14: executing \"app/templates/configmap.yaml\" at <.Values.dns.upstream>: nil pointer evaluating interface {}.upstream"
	r := rule.report with input as {"parse_errors": [{"format": "render", "message": msg, "pos": pos}]}
	r == {{"message": msg, "location": pos}}
}

test_skipped_part_is_info if {
	msg := "dependency redis is not vendored in charts/: dnslint reaches no chart repository, so the chart is linted without it (helm dependency build vendors it)"
	dependency := object.union(pos, {"line": 9, "end_line": 9})
	r := rule.report with input as {"parse_errors": [{"format": "render-skipped", "message": msg, "pos": dependency}]}
	r == {{"message": msg, "location": dependency, "severity": "info"}}
}

test_other_formats_ignored if {
	run := dnslint.test.input({"cm.yaml": "apiVersion: v1\nkind: ConfigMap\ndata: [\n"})
	count(run.parse_errors) == 1
	r := rule.report with input as run
	r == set()
}
