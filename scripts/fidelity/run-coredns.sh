#!/bin/sh
# run-coredns.sh COREDNS DIR — start CoreDNS on DIR/Corefile the way the fidelity suite
# does, isolated: its own network namespace with only loopback up (no port clashes
# between parallel runs, no packet leaves the machine) and its own mount namespace in
# which a `kubernetes` plugin finds an in-cluster service account pointing at
# 127.0.0.1:1, so it waits its 5 s start-up timeout and then serves, instead of failing
# for lack of a cluster. The Corefile is not rewritten. Needs root (unshare, mount).
# DIR/.fidelity-addresses (optional, one address a line) are added to the namespace's
# loopback: addresses a Corefile binds that the host lacks (make fidelity-setup-record).
# With DIR/.fidelity-private-tmp (DIR not under /tmp), /tmp is an empty tmpfs: a
# Corefile that reads /tmp sees what a test would, not the host's files.
# Runs until CoreDNS exits (or is killed); the caller decides when it has started.
set -eu
[ "$#" -eq 2 ] || { echo "usage: $0 COREDNS DIR" >&2; exit 2; }
bin=$(readlink -f "$1")
dir=$(readlink -f "$2")
exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
	KUBERNETES_SERVICE_HOST=127.0.0.1 KUBERNETES_SERVICE_PORT=1 \
	unshare --net --mount --propagation private sh -c '
set -e
ip link set lo up
if [ -f "$2/.fidelity-addresses" ]; then
	while read -r a; do [ -z "$a" ] || ip addr add "$a" dev lo; done <"$2/.fidelity-addresses"
fi
# /var/run (usually /run) gets a private tmpfs holding the service-account token;
# keep /etc/resolv.conf readable if it lives there (systemd-resolved).
run=$(readlink -f /var/run)
resolv=$(readlink -f /etc/resolv.conf || true)
case "$resolv" in "$run"/*) saved=$(cat "$resolv") ;; *) saved= ;; esac
mount -t tmpfs fidelity "$run"
if [ -f "$2/.fidelity-private-tmp" ]; then mount -t tmpfs fidelity-tmp /tmp; fi
if [ -n "$saved" ]; then mkdir -p "$(dirname "$resolv")"; printf "%s\n" "$saved" >"$resolv"; fi
sa=/var/run/secrets/kubernetes.io/serviceaccount
mkdir -p "$sa"
echo fidelity >"$sa/token"
cd "$2"
exec "$1" -conf "$2/Corefile"
' sh "$bin" "$dir"
