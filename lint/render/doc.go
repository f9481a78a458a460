// Package render owns what dnslint renders before it lints: Helm charts (a directory
// with Chart.yaml, rendered with the Helm SDK, helm.sh/helm/v4, in a bounded child
// process) and kustomizations (a directory with kustomization.yaml, built with
// sigs.k8s.io/kustomize/api on an in-memory file system). Both read only through the
// guarded reader of lint/source, inside the run's roots, and never the network (no
// chart repository, no remote base: each is reported and left out).
//
// What they render becomes source.Files that the parser reads like any manifest, each
// with a source.Origin that places its positions in the files the user edits: the
// template (by the node's key path in the template text) and the values file line a
// value came from, or the base resource or the patch that holds the node. Collect
// walks the paths like source.Walker and takes the charts' and the kustomizations'
// files out of the plain files: a template is never parsed as YAML.
package render
