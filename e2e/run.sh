#!/usr/bin/env bash
# End-to-end test against a real API server (make e2e): builds kube-apiserver 1.34.4 into
# .cache/ when missing (e2e/build-apiserver.sh), installs Debian's etcd-server when etcd is
# missing, installs kustomize into .cache/bin when missing, then runs the Go test in e2e/
# with DNSLINT_E2E=1. The test starts etcd, kube-apiserver and `dnslint webhook` on
# 127.0.0.1 only, with certificates it generates, and stops them when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# Heavy tools are cached by version outside the clone when DNSLINT_CACHE is set (.ci/run).
cache=${DNSLINT_CACHE:-$root/.cache}
start=$SECONDS
KUBE_VERSION=${KUBE_VERSION:-1.34.4}
KUSTOMIZE_VERSION=${KUSTOMIZE_VERSION:-v5.8.1} # v5.8.2+ needs go 1.27

bash e2e/build-apiserver.sh

if ! command -v etcd >/dev/null 2>&1; then
	echo "installing etcd-server (Debian)…"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server >/dev/null
fi
echo "etcd: $(command -v etcd) ($(etcd --version 2>/dev/null | head -1))"

if [ ! -x "$cache/bin/kustomize" ]; then
	echo "installing kustomize $KUSTOMIZE_VERSION into $cache/bin…"
	(cd /tmp && GOBIN="$cache/bin" GOFLAGS= go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION")
fi

# E2E_WEBHOOK=image: the webhook runs from the container image (make image, an OCI archive)
# unpacked with umoci and started chrooted as the image's user (e2e/image_test.go says why
# not with podman); E2E_WEBHOOK=binary (default): from `go build`.
image=
if [ "${E2E_WEBHOOK:-binary}" = image ]; then
	if ! command -v umoci >/dev/null 2>&1; then
		echo "installing umoci (Debian)…"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq umoci >/dev/null
	fi
	scripts/release/image.sh
	image=${IMAGE_ARCHIVE:-$root/dist/dnslint-image.tar}
fi

echo "setup took $((SECONDS - start))s"
DNSLINT_E2E=1 DNSLINT_E2E_IMAGE="$image" \
	KUBE_APISERVER="$cache/kube-apiserver/$KUBE_VERSION/kube-apiserver" \
	ETCD="$(command -v etcd)" \
	KUSTOMIZE="$cache/bin/kustomize" \
	go test -count=1 -v -timeout 20m -run '^TestE2E$' ./e2e
