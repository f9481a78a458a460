// Package suppress owns inline suppressions: `# dnslint:ignore rule[,rule] [-- reason]` comments, which findings they silence, and the ones that silence nothing.
//
// A directive is a '#' comment whose text, after optional blanks, starts with
// `dnslint:ignore` followed by a blank or the end of the line. Rules are separated by commas
// and/or blanks; everything after the first `--` is the reason. A rule is a rule id or a
// path.Match glob such as `pod/*`. A directive without rules is malformed: Scan returns it
// with Rules empty and Set.Unused lists it, for the caller to report.
//
// A directive silences the findings on its own line, and, when it stands alone on a
// comment-only line, the findings on the line directly below it — in both cases with the
// lines nested under that line (indented deeper: a YAML `- name: ndots` item with its
// `value:`, a key with what it holds, a Corefile plugin with its block), the object the
// finding is about:
//
//	force_tcp # dnslint:ignore forward/force-tcp-outside-forward -- checked by hand
//
//	# dnslint:ignore pod/* -- legacy workload
//	dnsPolicy: Default
//
// The scan is line by line and knows no format. A '#' starts a comment at the start of a
// line or after a blank, outside a quoted string that opens and closes on the same line
// (double quotes with backslash escapes, single quotes with doubled-quote escapes). A
// quoted string that spans lines is not followed: a directive-like text on its later lines
// still counts.
//
// resolv.conf has no trailing comments: glibc reads `search a # dnslint:ignore x` as four
// search domains. Put a directive for resolv.conf on the line above.
package suppress
