package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/explain"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/kube"
	"github.com/dnslint/dnslint/lint/parse/resolvconf"
	"github.com/dnslint/dnslint/lint/source"
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
		w, err := workloadFromFile(f.pod, f.workload)
		if err != nil {
			return err
		}
		req.Pod = podOf(w)
		if f.libc == "" {
			req.Libc = explain.LibcOfImages(tokenTexts(w.Pod.Containers))
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
		if err := nodeFromResolvConf(f.nodeResolv, &req.Node); err != nil {
			return err
		}
	}
	cf, err := corefileFrom(f.configs, f.platform)
	if err != nil {
		return err
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

// workloadFromFile reads the workload of a file: the one named (--workload), or the
// only one; several without a name is a usage error that lists them.
func workloadFromFile(path, name string) (*model.Workload, error) {
	b, err := source.ReadLimited(path, source.DefaultMaxSize)
	if err != nil {
		return nil, fmt.Errorf("--pod %s: %w", path, err)
	}
	res, err := kube.Parse(path, b)
	if err != nil {
		return nil, fmt.Errorf("--pod %s: %w", path, err)
	}
	if len(res.Workloads) == 0 {
		return nil, fmt.Errorf("--pod %s: no Pod or workload with a pod template in the file", path)
	}
	var names []string
	for _, w := range res.Workloads {
		if w.Object.Name == name || name == "" && len(res.Workloads) == 1 {
			return w, nil
		}
		names = append(names, fmt.Sprintf("%s/%s (line %d)", w.Object.Kind, w.Object.Name, w.Object.Pos.Line))
	}
	if name != "" {
		return nil, usageError{fmt.Errorf("--pod %s: no workload named %q; the file has %s", path, name, strings.Join(names, ", "))}
	}
	return nil, usageError{fmt.Errorf("--pod %s: the file has %d workloads, pick one with --workload NAME: %s", path, len(names), strings.Join(names, ", "))}
}

func tokenTexts(ts []model.Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out
}

func podOf(w *model.Workload) explain.Pod {
	p := explain.Pod{Namespace: w.Object.Namespace}
	if w.Pod.DNSPolicy != nil {
		p.DNSPolicy = w.Pod.DNSPolicy.Text
	}
	if w.Pod.HostNetwork != nil {
		p.HostNetwork = w.Pod.HostNetwork.Value
	}
	if c := w.Pod.DNSConfig; c != nil {
		for _, n := range c.Nameservers {
			p.Nameservers = append(p.Nameservers, n.Text)
		}
		for _, s := range c.Searches {
			p.Searches = append(p.Searches, s.Text)
		}
		for _, o := range c.Options {
			opt := explain.Option{Name: o.Name.Text}
			if o.Value != nil {
				opt.Value, opt.HasValue = o.Value.Text, true
			}
			p.Options = append(p.Options, opt)
		}
	}
	return p
}

func nodeFromResolvConf(path string, n *explain.Node) error {
	b, err := source.ReadLimited(path, source.DefaultMaxSize)
	if err != nil {
		return fmt.Errorf("--node-resolv-conf %s: %w", path, err)
	}
	rc, errs := resolvconf.Parse(path, b)
	if rc == nil {
		return fmt.Errorf("--node-resolv-conf %s: %s", path, errs[0].Message)
	}
	for _, t := range rc.Nameservers {
		n.Nameservers = append(n.Nameservers, t.Text)
	}
	if len(n.Searches) == 0 {
		for _, t := range rc.Search {
			n.Searches = append(n.Searches, t.Text)
		}
	}
	for _, o := range rc.Options {
		opt := explain.Option{Name: o.Name}
		if o.Value != nil {
			opt.Value, opt.HasValue = *o.Value, true
		}
		n.Options = append(n.Options, opt)
	}
	return nil
}

// corefileFrom composes the given files as lint does and picks the coredns Corefile
// (else the first); without files, the kubeadm default Corefile.
func corefileFrom(paths []string, platform string) (*model.Corefile, error) {
	if len(paths) == 0 {
		return explain.DefaultCorefile()
	}
	files, problems := (&source.Walker{}).Collect(paths)
	if len(problems) > 0 {
		return nil, fmt.Errorf("--config %s", problems[0])
	}
	in, _, err := lint.Model(files, platform)
	if err != nil {
		return nil, err
	}
	if len(in.ParseErrors) > 0 {
		e := in.ParseErrors[0]
		return nil, fmt.Errorf("--config %s: %s", e.Pos, e.Message)
	}
	for _, cf := range in.Corefiles {
		if cf.Object != nil && cf.Object.Name == "coredns" && !strings.HasPrefix(cf.File, "<") {
			return cf, nil
		}
	}
	if len(in.Corefiles) == 0 {
		return nil, fmt.Errorf("--config: no Corefile in %s", strings.Join(paths, ", "))
	}
	return in.Corefiles[0], nil
}
