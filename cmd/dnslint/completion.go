package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/report"
)

// registerRunCompletions completes the values of the flags runFlags defines (shell
// completion: dnslint completion bash|zsh|fish|powershell): formats, rule ids,
// severities, platforms, colour modes.
func registerRunCompletions(cmd *cobra.Command) {
	fixed := func(values ...string) cobra.CompletionFunc {
		return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
	}
	for flag, fn := range map[string]cobra.CompletionFunc{
		"format":   fixed(report.Formats()...),
		"report":   completeReport,
		"enable":   completeRuleIDs,
		"disable":  completeRuleIDs,
		"fail-on":  fixed("error", "warning", "info", "none"),
		"platform": fixed(compose.KnownPlatforms()...),
		"color":    fixed("auto", "always", "never"),
	} {
		if cmd.Flags().Lookup(flag) != nil {
			_ = cmd.RegisterFlagCompletionFunc(flag, fn)
		}
	}
}

// completeRuleIDs offers the built-in rule ids and their category globs (cat/*).
func completeRuleIDs(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	cat, err := engine.LoadCatalog()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []cobra.Completion
	seen := map[string]bool{}
	for _, r := range cat.Rules {
		if c, _, ok := strings.Cut(r.ID, "/"); ok && !seen[c] {
			seen[c] = true
			out = append(out, c+"/*")
		}
		out = append(out, cobra.CompletionWithDesc(r.ID, r.Title))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeReport offers FORMAT= for --report FORMAT=FILE, then files.
func completeReport(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if strings.Contains(toComplete, "=") {
		return nil, cobra.ShellCompDirectiveDefault
	}
	var out []cobra.Completion
	for _, f := range report.Formats() {
		out = append(out, f+"=")
	}
	return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
}
