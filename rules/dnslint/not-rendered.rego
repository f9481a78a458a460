# METADATA
# title: Helm chart or kustomization not rendered, or rendered without a part
# description: |-
#   dnslint renders a directory with Chart.yaml with the Helm SDK and builds a directory
#   with kustomization.yaml with kustomize, offline, and lints what they produce. A
#   chart that Helm cannot render, or a kustomization that kustomize cannot build, is
#   an error with the real component's message: nothing in it was linted. A chart
#   dependency that is not vendored in charts/ (dnslint reaches no chart repository) and
#   a remote base or resource of a kustomization (dnslint fetches nothing) are left out
#   and reported as info; the rest is linted. Past a rendering limit (time, output size,
#   memory: a template can loop) it is an error too. Vendor the dependencies
#   (`helm dependency build`), or lint the rendered output
#   (`helm template … | dnslint lint - --stdin-filename rendered.yaml`).
# custom:
#   each: parse_errors
#   severity: error
#   source: Helm v4 (helm.sh/helm/v4 v4.3.2) and kustomize (sigs.k8s.io/kustomize/api v0.21.2), as dnslint runs them
#   bad: |-
#     # Chart.yaml
#     apiVersion: v2
#     name: app
#     version: 1.0.0
#     dependencies:
#       - name: redis
#         version: 19.x
#         repository: https://charts.bitnami.com/bitnami
#   good: |-
#     # Chart.yaml, with charts/redis vendored (helm dependency build)
#     apiVersion: v2
#     name: app
#     version: 1.0.0
package dnslint.rules.dnslint["not-rendered"]

import data.dnslint.lib.report

report contains report.finding(e.pos, e.message) if {
	some e in input.parse_errors
	e.format == "render"
}

report contains report.graded(e.pos, e.message, "info") if {
	some e in input.parse_errors
	e.format == "render-skipped"
}
