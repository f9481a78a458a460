package main

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/fix"
	"github.com/dnslint/dnslint/lint/render"
	"github.com/dnslint/dnslint/lint/report"
	"github.com/dnslint/dnslint/lint/source"
)

type lintFlags struct {
	runFlags
	adopt                   adoptFlags
	fixes                   fixFlags
	stdinFilename, linkBase string
	maxFileSize             int64
	helmValues, render      []string
}

func newLintCommand() *cobra.Command {
	f := &lintFlags{}
	cmd := &cobra.Command{
		Use:   "lint [PATH...|-]",
		Short: "Lint Corefiles, Kubernetes manifests and resolv.conf files",
		Long: `Lint files and directories (recursively), or standard input with "-".

Files are recognised by name: Corefile, *.corefile and Corefile.* are Corefiles;
resolv.conf and *.resolv.conf are resolv.conf files; *.yaml, *.yml and *.json are
Kubernetes manifests (multi-document, List kinds), in which dnslint reads the coredns,
node-local-dns, coredns-custom and autoscaler ConfigMaps and the pod spec of every
workload kind. A file named on the command line with another name is recognised by
its content. All files of one run are linted together: a coredns-custom ConfigMap is
composed with the coredns ConfigMap of the same namespace even from another file.

Configuration comes from --config, or else from .dnslint.yaml: each file takes its
rules, severities and parameters from the one nearest to it (upward from its directory,
within its git work tree), else from the one found upward from the working directory,
which also gives the run's output options. Inline "# dnslint:ignore <rule>[,<rule>] [-- reason]" comments silence a
finding on their line or the line below.`,
		Example: `  dnslint lint testdata/examples
  kustomize build overlays/prod | dnslint lint - --stdin-filename prod.yaml
  dnslint lint --format sarif --output dnslint.sarif .
  dnslint lint --disable 'pod/*' --fail-on warning Corefile`,
		RunE: func(cmd *cobra.Command, args []string) error { return runLint(cmd, f, args) },
	}
	fl := cmd.Flags()
	f.register(fl, versionHelp{
		coredns:    "CoreDNS release the Corefiles run on (default: the latest release dnslint knows)",
		kubernetes: "Kubernetes release of the cluster (default: the latest release dnslint knows)",
		platform:   platformHelp("a coredns-custom ConfigMap linted alone"),
	})
	fl.StringVar(&f.linkBase, "link-base", "", "URL prefix that turns file paths into links (markdown format), e.g. https://github.com/OWNER/REPO/blob/SHA/")
	fl.StringVar(&f.stdinFilename, "stdin-filename", "", "name for standard input, used for its format and in findings")
	fl.Int64Var(&f.maxFileSize, "max-file-size", source.DefaultMaxSize, "largest file read, in bytes")
	f.adopt.register(fl)
	fl.BoolVar(&f.fixes.fix, "fix", false, "apply the safe fixes to the files, lint again and report what is left")
	fl.BoolVar(&f.fixes.unsafe, "unsafe-fixes", false, "with --fix or --diff, also apply the fixes that change run-time behaviour")
	fl.BoolVar(&f.fixes.diff, "diff", false, "print the fixes as a unified diff and write nothing; the exit code is that of the findings before fixing")
	fl.StringArrayVar(&f.helmValues, "helm-values", nil, "Helm values file applied after the config's (repeatable)")
	fl.StringSliceVar(&f.render, "render", []string{"helm", "kustomize"}, "what to render before linting: helm, kustomize, or none")
	registerRunCompletions(cmd)
	return cmd
}

