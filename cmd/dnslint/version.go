package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/rules"
)

// Set at build time by goreleaser (.goreleaser.yaml) and `make build`:
// -ldflags "-X main.version=… -X main.commit=… -X main.date=…".
var (
	version = ""
	commit  = ""
	date    = ""
)

func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// buildCommit is the commit the binary was built from: the ldflag, else the VCS stamp
// `go build` records in a clone, else "unknown" (go install …@vX.Y.Z records none).
func buildCommit(bi *debug.BuildInfo) string {
	if commit != "" {
		return commit
	}
	for _, s := range buildSettings(bi) {
		if s.Key == "vcs.revision" {
			return s.Value
		}
	}
	return "unknown"
}

func buildDate(bi *debug.BuildInfo) string {
	if date != "" {
		return date
	}
	for _, s := range buildSettings(bi) {
		if s.Key == "vcs.time" {
			return s.Value
		}
	}
	return "unknown"
}

func buildSettings(bi *debug.BuildInfo) []debug.BuildSetting {
	if bi == nil {
		return nil
	}
	return bi.Settings
}

// opaVersion is the version of the OPA module linked in, from the build information.
func opaVersion(bi *debug.BuildInfo) string {
	if bi != nil {
		for _, d := range bi.Deps {
			if d.Path == "github.com/open-policy-agent/opa" {
				if d.Replace != nil {
					return d.Replace.Version
				}
				return d.Version
			}
		}
	}
	return "unknown"
}

// kubernetesData names the Kubernetes releases the shipped data (rules/data/kubernetes.json)
// knows: the newest, and each release from which the API server's search limits change.
func kubernetesData() (latest string, limitsFrom []string, err error) {
	d, err := rules.ShippedData()
	if err != nil {
		return "", nil, err
	}
	for _, l := range d.Kubernetes.SearchLimits {
		limitsFrom = append(limitsFrom, l.From)
	}
	return d.Kubernetes.Latest, limitsFrom, nil
}

func writeVersion(w io.Writer) error {
	cat, err := engine.LoadCatalog()
	if err != nil {
		return err
	}
	k8s, limitsFrom, err := kubernetesData()
	if err != nil {
		return err
	}
	bi, _ := debug.ReadBuildInfo()
	_, err = fmt.Fprintf(w, "dnslint %s\ncommit: %s\nbuilt: %s\ngo: %s %s/%s\nopa: %s\nrules: %d built in\ncoredns: rules know releases up to %s\nkubernetes: rules know releases up to %s (search limits change at %s)\n",
		toolVersion(), buildCommit(bi), buildDate(bi), runtime.Version(), runtime.GOOS, runtime.GOARCH,
		opaVersion(bi), len(cat.Rules), cat.LatestCoreDNS(), k8s, strings.Join(limitsFrom, ", "))
	return err
}

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the dnslint version, its build (commit, date, Go, OPA) and the CoreDNS and Kubernetes releases its rules know",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return writeVersion(cmd.OutOrStdout())
		},
	}
}
