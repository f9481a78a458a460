#!/usr/bin/env bash
# make image: builds the static linux binary for the host's architecture into
# dist/image/linux_<arch>/, builds the Dockerfile with buildah (installed from Debian when
# missing) and writes the image as an OCI archive, dist/dnslint-image.tar (IMAGE_ARCHIVE).
# buildah runs rootless-free and daemonless here: vfs storage and chroot isolation work in a
# sandbox without overlay mounts or user namespaces; FROM scratch needs no registry.
set -euo pipefail
cd "$(dirname "$0")/../.."
archive=${IMAGE_ARCHIVE:-$PWD/dist/dnslint-image.tar}
tag=${IMAGE_TAG:-localhost/dnslint:dev}
if ! command -v buildah >/dev/null 2>&1; then
	echo "installing buildah (Debian)…" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah >/dev/null
fi
export STORAGE_DRIVER=${STORAGE_DRIVER:-vfs} BUILDAH_ISOLATION=${BUILDAH_ISOLATION:-chroot}
arch=$(go env GOARCH)
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
date=$(git log -1 --format=%cI 2>/dev/null || echo unknown)
version=$(git describe --tags --always --dirty 2>/dev/null || echo dev)
mkdir -p "dist/image/linux_$arch" "$(dirname "$archive")"
CGO_ENABLED=0 GOOS=linux GOARCH=$arch go build -trimpath \
	-ldflags "-s -w -X main.version=$version -X main.commit=$commit -X main.date=$date" \
	-o "dist/image/linux_$arch/dnslint" ./cmd/dnslint
buildah build --quiet --layers=false --platform "linux/$arch" \
	--build-arg VERSION="$version" --build-arg REVISION="$commit" --build-arg CREATED="$date" \
	-t "$tag" -f Dockerfile . >/dev/null
rm -f "$archive"
buildah push --quiet "$tag" "oci-archive:$archive:$tag"
echo "$archive ($tag, linux/$arch)"
