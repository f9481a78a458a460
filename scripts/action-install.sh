#!/usr/bin/env bash
# The install steps of action.yml.
#
#   action-install.sh resolve   which dnslint to use: GITHUB_OUTPUT gets mode=download and
#                               version=X.Y.Z for a release tag, mode=source otherwise.
#   action-install.sh install   puts the binary in place and writes bin=<path> to GITHUB_OUTPUT:
#                               mode=download: the release archive for the runner's OS and
#                               architecture, verified against the release's checksums file,
#                               kept in the runner's tool cache; mode=source: `go build`.
#
# Environment: INPUT_VERSION ("" = the action's own ref, "source", or a release tag vX.Y.Z),
# ACTION_REF (github.action_ref), DOWNLOAD_URL (base of <tag>/<asset> URLs), MODE, VERSION
# (from resolve), and the runner's RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, RUNNER_TEMP,
# GITHUB_ACTION_PATH, GITHUB_OUTPUT.
set -euo pipefail

release_tag='^v([0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?)$'

resolve() {
	local want=${INPUT_VERSION:-}
	if [ -z "$want" ]; then
		want=${ACTION_REF:-}
	fi
	if [ "$want" = source ] || [ -z "$want" ]; then
		echo "dnslint: building from source (version input: ${INPUT_VERSION:-none}, action ref: ${ACTION_REF:-none})"
		echo "mode=source" >>"$GITHUB_OUTPUT"
	elif [[ $want =~ $release_tag ]]; then
		echo "dnslint: release $want"
		echo "mode=download" >>"$GITHUB_OUTPUT"
		echo "version=${BASH_REMATCH[1]}" >>"$GITHUB_OUTPUT"
	elif [ -n "${INPUT_VERSION:-}" ]; then
		echo "::error title=dnslint::version \"$want\" is neither a release tag (vX.Y.Z) nor \"source\"" >&2
		exit 1
	else
		# uses: dnslint/dnslint@main or @<sha>: no release to download.
		echo "dnslint: $want is no release tag, building from source"
		echo "mode=source" >>"$GITHUB_OUTPUT"
	fi
}

build_from_source() {
	local bin=$RUNNER_TEMP/dnslint-action/dnslint
	(cd "$GITHUB_ACTION_PATH" && go build -trimpath -o "$bin" ./cmd/dnslint)
	echo "bin=$bin" >>"$GITHUB_OUTPUT"
}

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum "$1" | cut -d' ' -f1
	else
		shasum -a 256 "$1" | cut -d' ' -f1
	fi
}

download() {
	local version=${VERSION:?} os arch ext=tar.gz exe=
	case ${RUNNER_OS:?} in
	Linux) os=linux ;;
	macOS) os=darwin ;;
	Windows) os=windows ext=zip exe=.exe ;;
	*) echo "::error title=dnslint::no release for runner OS $RUNNER_OS" >&2; exit 1 ;;
	esac
	case ${RUNNER_ARCH:?} in
	X64) arch=amd64 ;;
	ARM64) arch=arm64 ;;
	*) echo "::error title=dnslint::no release for runner architecture $RUNNER_ARCH" >&2; exit 1 ;;
	esac
	# The tool cache's layout (actions/tool-cache): <tool>/<version>/<arch>, and a
	# <arch>.complete marker written last, so that a half-filled directory is never used.
	local cache=${RUNNER_TOOL_CACHE:?}/dnslint/$version/$arch
	local bin=$cache/dnslint$exe
	if [ -f "$cache.complete" ] && [ -x "$bin" ]; then
		echo "dnslint $version: from the tool cache ($cache)"
		echo "bin=$bin" >>"$GITHUB_OUTPUT"
		return
	fi
	local asset=dnslint_${version}_${os}_${arch}.${ext}
	local sums=dnslint_${version}_checksums.txt
	local base=${DOWNLOAD_URL%/}/v$version
	local tmp
	tmp=$(mktemp -d "${RUNNER_TEMP:-/tmp}/dnslint-download.XXXXXX")
	echo "dnslint $version: downloading $base/$asset"
	curl -fsSL --retry 3 -o "$tmp/$asset" "$base/$asset"
	curl -fsSL --retry 3 -o "$tmp/$sums" "$base/$sums"
	local want got
	want=$(awk -v f="$asset" '$2 == f || $2 == "*" f { print $1 }' "$tmp/$sums")
	if [ -z "$want" ]; then
		echo "::error title=dnslint::$sums lists no checksum for $asset" >&2
		exit 1
	fi
	got=$(sha256 "$tmp/$asset")
	if [ "$got" != "$want" ]; then
		echo "::error title=dnslint::checksum mismatch for $asset: SHA-256 $got, $sums says $want" >&2
		exit 1
	fi
	echo "dnslint $version: SHA-256 $got verified against $sums"
	mkdir -p "$tmp/x"
	if [ "$ext" = zip ]; then
		unzip -q "$tmp/$asset" -d "$tmp/x"
	else
		tar -xzf "$tmp/$asset" -C "$tmp/x"
	fi
	rm -rf "$cache"
	mkdir -p "$cache"
	mv "$tmp/x/dnslint$exe" "$bin"
	chmod 0755 "$bin"
	touch "$cache.complete"
	rm -rf "$tmp"
	echo "bin=$bin" >>"$GITHUB_OUTPUT"
}

case ${1:-} in
resolve) resolve ;;
install)
	if [ "${MODE:-}" = download ]; then
		download
	else
		build_from_source
	fi
	;;
*) echo "usage: $0 resolve|install" >&2; exit 2 ;;
esac
