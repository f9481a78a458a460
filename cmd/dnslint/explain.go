package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dnslint/dnslint/lint/explain"
	"github.com/dnslint/dnslint/lint/explain/input"
)

func newExplainCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain",
		Short: "Show what DNS does: a pod's lookups, or what an autoscaler ladder runs",
	}
	cmd.AddCommand(newExplainLookupCommand(), newExplainLadderCommand())
	return cmd
}

type lookupFlags struct {
	pod, workload, namespace, policy, clusterDomain, nodeResolv, libc, format, platform string
	hostNetwork, legacy                                                                 bool
	ndots                                                                               int
	searches, configs, clusterDNS, services                                             []string
}

func newExplainLookupCommand() *cobra.Command {
	f := &lookupFlags{}
	cmd := &cobra.Command{
		Use:   "lookup NAME",
		Short: "The resolv.conf a pod gets, the queries its resolver sends for NAME, and which CoreDNS block and plugin answer each",
		Long: `Explain one name's lookup from a pod, from configuration alone:

  - the resolv.conf the kubelet writes for the pod (policy, dnsConfig merge, ndots
    default, nameserver and search limits, what gets dropped);
  - the queries the resolver sends, in order, A and AAAA, for glibc or musl;
  - for each query the CoreDNS server block that receives it, the plugin that answers,
    the expected result and whether it leaves the cluster;
  - totals, and the same with ndots 2 and with a trailing dot.

The pod comes from a workload file (--pod) or from flags; the Corefile from --config
(Corefiles or coredns/coredns-custom ConfigMaps, composed as lint does; default: the
kubeadm default Corefile). Names the resolver builds from a search domain outside the
cluster are assumed not to exist upstream; Services other than kubernetes.default are
assumed absent unless named with --service.`,
		Example: `  dnslint explain lookup openai.com --search abc.internal.cloudapp.net
  dnslint explain lookup api.payments --pod deploy.yaml --config coredns.yaml --service api.payments
  dnslint explain lookup example.com --ndots 2 --libc musl --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runExplainLookup(cmd, f, args[0]) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.pod, "pod", "", "workload file whose pod spec (namespace, dnsPolicy, hostNetwork, dnsConfig, images) to use")
	fl.StringVar(&f.workload, "workload", "", "the workload of the --pod file to use, by name (needed when the file has several)")
	fl.StringVar(&f.namespace, "namespace", "", "pod namespace (default: the workload's, else default)")
	fl.StringVar(&f.policy, "dns-policy", "", "dnsPolicy: ClusterFirst (default), ClusterFirstWithHostNet, Default, None")
	fl.BoolVar(&f.hostNetwork, "host-network", false, "the pod uses the host network")
	fl.IntVar(&f.ndots, "ndots", -1, "dnsConfig option ndots")
	fl.StringSliceVar(&f.searches, "search", nil, "search domains the node's resolv.conf adds (repeatable)")
	fl.StringVar(&f.clusterDomain, "cluster-domain", "cluster.local", "kubelet clusterDomain")
	fl.StringSliceVar(&f.clusterDNS, "cluster-dns", []string{"10.96.0.10"}, "kubelet clusterDNS")
	fl.StringVar(&f.nodeResolv, "node-resolv-conf", "", "the node's resolv.conf (nameservers, search, options)")
	fl.StringArrayVar(&f.configs, "config", nil, "Corefile or coredns/coredns-custom ConfigMap files (repeatable)")
	fl.StringVar(&f.platform, "platform", "", platformHelp("a lone coredns-custom ConfigMap"))
	fl.StringSliceVar(&f.services, "service", nil, "Services that exist, as NAME.NAMESPACE (repeatable)")
	fl.StringVar(&f.libc, "libc", "", "resolver: glibc or musl (default: as lint decides it from the --pod images, musl for Alpine; else glibc)")
	fl.BoolVar(&f.legacy, "legacy-search-limits", false, "the cluster has no expanded DNS config (6 search domains, 256 characters)")
	fl.StringVarP(&f.format, "format", "f", "text", "text or json")
	return cmd
}

func runExplainLookup(cmd *cobra.Command, f *lookupFlags, name string) error {
	if f.libc != "" && f.libc != "glibc" && f.libc != "musl" {
		return usageError{fmt.Errorf("--libc %q: want glibc or musl", f.libc)}
	}
	if err := explain.CheckName(name); err != nil {
		return usageError{err}
	}
	if cmd.Flags().Changed("ndots") && f.ndots < 0 {
		return usageError{fmt.Errorf("--ndots %d: want 0 or more", f.ndots)}
	}
	if f.workload != "" && f.pod == "" {
		return usageError{fmt.Errorf("--workload %q names a workload of the --pod file, and there is none", f.workload)}
	}
	req := explain.LookupRequest{
		Name: name, Libc: explain.Libc(f.libc), Cluster: explain.Cluster{Services: f.services},
		Node: explain.Node{ClusterDNS: f.clusterDNS, ClusterDomain: f.clusterDomain, Searches: f.searches, Legacy: f.legacy},
	}
	if req.Libc == "" {
		req.Libc = explain.Glibc
	}
	if f.pod != "" {
		w, err := input.Workload(f.pod, f.workload)
		var choice *input.ChoiceError
		switch {
		case errors.As(err, &choice):
			return usageError{fmt.Errorf("--pod %w", err)}
		case err != nil:
			return fmt.Errorf("--pod %w", err)
		}
		req.Pod = input.Pod(w)
		if f.libc == "" {
			req.Libc = explain.LibcOfImages(input.Images(w))
		}
	}
	if f.namespace != "" {
		req.Pod.Namespace = f.namespace
	}
	if f.policy != "" {
		req.Pod.DNSPolicy = f.policy
	}
	if f.hostNetwork {
		req.Pod.HostNetwork = true
	}
	if f.ndots >= 0 {
		req.Pod.Options = append(req.Pod.Options, explain.Option{Name: "ndots", Value: strconv.Itoa(f.ndots), HasValue: true})
	}
	if f.nodeResolv != "" {
		if err := input.Node(f.nodeResolv, &req.Node); err != nil {
			return fmt.Errorf("--node-resolv-conf %w", err)
		}
	}
	cf, err := input.Corefile(f.configs, f.platform)
	if err != nil {
		return fmt.Errorf("--config %w", err)
	}
	req.Corefile = cf
	out := explain.ExplainLookup(req)
	if f.format == "json" {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if f.format != "text" {
		return usageError{fmt.Errorf("--format %q: want text or json", f.format)}
	}
	return writeLookup(cmd.OutOrStdout(), out)
}

func writeLookup(w io.Writer, l explain.Lookup) error {
	fmt.Fprintf(w, "resolv.conf (dnsPolicy %s):\n%s", l.ResolvConf.Policy, indentText(l.ResolvConf.Text()))
	for _, n := range l.ResolvConf.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	fmt.Fprintf(w, "\n%s, %s, ndots %d:\n", l.Name, l.Libc, l.Ndots)
	writeQueries(w, l.Queries)
	fmt.Fprintf(w, "\n%-32s %8s %9s %9s\n", "", "queries", "NXDOMAIN", "upstream")
	fmt.Fprintf(w, "%-32s %8d %9d %9d\n", "as configured", l.Totals.Queries, l.Totals.NXDomain, l.Totals.Upstream)
	for _, a := range l.Alternatives {
		fmt.Fprintf(w, "%-32s %8d %9d %9d\n", "with "+a.Fix, a.Totals.Queries, a.Totals.NXDomain, a.Totals.Upstream)
	}
	return nil
}

func writeQueries(w io.Writer, qs []explain.Query) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tQTYPE\tNAME\tBLOCK\tPLUGIN\tRESULT\tUPSTREAM")
	for _, q := range qs {
		r := q.Route
		up := r.Upstream
		if up == "" {
			up = "-"
		}
		result := string(r.Outcome)
		if r.Note != "" {
			result += " (" + r.Note + ")"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", q.ID, q.Type, q.Name, dash(r.Block), dash(r.Plugin), result, up)
	}
	tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func indentText(s string) string {
	if s == "" {
		return "  (empty)\n"
	}
	return "  " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n  ") + "\n"
}
