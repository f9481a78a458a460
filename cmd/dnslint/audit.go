package main

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/kubeapi"
	"github.com/dnslint/dnslint/lint/parse/kube"
	"github.com/dnslint/dnslint/lint/report"
	"github.com/dnslint/dnslint/webhook/selfmanaged"
)

type auditFlags struct {
	runFlags
	kubeconfig, kubeContext, dnsNS, namespace string
	owned                                     bool
	timeout                                   time.Duration
}

func newAuditCommand() *cobra.Command {
	f := &auditFlags{}
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Lint the DNS configuration of a live cluster",
		Long: `Read a cluster's DNS configuration through its API server and lint it like "dnslint
lint": every ConfigMap of --dns-namespace (coredns, coredns-custom, node-local-dns, the
autoscaler's …, composed with each other as CoreDNS loads them) and every object with a
pod spec in all namespaces (Deployments, StatefulSets, DaemonSets, ReplicaSets,
ReplicationControllers, Jobs, CronJobs, PodTemplates, Pods). Objects that a controller
owns (a Deployment's ReplicaSets and Pods, a CronJob's Jobs) are skipped unless --owned:
their owner's template says the same.

Findings name the object as namespace/Kind/name; inside a ConfigMap key, the key as a file
(kube-system/ConfigMap/coredns/Corefile) with the line and column inside its text. The
reports, --fail-on and the exit codes are those of "dnslint lint"; an object kind that
cannot be listed (RBAC) is reported on standard error and exits 2 after the report.

The Kubernetes release is taken from the API server and the CoreDNS release from the
image of the coredns Deployment, unless the flags or the config file set them. A cluster
older than Kubernetes 1.28, the oldest that dnslint's webhook runs on (matchConditions),
is named on standard error; the audit itself runs on any release. Read
access (list) to configmaps in --dns-namespace and to the workload kinds is needed.`,
		Example: `  dnslint audit
  dnslint audit --context prod --format sarif --output cluster.sarif
  dnslint audit --kubeconfig admin.conf --namespace shop --fail-on warning`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAudit(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.kubeconfig, "kubeconfig", "", "kubeconfig file (default: $KUBECONFIG or ~/.kube/config)")
	fl.StringVar(&f.kubeContext, "context", "", "kubeconfig context (default: the current context)")
	fl.StringVar(&f.dnsNS, "dns-namespace", "kube-system", "namespace of the CoreDNS ConfigMaps and Deployment")
	fl.StringVarP(&f.namespace, "namespace", "n", "", "lint the workloads of this namespace only (default: all namespaces)")
	fl.BoolVar(&f.owned, "owned", false, "also lint objects that a controller owns")
	fl.DurationVar(&f.timeout, "request-timeout", 60*time.Second, "time limit for each API request")
	f.register(fl, versionHelp{
		coredns:    "CoreDNS release (default: from the coredns Deployment's image)",
		kubernetes: "Kubernetes release (default: the API server's)",
		platform:   platformHelp("a coredns-custom ConfigMap without a coredns ConfigMap"),
	})
	registerRunCompletions(cmd)
	return cmd
}

func runAudit(cmd *cobra.Command, f *auditFlags) error {
	out, cfg, err := f.setup()
	if err != nil {
		return err
	}
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	rules.ExplicitPath = f.kubeconfig
	rc, err := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules,
		&clientcmd.ConfigOverrides{CurrentContext: f.kubeContext}).ClientConfig()
	if err != nil {
		return fmt.Errorf("kubeconfig: %w", err)
	}
	rc.UserAgent = "dnslint-audit/" + toolVersion()
	rc.Timeout = f.timeout
	client, err := kubernetes.NewForConfig(rc)
	if err != nil {
		return err
	}
	objs, problems, err := fetchCluster(cmd.Context(), client, f)
	if err != nil {
		return err
	}
	serverRelease, notice := clusterVersion(client.Discovery())
	if notice != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "dnslint audit: "+notice)
	}
	kv := cmp.Or(f.kubernetesVersion, cfg.KubernetesVersion, serverRelease)
	cv := cmp.Or(f.corednsVersion, cfg.CoreDNSVersion, corednsRelease(objs, f.dnsNS))
	l, err := newLinter(cmd.Context(), lint.Options{
		Config: cfg, Enable: f.enable, Disable: f.disable, Policies: f.policies,
		CoreDNSVersion: cv, KubernetesVersion: kv, IgnoreSuppressions: f.ignoreSuppressions,
	})
	if err != nil {
		return err
	}
	res, err := l.Lint(cmd.Context(), kubeapi.Files(objs))
	if err != nil {
		return err
	}
	res.Sources = kubeapi.Remap(res.Findings, res.Sources, objs)
	errs := make([]report.InputError, len(problems))
	for i, p := range problems {
		errs[i] = report.InputError{Message: p}
	}
	return finish(cmd, out, l, res, errs)
}

