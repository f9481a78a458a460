package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/docs"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/finding"
)

func newRulesCommand() *cobra.Command {
	var format string
	var policies []string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules: built in, and from --policy directories",
		Example: `  dnslint rules
  dnslint rules --format json
  dnslint rules show forward/option-outside-block`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cat, err := engine.LoadCatalog(policies...)
			if err != nil {
				return err
			}
			return writeRules(cmd.OutOrStdout(), format, cat.Rules)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text, json or markdown")
	cmd.PersistentFlags().StringArrayVar(&policies, "policy", nil, "directory of Rego policies to include (repeatable)")
	cmd.AddCommand(&cobra.Command{
		Use:   "show RULE",
		Short: "Explain one rule: what it catches, why, examples, parameters",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := engine.LoadCatalog(policies...)
			if err != nil {
				return err
			}
			r, ok := cat.Rule(args[0])
			if !ok {
				return usageError{fmt.Errorf("unknown rule %q%s (see dnslint rules)", args[0], config.Meant(args[0], cat.Rules))}
			}
			_, err = io.WriteString(cmd.OutOrStdout(), docs.Text(r))
			return err
		},
	})
	return cmd
}

func writeRules(w io.Writer, format string, rules []finding.Rule) error {
	switch format {
	case "text":
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tSEVERITY\tFIX\tTITLE")
		for _, r := range rules {
			fix := ""
			if r.Fixable {
				fix = "yes"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, fix, r.Title)
		}
		return tw.Flush()
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"version": 2, "rules": rules})
	case "markdown":
		_, err := io.WriteString(w, docs.Index(rules))
		return err
	}
	return usageError{fmt.Errorf("unknown format %q (want text, json or markdown)", format)}
}