func runLint(cmd *cobra.Command, f *lintFlags, args []string) error {
	if len(args) == 0 {
		return usageError{fmt.Errorf("lint needs a path, or - for standard input (see dnslint lint --help)")}
	}
	if err := checkStdinArgs(args, f.stdinFilename); err != nil {
		return err
	}
	if err := f.adopt.check(); err != nil {
		return err
	}
	if err := f.fixes.check(args); err != nil {
		return err
	}
	if f.fixes.active() && (f.adopt.writeBaseline != "" || f.adopt.baseline != "" || f.adopt.newFromRev != "") {
		return usageError{fmt.Errorf("--fix and --diff fix every finding they can; --write-baseline, --baseline and --new-from-rev choose which findings are reported: give one or the other")}
	}
	out, cfg, err := f.setup()
	if err != nil {
		return err
	}
	out.linkBase = f.linkBase
	opts := lint.Options{
		Config: cfg, Enable: f.enable, Disable: f.disable, Policies: f.policies,
		CoreDNSVersion: f.corednsVersion, KubernetesVersion: f.kubernetesVersion,
		IgnoreSuppressions: f.ignoreSuppressions, MaxFileSize: f.maxFileSize,
	}
	l, err := newLinter(cmd.Context(), opts)
	if err != nil {
		return err
	}
	configs := newNearestConfigs(cfg, f.configFile != "", f.platform)
	w := &source.Walker{MaxSize: f.maxFileSize, Exclude: configs.excluded, Stdin: cmd.InOrStdin(), StdinName: f.stdinFilename, ConfigDir: cfg.Dir}
	ropts, err := renderOptions(cfg, f)
	if err != nil {
		return err
	}
	ropts.KubeVersion = l.KubernetesVersion()
	files, problems := render.Collect(cmd.Context(), w, args, ropts)
	errs := make([]report.InputError, len(problems))
	for i, p := range problems {
		errs[i] = report.InputError{Path: p.Path, Message: p.Err.Error()}
	}
	nearest, err := newNearestLinter(cmd.Context(), l, opts, configs, files)
	if err != nil {
		return err
	}
	if f.fixes.active() {
		return runLintFix(cmd, f.fixes, out, nearest, files, errs)
	}
	res, err := nearest.Lint(cmd.Context(), files)
	if err != nil {
		return err
	}
	fix.ResolveFindings(res.Findings, editable(files))
	if out.omitted, err = f.adopt.apply(cmd.Context(), res, len(errs)); err != nil {
		return err
	}
	return finish(cmd, out, l, res, errs)
}

// renderOptions says what lint renders: --render and the config's helm and kustomize.
func renderOptions(cfg *config.Config, f *lintFlags) (render.Options, error) {
	o := render.Options{
		Values: append(cfg.ValuesPaths(), f.helmValues...), Release: cfg.Helm.Release, Namespace: cfg.Helm.Namespace,
		NoHelm: cfg.Helm.Render != nil && !*cfg.Helm.Render, NoKustomize: cfg.Kustomize.Render != nil && !*cfg.Kustomize.Render,
	}
	helm, kustomize := false, false
	for _, r := range f.render {
		switch r {
		case "helm":
			helm = true
		case "kustomize":
			kustomize = true
		case "none", "":
		default:
			return o, usageError{fmt.Errorf("--render %q: want helm, kustomize or none", r)}
		}
	}
	o.NoHelm, o.NoKustomize = o.NoHelm || !helm, o.NoKustomize || !kustomize
	return o, nil
}

// checkStdinArgs refuses what would read standard input twice, or name it when it is
// not read.
func checkStdinArgs(args []string, stdinFilename string) error {
	stdin := 0
	for _, a := range args {
		if a == "-" {
			stdin++
		}
	}
	switch {
	case stdin > 1:
		return usageError{fmt.Errorf("standard input (-) is named %d times; it can be read once", stdin)}
	case stdin == 0 && stdinFilename != "":
		return usageError{fmt.Errorf("--stdin-filename %q names standard input, but no - among the paths reads it", stdinFilename)}
	}
	return nil
}

// runFlags are the flags lint and audit share: configuration, rules and reports.
type runFlags struct {
	format, output, configFile, failOn string
	corednsVersion, kubernetesVersion  string
	platform                           string
	policies, enable, disable, reports []string
	color                              string
	noColor, ignoreSuppressions        bool
	docsLinks                          bool
}

