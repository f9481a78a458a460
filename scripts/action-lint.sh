#!/usr/bin/env bash
# The Lint step of action.yml: runs dnslint once, printing workflow-command annotations,
# and writes the Markdown job summary, the step outputs (errors, warnings, sarif-file) and
# the SARIF report. Exits with dnslint's status, so that the step follows fail-on.
#
# Environment: DNSLINT_BIN, INPUT_PATHS, INPUT_CONFIG, INPUT_FAIL_ON, INPUT_SARIF_FILE,
# INPUT_BASELINE, INPUT_ONLY_NEW (with PR_BASE_SHA, PUSH_BEFORE_SHA from the event),
# INPUT_FIX_DIFF (true: the safe fixes as a diff in the job summary),
# INPUT_WORKING_DIRECTORY, LINK_BASE, and the runner's RUNNER_TEMP, GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY.
set -uo pipefail

bin=${DNSLINT_BIN:?DNSLINT_BIN is not set}
reports=$(mktemp -d "${RUNNER_TEMP:-/tmp}/dnslint-report.XXXXXX")
json=$reports/dnslint.json
summary=$reports/summary.md

args=(lint --format github --fail-on "${INPUT_FAIL_ON:-error}"
	--report "json=$json" --report "markdown=$summary")
if [ -n "${INPUT_CONFIG:-}" ]; then
	args+=(--config "$INPUT_CONFIG")
fi
if [ -n "${INPUT_BASELINE:-}" ]; then
	args+=(--baseline "$INPUT_BASELINE")
fi
case "${INPUT_ONLY_NEW:-false}" in
true)
	rev=${PR_BASE_SHA:-${PUSH_BEFORE_SHA:-}}
	if [ -z "$rev" ] || [ -z "${rev//0/}" ]; then
		echo "::error title=dnslint::only-new needs a pull_request event (its base commit) or a push event that has a previous commit"
		exit 2
	fi
	args+=(--new-from-rev "$rev")
	;;
false) ;;
*)
	echo "::error title=dnslint::only-new must be true or false, not '$INPUT_ONLY_NEW'"
	exit 2
	;;
esac
sarif=""
if [ -n "${INPUT_SARIF_FILE:-}" ]; then
	mkdir -p "$(dirname "$INPUT_SARIF_FILE")"
	sarif=$(cd "$(dirname "$INPUT_SARIF_FILE")" && pwd)/$(basename "$INPUT_SARIF_FILE")
	args+=(--report "sarif=$sarif")
fi
if [ -n "${LINK_BASE:-}" ]; then
	base=$LINK_BASE
	wd=${INPUT_WORKING_DIRECTORY:-.}
	wd=${wd#./}
	if [ -n "$wd" ] && [ "$wd" != "." ]; then
		base="${base%/}/${wd%/}/"
	fi
	args+=(--link-base "$base")
fi

# Paths are split on white space; globs are left to dnslint's directory walk.
set -f
# shellcheck disable=SC2206
paths=(${INPUT_PATHS:-.})
set +f

"$bin" "${args[@]}" -- "${paths[@]}"
status=$?

if [ -s "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	cat "$summary" >>"$GITHUB_STEP_SUMMARY"
fi

# The safe fixes as a diff (--diff writes no file); its exit status is the lint's, already known.
if [ "${INPUT_FIX_DIFF:-false}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	diff_args=(lint --diff)
	if [ -n "${INPUT_CONFIG:-}" ]; then
		diff_args+=(--config "$INPUT_CONFIG")
	fi
	fixes=$("$bin" "${diff_args[@]}" -- "${paths[@]}" 2>/dev/null)
	if [ -n "$fixes" ]; then
		{
			printf '\n### Safe fixes\n\n`dnslint lint --fix` applies these changes:\n\n````diff\n%s\n````\n' "$fixes"
		} >>"$GITHUB_STEP_SUMMARY"
	fi
fi

# count NAME reads summary.NAME from the JSON report (two-space indented, one key a line).
count() {
	[ -f "$json" ] || { echo 0; return; }
	sed -n "s/^    \"$1\": \([0-9][0-9]*\),\{0,1\}$/\1/p" "$json" | head -n 1
}
if [ -n "${GITHUB_OUTPUT:-}" ]; then
	{
		echo "errors=$(count errors)"
		echo "warnings=$(count warnings)"
		echo "sarif-file=$sarif"
	} >>"$GITHUB_OUTPUT"
fi
rm -rf "$reports"
exit "$status"
