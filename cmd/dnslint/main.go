// Command dnslint lints Kubernetes DNS configuration: Corefiles, the coredns,
// coredns-custom and autoscaler ConfigMaps, pod DNS settings and resolv.conf files.
// This package holds the command line only: flags, wiring and exit codes.
package main

import (
	"errors"
	"fmt"
	"os"
)

// Exit codes.
const (
	exitClean    = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitUsage    = 2 // usage, config, policy or input errors
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// exitError carries an exit code through cobra without printing a usage text.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func run(args []string) int {
	cmd := newRootCommand()
	cmd.SetArgs(args)
	err := cmd.Execute()
	var ee exitError
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintln(os.Stderr, "dnslint:", err)
		return exitUsage
	}
}