// platformHelp words --platform for what the command composes with the platform's default.
func platformHelp(what string) string {
	return fmt.Sprintf("the cluster's platform: %s; %s is composed with the default Corefile of aks or k3s, and is never read on the others (default %s)",
		strings.Join(compose.KnownPlatforms(), ", "), what, compose.DefaultPlatform)
}

// versionHelp words the flags whose defaults differ between lint and audit.
type versionHelp struct{ coredns, kubernetes, platform string }

// register defines the shared flags.
func (f *runFlags) register(fl *pflag.FlagSet, h versionHelp) {
	fl.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fl.StringArrayVar(&f.reports, "report", nil, "also write a report in another format, FORMAT=FILE (repeatable), e.g. sarif=dnslint.sarif")
	fl.StringVarP(&f.configFile, "config", "c", "", "config file for every file (default: the .dnslint.yaml nearest to each file, within its git work tree, else the one found upward from the working directory)")
	fl.StringArrayVar(&f.policies, "policy", nil, "directory of Rego policies to add (repeatable)")
	fl.StringSliceVar(&f.enable, "enable", nil, "enable rules by id or glob, e.g. 'pod/*' (repeatable, comma-separated)")
	fl.StringSliceVar(&f.disable, "disable", nil, "disable rules by id or glob (repeatable, comma-separated)")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding has this severity or higher: error, warning, info, none (default error)")
	fl.StringVar(&f.corednsVersion, "coredns-version", "", h.coredns)
	fl.StringVar(&f.kubernetesVersion, "kubernetes-version", "", h.kubernetes)
	fl.StringVar(&f.platform, "platform", "", h.platform)
	fl.StringVar(&f.color, "color", "auto", "colours in text output: auto (on a terminal; FORCE_COLOR set forces them, NO_COLOR set turns them off), always, never")
	fl.BoolVar(&f.noColor, "no-color", false, "no colours in text output: --color never")
	fl.BoolVar(&f.docsLinks, "docs-links", false, "show each finding's rule documentation link (text output)")
	fl.BoolVar(&f.ignoreSuppressions, "ignore-suppressions", false, "report findings even where a dnslint:ignore comment silences them")
}

// setup reads the configuration and the report flags.
func (f *runFlags) setup() (output, *config.Config, error) {
	reporter, err := report.Get(f.format)
	if err != nil {
		return output{}, nil, usageError{err}
	}
	extra, err := parseReports(f.reports)
	if err != nil {
		return output{}, nil, usageError{err}
	}
	cfg, err := loadConfig(f.configFile)
	if err != nil {
		return output{}, nil, err
	}
	if f.platform != "" {
		cfg.Platform = f.platform
	}
	failOn, err := finding.ParseSeverity(cmp.Or(f.failOn, cfg.FailOn, "error"))
	if err != nil {
		return output{}, nil, usageError{fmt.Errorf("--fail-on: %w", err)}
	}
	color := f.color
	if f.noColor {
		color = "never"
	}
	if color != "auto" && color != "always" && color != "never" {
		return output{}, nil, usageError{fmt.Errorf("--color %q: want auto, always or never", f.color)}
	}
	return output{reporter: reporter, extra: extra, file: f.output, color: color, docsLinks: f.docsLinks, failOn: failOn}, cfg, nil
}

// output is where and how a run's findings are reported.
type output struct {
	reporter       report.Reporter
	extra          []extraReport
	file, linkBase string
	color          string // auto, always or never
	docsLinks      bool
	failOn         finding.Severity
	// omitted are the findings found but not reported (baseline, --new-from-rev).
	omitted []report.Omitted
}

