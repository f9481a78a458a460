#!/usr/bin/env bash
# make bench: whole-process timings of dnslint against conftest and a bare YAML parse, cold
# start, peak memory, the Go micro-benchmarks and the webhook under load; writes
# bench/results.md, ending with bench/analysis.md (targets met or not, and why: written
# by hand from the numbers and the profiles).
#
# Installs what it needs once into git-ignored caches: conftest (Go module proxy) under
# .cache/conftest/<version>, hyperfine from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFTEST_VERSION=v0.71.1
SIZES=${SIZES:-"100 1000 10000"}
WEBHOOK_RATES=${WEBHOOK_RATES:-100,250,500,1000}
WEBHOOK_DURATION=${WEBHOOK_DURATION:-10s}
# The dnslint rules that check what bench/conftest/policy/dns.rego checks.
SAME=pod/high-ndots,pod/too-many-nameservers,pod/none-without-nameservers,cache/low-ttl
cache=${DNSLINT_CACHE:-$PWD/.cache}
out=bench/out
mkdir -p "$out" "$cache"

conftest=$cache/conftest/$CONFTEST_VERSION/conftest
if [ ! -x "$conftest" ]; then
	echo "installing conftest $CONFTEST_VERSION" >&2
	GOBIN=$(dirname "$conftest") go install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION"
fi
if ! command -v hyperfine >/dev/null; then
	apt-get update -qq && apt-get install -y -qq hyperfine
fi

go build -trimpath -o "$out/dnslint" ./cmd/dnslint
go build -trimpath -o "$out/yamlparse" ./bench/yamlparse

results=bench/results.md
{
	echo "# Benchmark results"
	echo
	echo "Written by \`make bench\` (bench/run.sh) on $(date -u +%Y-%m-%d), $(nproc) cores,"
	echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB,"
	echo "$(go version | cut -d' ' -f3), conftest $CONFTEST_VERSION, hyperfine $(hyperfine --version | cut -d' ' -f2)."
	echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
	echo "Corpora: \`go run ./bench/gen -yaml-only -n N\` (deterministic; Corefiles inside"
	echo "ConfigMaps so that conftest, which reads only YAML, sees the same work). conftest runs"
	echo "bench/conftest/policy/dns.rego (ndots, nameservers, dnsPolicy None, cache TTL by regex);"
	echo "dnslint runs its whole built-in catalog. yamlparse only reads and parses the YAML."
	echo
} >"$results"

for n in $SIZES; do
	dir=$out/corpus-$n
	go run ./bench/gen -yaml-only -n "$n" -o "$dir"
	runs=10
	[ "$n" -ge 10000 ] && runs=5
	hyperfine --warmup 1 --runs "$runs" -N --ignore-failure --export-markdown "$out/h-$n.md" --export-json "$out/h-$n.json" \
		-n "dnslint ($n docs)" "$out/dnslint lint --fail-on none --format json --output /dev/null $dir" \
		-n "dnslint, conftest's 4 checks ($n docs)" "$out/dnslint lint --fail-on none --format json --output /dev/null --disable */* --enable $SAME $dir" \
		-n "conftest ($n docs)" "$conftest test --no-color --output json -p bench/conftest/policy $dir" \
		-n "yaml parse ($n docs)" "$out/yamlparse $dir" >&2
	{
		echo "## $n documents"
		echo
		cat "$out/h-$n.md"
		echo
		python3 - "$out/h-$n.json" <<'PY'
import json, sys
r = {x["command"].rsplit(" (", 1)[0]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
same = r["dnslint, conftest's 4 checks"]
print(f"With conftest's four checks, dnslint takes **{same / r['conftest']:.2f}×** conftest's time "
      f"({r['conftest'] / same:.1f}× faster) and **{same / r['yaml parse']:.1f}×** the bare YAML parse; "
      f"with its whole catalog, **{r['dnslint'] / r['conftest']:.2f}×** conftest's time and "
      f"**{r['dnslint'] / r['yaml parse']:.1f}×** the bare parse.")
PY
		echo
	} >>"$results"
done

# Cold start: one small file, the pre-commit case.
hyperfine --warmup 3 --runs 30 -N --export-markdown "$out/h-cold.md" \
	-n "dnslint, one Corefile" "$out/dnslint lint --fail-on none testdata/examples/clusters/onprem/Corefile" \
	-n "dnslint version (start-up and catalog parse, no compile)" "$out/dnslint version" >&2
largest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
peak=$( { /usr/bin/time -f '%M' "$out/dnslint" lint --fail-on none -f json -o /dev/null "$out/corpus-$largest" >/dev/null; } 2>&1 | tail -1)
# The same run under Go's soft memory limit (GOMEMLIMIT), as a memory-bound CI runner would set it.
limited=$( { GOMEMLIMIT=256MiB /usr/bin/time -f '%M %e' "$out/dnslint" lint --fail-on none -f json -o /dev/null "$out/corpus-$largest" >/dev/null; } 2>&1 | tail -1)
{
	echo "## Cold start and memory"
	echo
	cat "$out/h-cold.md"
	echo
	echo "Peak memory (maximum resident set size) linting $largest documents: **$((peak / 1024)) MiB**;"
	echo "with \`GOMEMLIMIT=256MiB\`: $((${limited% *} / 1024)) MiB in ${limited#* } s."
	echo
	echo "## Hostile inputs"
	echo
	echo "bench/hostile.sh: a resolv.conf of 40,000 search domains, 20,000 coredns ConfigMaps in one"
	echo "file, 1000 Corefiles that each import the same 1500 files (issue 10, items 6 and 7)."
	echo
	bench/hostile.sh "$out" "$out/dnslint"
	echo
	echo "## Go benchmarks"
	echo
	echo '```'
	go test -run '^$' -bench . -benchmem -count 1 ./lint/... 2>/dev/null | grep -E '^(Benchmark|pkg:)' || true
	echo '```'
	echo
	echo "## Webhook under load"
	echo
	echo "\`go run ./bench/webhookload -rates $WEBHOOK_RATES -duration $WEBHOOK_DURATION\` (TLS on loopback, open"
	echo "loop, a mix of four AdmissionReviews; the load generator shares the machine's cores):"
	echo
	go run ./bench/webhookload -dnslint "$out/dnslint" -rates "$WEBHOOK_RATES" -duration "$WEBHOOK_DURATION" 2>/dev/null
	echo
	echo "## Webhook: six 1 MiB coredns-custom reviews at once (issue 10)"
	echo
	echo "\`go run ./bench/webhookload -flood 6\` (the largest coredns-custom the API server accepts; a fresh webhook per row):"
	echo
	go run ./bench/webhookload -dnslint "$out/dnslint" -flood 6 2>/dev/null
	cat bench/analysis.md
} >>"$results"
echo "wrote $results" >&2