// clusterVersion is the API server's release ("" when it cannot be read) and, when the
// cluster is older than dnslint's webhook needs, a notice that says so (the audit itself
// runs on any release).
func clusterVersion(d discovery.ServerVersionInterface) (release, notice string) {
	v, err := selfmanaged.ServerVersion(d)
	if err != nil {
		return "", ""
	}
	if err := selfmanaged.CheckMinimum(v); err != nil {
		notice = err.Error()
	}
	return releaseOf(v.GitVersion), notice
}

// lister lists one kind, a page at a time, returning the items as values to render.
type lister struct {
	apiVersion, kind string
	list             func(ctx context.Context, ns string, opts metav1.ListOptions) ([]any, string, error)
}

// page adapts a typed List call.
func page[L any, T any](call func(string) func(context.Context, metav1.ListOptions) (L, error), items func(L) []T, cont func(L) string) func(context.Context, string, metav1.ListOptions) ([]any, string, error) {
	return func(ctx context.Context, ns string, opts metav1.ListOptions) ([]any, string, error) {
		l, err := call(ns)(ctx, opts)
		if err != nil {
			return nil, "", err
		}
		its := items(l)
		out := make([]any, 0, len(its))
		for i := range its {
			out = append(out, &its[i])
		}
		return out, cont(l), nil
	}
}

// fetchCluster lists the DNS ConfigMaps and the workloads. A kind that cannot be listed
// is a problem (reported, exit 2); a cluster that cannot be reached at all is an error.
func fetchCluster(ctx context.Context, c kubernetes.Interface, f *auditFlags) ([]*kubeapi.Object, []string, error) {
	var objs []*kubeapi.Object
	var problems []string
	fetch := func(l lister, ns string) error {
		opts := metav1.ListOptions{Limit: 500}
		for {
			items, next, err := l.list(ctx, ns, opts)
			if err != nil {
				return err
			}
			for _, it := range items {
				o, err := kubeapi.FromValue(it, kubeapi.Meta{APIVersion: l.apiVersion, Kind: l.kind})
				if err != nil {
					return err
				}
				if f.owned || !controlled(it) {
					objs = append(objs, o)
				}
			}
			if next == "" {
				return nil
			}
			opts.Continue = next
		}
	}
	if err := fetch(configMaps(c), f.dnsNS); err != nil {
		return nil, nil, fmt.Errorf("listing the ConfigMaps of %s: %w", f.dnsNS, err)
	}
	for _, l := range workloadListers(c) {
		if err := fetch(l, f.namespace); err != nil {
			problems = append(problems, fmt.Sprintf("cannot list %ss: %v", l.kind, err))
		}
	}
	return objs, problems, nil
}

func configMaps(c kubernetes.Interface) lister {
	return lister{"v1", "ConfigMap", page(func(ns string) func(context.Context, metav1.ListOptions) (*corev1.ConfigMapList, error) {
		return c.CoreV1().ConfigMaps(ns).List
	}, func(l *corev1.ConfigMapList) []corev1.ConfigMap { return l.Items }, func(l *corev1.ConfigMapList) string { return l.Continue })}
}