// finish writes a run's reports (the --report ones, then the main one), with the inputs
// that could not be read, those also on standard error, and returns the exit status:
// what lint and audit share.
func finish(cmd *cobra.Command, o output, l *lint.Linter, res *lint.Result, problems []report.InputError) error {
	for _, w := range l.Warnings() {
		fmt.Fprintf(cmd.ErrOrStderr(), "dnslint: warning: %s\n", w)
	}
	rep := &report.Report{
		Tool: "dnslint", Version: toolVersion(), Findings: res.Findings, Rules: l.Rules(), Files: res.Files,
		Source: sourceLines(res.Sources), LinkBase: o.linkBase, Errors: problems, Omitted: o.omitted,
	}
	for _, e := range o.extra {
		if err := writeReport(cmd, e.reporter, e.file, rep); err != nil {
			return err
		}
	}
	rep.Color, rep.DocsLinks = useColor(o.color, o.file), o.docsLinks
	if err := writeReport(cmd, o.reporter, o.file, rep); err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(cmd.ErrOrStderr(), "dnslint: %s\n", report.Printable(p.String()))
	}
	switch {
	case len(problems) > 0:
		return exitError{exitUsage}
	case o.failOn != finding.None && worst(res.Findings) >= o.failOn:
		return exitError{exitFindings}
	}
	return nil
}

type extraReport struct {
	reporter report.Reporter
	file     string
}

// parseReports reads --report FORMAT=FILE values.
func parseReports(values []string) ([]extraReport, error) {
	var out []extraReport
	for _, v := range values {
		format, file, ok := strings.Cut(v, "=")
		if !ok || file == "" {
			return nil, fmt.Errorf("--report %q: want FORMAT=FILE, e.g. sarif=dnslint.sarif", v)
		}
		r, err := report.Get(format)
		if err != nil {
			return nil, fmt.Errorf("--report %q: %w", v, err)
		}
		out = append(out, extraReport{r, file})
	}
	return out, nil
}

// writeReport writes a report to a file, or to standard output when file is "".
func writeReport(cmd *cobra.Command, r report.Reporter, file string, rep *report.Report) error {
	out, closeOut, err := openOutput(cmd, file)
	if err != nil {
		return err
	}
	if err := r.Write(out, rep); err != nil {
		return err
	}
	return closeOut()
}

func loadConfig(file string) (*config.Config, error) {
	if file == "" {
		found, ok := config.Find(".")
		if !ok {
			return &config.Config{}, nil
		}
		file = found
	}
	return config.Load(file)
}

func openOutput(cmd *cobra.Command, path string) (io.Writer, func() error, error) {
	if path == "" {
		w := bufio.NewWriter(cmd.OutOrStdout())
		return w, w.Flush, nil
	}
	fh, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	w := bufio.NewWriter(fh)
	return w, func() error {
		if err := w.Flush(); err != nil {
			fh.Close()
			return err
		}
		return fh.Close()
	}, nil
}

// sourceLines serves lines of the files a run read, for the text format.
func sourceLines(sources map[string][]byte) func(string, int) string {
	split := map[string][][]byte{}
	return func(file string, line int) string {
		lines, ok := split[file]
		if !ok {
			lines = bytes.Split(sources[file], []byte("\n"))
			split[file] = lines
		}
		if line < 1 || line > len(lines) {
			return ""
		}
		return strings.TrimRight(string(lines[line-1]), "\r")
	}
}

// useColor decides colours for the main report (--color): always and never are what
// they say; auto colours standard output when FORCE_COLOR is set (not to "0"), or when
// NO_COLOR is not set and standard output is a terminal — never a file (--output).
func useColor(mode, file string) bool {
	switch {
	case mode == "always":
		return true
	case mode == "never" || file != "":
		return false
	}
	if v, ok := os.LookupEnv("FORCE_COLOR"); ok && v != "0" && v != "false" {
		return true
	}
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	fi, err := os.Stdout.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func worst(fs []finding.Finding) finding.Severity {
	w := finding.None
	for _, f := range fs {
		w = max(w, f.Severity)
	}
	return w
}
