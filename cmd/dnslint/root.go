package main

import (
	"github.com/spf13/cobra"
)

func newRootCommand() (*cobra.Command, func() error) {
	root := &cobra.Command{
		Use:   "dnslint",
		Short: "Lint Kubernetes DNS configuration before it reaches a cluster",
		Long: `dnslint finds what breaks cluster DNS — CoreDNS crash loops, silently ignored
coredns-custom keys, cache and ndots settings that flood upstream resolvers, pod DNS
settings the API server rejects — in Corefiles, ConfigMaps, workloads and resolv.conf
files, with the exact file, line and column.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config, policy or input errors.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newLintCommand(), newRulesCommand(), newVersionCommand())
	root.AddCommand(newExplainCommand())
	root.AddCommand(newWebhookCommand())
	root.AddCommand(newAuditCommand())
	root.AddCommand(newConfigCommand())
	stopProfiles := addProfileFlags(root)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	return root, stopProfiles
}

// usageError is a command-line mistake: exit 2 with the message.
type usageError struct{ error }