// workloadListers list every kind that carries a pod spec.
func workloadListers(c kubernetes.Interface) []lister {
	return []lister{
		{"apps/v1", "Deployment", page(func(ns string) func(context.Context, metav1.ListOptions) (*appsv1.DeploymentList, error) {
			return c.AppsV1().Deployments(ns).List
		}, func(l *appsv1.DeploymentList) []appsv1.Deployment { return l.Items }, func(l *appsv1.DeploymentList) string { return l.Continue })},
		{"apps/v1", "StatefulSet", page(func(ns string) func(context.Context, metav1.ListOptions) (*appsv1.StatefulSetList, error) {
			return c.AppsV1().StatefulSets(ns).List
		}, func(l *appsv1.StatefulSetList) []appsv1.StatefulSet { return l.Items }, func(l *appsv1.StatefulSetList) string { return l.Continue })},
		{"apps/v1", "DaemonSet", page(func(ns string) func(context.Context, metav1.ListOptions) (*appsv1.DaemonSetList, error) {
			return c.AppsV1().DaemonSets(ns).List
		}, func(l *appsv1.DaemonSetList) []appsv1.DaemonSet { return l.Items }, func(l *appsv1.DaemonSetList) string { return l.Continue })},
		{"apps/v1", "ReplicaSet", page(func(ns string) func(context.Context, metav1.ListOptions) (*appsv1.ReplicaSetList, error) {
			return c.AppsV1().ReplicaSets(ns).List
		}, func(l *appsv1.ReplicaSetList) []appsv1.ReplicaSet { return l.Items }, func(l *appsv1.ReplicaSetList) string { return l.Continue })},
		{"v1", "ReplicationController", page(func(ns string) func(context.Context, metav1.ListOptions) (*corev1.ReplicationControllerList, error) {
			return c.CoreV1().ReplicationControllers(ns).List
		}, func(l *corev1.ReplicationControllerList) []corev1.ReplicationController { return l.Items }, func(l *corev1.ReplicationControllerList) string { return l.Continue })},
		{"batch/v1", "Job", page(func(ns string) func(context.Context, metav1.ListOptions) (*batchv1.JobList, error) {
			return c.BatchV1().Jobs(ns).List
		}, func(l *batchv1.JobList) []batchv1.Job { return l.Items }, func(l *batchv1.JobList) string { return l.Continue })},
		{"batch/v1", "CronJob", page(func(ns string) func(context.Context, metav1.ListOptions) (*batchv1.CronJobList, error) {
			return c.BatchV1().CronJobs(ns).List
		}, func(l *batchv1.CronJobList) []batchv1.CronJob { return l.Items }, func(l *batchv1.CronJobList) string { return l.Continue })},
		{"v1", "PodTemplate", page(func(ns string) func(context.Context, metav1.ListOptions) (*corev1.PodTemplateList, error) {
			return c.CoreV1().PodTemplates(ns).List
		}, func(l *corev1.PodTemplateList) []corev1.PodTemplate { return l.Items }, func(l *corev1.PodTemplateList) string { return l.Continue })},
		{"v1", "Pod", page(func(ns string) func(context.Context, metav1.ListOptions) (*corev1.PodList, error) {
			return c.CoreV1().Pods(ns).List
		}, func(l *corev1.PodList) []corev1.Pod { return l.Items }, func(l *corev1.PodList) string { return l.Continue })},
	}
}

// controlled tells whether a controller owns the object (its template is linted there).
func controlled(obj any) bool {
	m, ok := obj.(metav1.Object)
	return ok && metav1.GetControllerOfNoCopy(m) != nil
}

// releaseOf turns a version such as v1.34.4, v1.30.2-eks-1a2b or v1.31.1+k3s1 into 1.34.4
// ("" when it is none, or a development build's v0.0.0-master).
func releaseOf(v string) string {
	m := releaseRE.FindStringSubmatch(v)
	if m == nil || strings.HasPrefix(m[1], "0.") {
		return ""
	}
	return m[1]
}

var releaseRE = regexp.MustCompile(`^v?(\d+\.\d+\.\d+)(?:[-+].*)?$`)

// imageRelease takes the release from an image tag: …/coredns:v1.11.3, …:1.12.0-hotfix.
var imageRelease = regexp.MustCompile(`:v?(\d+\.\d+\.\d+)(?:[-+._][\w.+-]*)?(?:@sha256:[0-9a-f]+)?$`)

// corednsRelease is the CoreDNS release that the coredns Deployment of ns runs ("" when
// there is none, or its image tag does not say): from the images the model reads.
func corednsRelease(objs []*kubeapi.Object, ns string) string {
	for _, o := range objs {
		if o.Kind != "Deployment" || o.Namespace != ns || o.Name != "coredns" {
			continue
		}
		res, err := kube.Parse(o.File.Path, o.File.Data)
		if err != nil {
			continue
		}
		for _, w := range res.Workloads {
			for _, img := range w.Pod.Images {
				if m := imageRelease.FindStringSubmatch(img.Text); m != nil && strings.Contains(img.Text, "coredns") {
					return m[1]
				}
			}
		}
	}
	return ""
}
