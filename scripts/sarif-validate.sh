#!/usr/bin/env bash
# sarif-validate.sh FILE... - validate SARIF logs with Microsoft's SARIF Multitool, running
# both the SARIF specification rules and GitHub code scanning's ingestion rules
# (--rule-kind "Sarif;Gh").
#
# Fails (exit 1) when the validator reports any error, or any warning of a GitHub (GHnnnn)
# rule. Other warnings (SARIFnnnn advice such as SARIF2017 "region is absent") are printed
# but pass. Exit 2 means the validation itself could not run.
#
# The multitool is installed with npm once, into
# ${DNSLINT_CACHE:-<repo>/.cache}/sarif-multitool-$VERSION, a directory the script
# git-ignores. It needs node and npm (Debian: apt-get install nodejs npm) and runs on Linux.
set -euo pipefail

VERSION=5.7.0
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${DNSLINT_CACHE:-$repo/.cache}
dir=$cache/sarif-multitool-$VERSION
tool=$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

die() {
	echo "sarif-validate: $*" >&2
	exit 2
}

[ $# -ge 1 ] || die "usage: $0 FILE..."
[ "$(uname -s)" = Linux ] || die "only Linux is supported (the multitool npm package is per platform)"
for cmd in node npm; do
	command -v "$cmd" >/dev/null || die "$cmd is needed (Debian: apt-get install nodejs npm)"
done

if [ ! -x "$tool" ]; then
	echo "sarif-validate: installing @microsoft/sarif-multitool@$VERSION into $dir" >&2
	mkdir -p "$cache"
	[ -e "$cache/.gitignore" ] || printf '*\n' >"$cache/.gitignore"
	rm -rf "$dir" # a broken install
	tmp=$(mktemp -d "$dir.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	# The wrapper package pulls the platform package by a caret range (^5.7.0): name the
	# platform package too, so that the version is the one asked for. npm 11 does not run
	# its postinstall (a chmod) unless allowed, hence the chmod below.
	npm install --prefix "$tmp" --no-save --no-audit --no-fund --loglevel=error \
		"@microsoft/sarif-multitool@$VERSION" "@microsoft/sarif-multitool-linux@$VERSION" >&2
	chmod u+x "$tmp/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
	# Atomic, and a no-op when a concurrent run got there first.
	mv -T "$tmp" "$dir" 2>/dev/null || true
	[ -x "$tool" ] || die "installation failed: no $tool"
fi

# The multitool is a .NET program: without libicu it aborts ("Couldn't find a valid ICU
# package") unless globalization is switched off, which does not change what it checks.
if ! ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so'; then
	export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
fi

work=$(mktemp -d)
trap 'rm -rf "$work" ${tmp:+"$tmp"}' EXIT

# SARIF2006 fetches every URI of the log over HTTP: switched off, so that the result does
# not depend on the network (the multitool then warns WRN999.RuleExplicitlyDisabled).
cat >"$work/config.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
EOF

status=0
n=0
for file in "$@"; do
	[ -f "$file" ] || die "no such file: $file"
	n=$((n + 1))
	# The multitool silently skips a file whose name does not end in .sarif (and reports
	# success): validate a copy that does.
	target=$work/$n.sarif
	cp "$file" "$target"
	log=$work/$n.validation.sarif
	# The exit status is 0 even for an invalid file, or one that is not JSON: only the
	# output log, itself SARIF, tells.
	"$tool" validate "$target" --output "$log" --config "$work/config.xml" \
		--rule-kind "Sarif;Gh" --log ForceOverwrite >"$work/stdout" 2>&1 ||
		{ cat "$work/stdout" >&2; die "the multitool failed on $file"; }
	[ -s "$log" ] || { cat "$work/stdout" >&2; die "the multitool wrote no log for $file"; }
	node - "$file" "$log" <<'EOF' || status=1
// Print the validator's results as file:line:col (of the JSON text) and count the failing
// ones. A result without "level" takes its rule's default level, else "warning" (SARIF
// 3.27.10): the multitool leaves level out on its warnings.
const fs = require("fs");
const [file, log] = process.argv.slice(2);
let failing = 0, total = 0;
for (const run of JSON.parse(fs.readFileSync(log, "utf8")).runs) {
	const rules = run.tool.driver.rules || [];
	for (const res of run.results || []) {
		const rule = rules[res.ruleIndex] || rules.find((r) => r.id === res.ruleId) || {};
		const level = res.level || (rule.defaultConfiguration || {}).level || "warning";
		const fails = level === "error" || (level === "warning" && res.ruleId.startsWith("GH"));
		const msg = res.message || {};
		const fmt = (rule.messageStrings || {})[msg.id];
		// .NET format strings: {0} is an argument, {{ and }} are braces.
		const text = msg.text || (fmt ? fmt.text.replace(/\{\{|\}\}|\{(\d+)\}/g,
			(m, i) => (i === undefined ? m[0] : (msg.arguments || [])[i])) : msg.id);
		const region = (((res.locations || [])[0] || {}).physicalLocation || {}).region || {};
		console.error(`${file}:${region.startLine || 0}:${region.startColumn || 0}: ${level} ${res.ruleId}${rule.name ? "/" + rule.name : ""}: ${text}${fails ? "" : " (tolerated)"}`);
		total++;
		if (fails) failing++;
	}
	// Notifications about the run itself: an error, or the target being skipped, fails.
	for (const inv of run.invocations || []) {
		const notes = [...(inv.toolConfigurationNotifications || []), ...(inv.toolExecutionNotifications || [])];
		for (const n of notes) {
			const id = (n.descriptor || {}).id || "";
			if (id === "WRN999.RuleExplicitlyDisabled") continue; // our own SARIF2006 switch
			console.error(`${file}: multitool ${n.level || "warning"} ${id}: ${(n.message || {}).text || ""}`);
			if (n.level === "error" || id === "WRN997.InvalidTarget") failing++;
		}
		if (inv.executionSuccessful === false) failing++;
	}
}
console.error(`${file}: ${failing ? "INVALID" : "valid"} (${total} validator results, ${failing} failing)`);
process.exit(failing ? 1 : 0);
EOF
done
exit "$status"
