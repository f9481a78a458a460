package main

import (
	"errors"
	"fmt"
	"path"

	"github.com/spf13/cobra"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/finding"
)

func newConfigCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Check .dnslint.yaml",
		Args:  cobra.NoArgs,
	}
	var file string
	var policies []string
	check := &cobra.Command{
		Use:   "check",
		Short: "Check .dnslint.yaml against the rule catalog, without linting anything",
		Long: `Check reads the config file the way lint does (--config, or .dnslint.yaml found upward
from the working directory), resolves it against the rule catalog, with the rules of the
--policy directories, and reports every problem with its file and line: unknown keys,
unknown rules, parameters of the wrong type or out of range, bad severities, versions,
platform and globs. Exit 0 when the config is valid, 2 when it is not.

The JSON Schema of .dnslint.yaml, for editors, is docs/dnslint.schema.json.`,
		Example: `  dnslint config check
  dnslint config check --config ci/.dnslint.yaml --policy policies/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(file)
			if err != nil {
				return err
			}
			l, errs := checkConfig(cmd, cfg, policies)
			if err := errors.Join(errs...); err != nil {
				return err
			}
			name := cfg.Path
			if name == "" {
				name = "no " + config.FileName + " found; the defaults"
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: valid (%d of %d rules enabled)\n", name, len(l.Rules()), len(l.Catalog()))
			return err
		},
	}
	check.Flags().StringVarP(&file, "config", "c", "", "config file (default: .dnslint.yaml found upward from the working directory)")
	check.Flags().StringArrayVar(&policies, "policy", nil, "directory of Rego policies whose rules the config may set (repeatable)")
	cmd.AddCommand(check)
	return cmd
}

// checkConfig resolves a config as lint does and returns every problem found.
func checkConfig(cmd *cobra.Command, cfg *config.Config, policies []string) (*lint.Linter, []error) {
	var errs []error
	if cfg.FailOn != "" {
		if _, err := finding.ParseSeverity(cfg.FailOn); err != nil {
			errs = append(errs, fmt.Errorf("%s fail-on: %w", cfg.Where("fail-on"), err))
		}
	}
	if err := compose.CheckPlatform(cfg.Platform); err != nil {
		errs = append(errs, fmt.Errorf("%s platform: %w", cfg.Where("platform"), err))
	}
	for _, g := range cfg.Exclude {
		if _, err := path.Match(g, ""); err != nil {
			errs = append(errs, fmt.Errorf("%s exclude: %q: %w", cfg.Where("exclude"), g, err))
		}
	}
	l, err := lint.New(cmd.Context(), lint.Options{Config: cfg, Policies: policies})
	if err != nil {
		errs = append(errs, err)
	}
	return l, errs
}
