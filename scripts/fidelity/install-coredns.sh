#!/usr/bin/env bash
# install-coredns.sh VERSION... — build CoreDNS from the Go module proxy into a
# version-keyed cache, once per version:
#   ${DNSLINT_CACHE:-<repo>/.cache}/coredns/<version>/coredns
# With no argument it installs the versions the fidelity suite runs against
# (scripts/fidelity/versions). A version already built is left alone, so a warm
# cache costs nothing. Prints one line per version: "<version> <path> <seconds>".
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${DNSLINT_CACHE:-$repo/.cache}
GO=${GO:-go}

if [ "$#" -eq 0 ]; then
	# shellcheck disable=SC2046
	set -- $(grep -v '^#' "$here/versions")
fi

for v in "$@"; do
	v=${v#v}
	dir="$cache/coredns/$v"
	bin="$dir/coredns"
	if [ -x "$bin" ]; then
		case $("$bin" -version 2>/dev/null) in
		*"CoreDNS-$v"*)
			echo "$v $bin cached"
			continue
			;;
		esac
	fi
	mkdir -p "$dir"
	flags=()
	case "$v" in
	# CoreDNS 1.9.x pins a golang.org/x/net whose internal/socket reaches into package
	# syscall with go:linkname ("invalid reference to syscall.recvmsg"), which Go >= 1.23
	# refuses at link time unless the check is off.
	1.9.*) flags+=("-ldflags=-checklinkname=0") ;;
	esac
	start=$(date +%s)
	# GOTOOLCHAIN=local: build with the toolchain we have, never download another.
	build() { GOBIN="$dir" GOTOOLCHAIN=local "$GO" install "$@" "github.com/coredns/coredns@v$v" >"$dir/build.log" 2>&1; }
	if ! build "${flags[@]}"; then
		# Another old release with the same linkname problem: retry with the check off.
		if [ "${#flags[@]}" -eq 0 ] && grep -q 'invalid reference to' "$dir/build.log" && build -ldflags=-checklinkname=0; then
			:
		else
			echo "install-coredns: building CoreDNS $v failed; see $dir/build.log:" >&2
			tail -20 "$dir/build.log" >&2
			exit 1
		fi
	fi
	echo "$v $bin $(($(date +%s) - start))s"
done
