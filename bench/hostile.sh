#!/usr/bin/env bash
# bench/hostile.sh OUT DNSLINT: time and peak memory of dnslint on the hostile inputs of
# issue 10 (items 6 and 7), as a Markdown table on standard output. bench/run.sh calls it;
# internal/attack/limits_test.go asserts their outcome (never their time).
set -euo pipefail
out=$1 dnslint=$2
dir=$out/hostile
rm -rf "$dir" && mkdir -p "$dir"/search "$dir"/configmaps "$dir"/amplification/inc
bad='nameserver 10.0.0.10\noptions ndots:15\n'
# A resolv.conf of 40,000 search domains, beside an ordinary bad file.
{ printf 'nameserver 10.0.0.10\nsearch'; for i in $(seq 0 39999); do printf ' d%d.example.com' "$i"; done; echo; } >"$dir/search/huge.resolv.conf"
printf "$bad" >"$dir/search/bad.resolv.conf"
# 20,000 coredns ConfigMaps in one YAML file.
for i in $(seq 0 19999); do
	printf -- '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: ns%d\ndata:\n  Corefile: |\n    .:53 {\n        forward . 10.0.0.1\n    }\n' "$i"
done >"$dir/configmaps/many.yaml"
printf "$bad" >"$dir/configmaps/bad.resolv.conf"
# 1000 Corefiles that each import the same 1500 small files.
for i in $(seq 0 1499); do echo log >"$dir/amplification/inc/f$i"; done
for i in $(seq 0 999); do printf '.:53 {\n    import inc/*\n    forward . 10.0.0.1\n}\n' >"$dir/amplification/c$i.corefile"; done

echo "| input | exit | findings | time (s) | peak memory (MiB) |"
echo "|---|---|---|---|---|"
for name in search configmaps amplification; do
	code=0
	/usr/bin/time -o "$dir/$name.time" -f '%e %M' "$dnslint" lint --format json --output "$dir/$name.json" "$dir/$name" 2>/dev/null || code=$?
	stats=$(tail -1 "$dir/$name.time")
	findings=$(grep -c '"rule":' "$dir/$name.json" || true)
	echo "| $name | $code | $findings | ${stats% *} | $((${stats#* } / 1024)) |"
done
