#!/usr/bin/env bash
# Runs the pinned goreleaser, installing it from the Go module proxy once into
# ${DNSLINT_CACHE:-.cache}/goreleaser/<version>/ (about 4 minutes on 2 cores), with
# cyclonedx-gomod (the SBOMs, about 1 minute) beside it. v2.17.0 is
# the newest release whose go.mod accepts Go 1.26 (v2.18 needs Go 1.27).
set -euo pipefail
cd "$(dirname "$0")/../.."
GORELEASER_VERSION=${GORELEASER_VERSION:-v2.17.0}
dir=${DNSLINT_CACHE:-$PWD/.cache}/goreleaser/$GORELEASER_VERSION
if [ ! -x "$dir/goreleaser" ]; then
	echo "installing goreleaser $GORELEASER_VERSION into $dir…" >&2
	mkdir -p "$dir"
	(cd /tmp && GOBIN="$dir" GOFLAGS= go install "github.com/goreleaser/goreleaser/v2@$GORELEASER_VERSION")
fi
# The SBOMs' generator (.goreleaser.yaml sboms), pinned and installed the same way.
CYCLONEDX_GOMOD_VERSION=${CYCLONEDX_GOMOD_VERSION:-v1.9.0}
sbomdir=${DNSLINT_CACHE:-$PWD/.cache}/cyclonedx-gomod/$CYCLONEDX_GOMOD_VERSION
if [ ! -x "$sbomdir/cyclonedx-gomod" ]; then
	echo "installing cyclonedx-gomod $CYCLONEDX_GOMOD_VERSION into $sbomdir…" >&2
	mkdir -p "$sbomdir"
	(cd /tmp && GOBIN="$sbomdir" GOFLAGS= go install "github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@$CYCLONEDX_GOMOD_VERSION")
fi
export PATH="$sbomdir:$PATH"
exec "$dir/goreleaser" "$@"
