package main

import (
	"fmt"
	"log/slog"
	"math"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/webhook"
)

type webhookFlags struct {
	listen, certFile, keyFile, denyOn                 string
	kubeconfig, configFile, dnsNS                     string
	corednsVersion, kubernetesVersion                 string
	platform, logFormat                               string
	policies, enable, disable                         []string
	honorSuppressions, denyUnreviewedWorkloads        bool
	deadlinePassed                                    bool
	maxRequestBytes                                   int64
	lintTimeout, shutdownDelay, drainBy, queueTimeout time.Duration
	maxInFlight, maxKeys, maxTokens                   int
	memoryLimit                                       string
	heapShare                                         float64
	self                                              selfManagedFlags
}

func newWebhookCommand() *cobra.Command {
	f := &webhookFlags{}
	cmd := &cobra.Command{
		Use:   "webhook [--cert-mode self-managed | --tls-cert-file FILE --tls-private-key-file FILE]",
		Short: "Serve a Kubernetes validating admission webhook that lints DNS configuration",
		Long: `Serve HTTPS: POST /validate takes an AdmissionReview (admission.k8s.io/v1) for a
ConfigMap or an object with a pod spec, lints it with the same rules and configuration as
"dnslint lint", denies it when a finding reaches --deny-on and admits it with warnings
otherwise. GET /healthz, /readyz and /metrics (Prometheus) are served on the same port.

A coredns-custom ConfigMap is linted with the live coredns ConfigMap of its namespace, and
a coredns ConfigMap with the live coredns-custom, read from a cache of the ConfigMaps of
--dns-namespace (in-cluster credentials, or --kubeconfig; RBAC: get, list and watch
configmaps there). Without them the object is linted alone, with a warning that says so.
An update is not denied for a finding that the old object had too: it becomes a warning.
Inline dnslint:ignore comments in the objects are ignored unless --honor-suppressions:
whoever may write the ConfigMap could otherwise write the comment too. The configuration
file (.dnslint.yaml) applies.

Each review has a budget: its body (--max-request-bytes), a ConfigMap's keys (--max-keys)
and Corefile tokens (--max-tokens), the live heap (--memory-limit, --heap-share), and one
deadline (--lint-timeout) from its arrival to the answer, under the webhook
configuration's timeoutSeconds. A review past its budget is answered at once, in the
direction of the deploy/ failurePolicy: a DNS ConfigMap is denied with a message naming
the budget, a workload admitted with a warning (--deny-unreviewed-workloads denies it).

--cert-mode cert-manager (the default) serves --tls-cert-file and --tls-private-key-file,
read again when the files change (a Secret that cert-manager, or you, keep), and leaves
the ValidatingWebhookConfiguration to the manifests. --cert-mode self-managed needs
neither: the replicas create (the first one) or read (the others) a CA and serving
certificate in the Secret --secret-name of --namespace, renew them before they expire,
and apply the ValidatingWebhookConfiguration --webhook-config-name server-side once the
replica serves (field manager dnslint-webhook). Either way the API server must run
Kubernetes 1.28 or later (matchConditions): the webhook refuses to start below it.

SIGTERM or SIGINT stop the server gracefully: /readyz fails, and in-flight requests
finish. The manifests are in deploy/ (kustomize) and charts/dnslint (Helm).`,
		Example: `  dnslint webhook --cert-mode self-managed --namespace dnslint-system
  dnslint webhook --tls-cert-file /tls/tls.crt --tls-private-key-file /tls/tls.key
  dnslint webhook --listen 127.0.0.1:9443 --tls-cert-file c.pem --tls-private-key-file k.pem \
      --kubeconfig ~/.kube/config --deny-on warning`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runWebhook(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", ":8443", "address to serve HTTPS on")
	fl.StringVar(&f.certFile, "tls-cert-file", "", "serving certificate (PEM), reloaded when it changes")
	fl.StringVar(&f.keyFile, "tls-private-key-file", "", "serving certificate's private key (PEM)")
	fl.StringVar(&f.denyOn, "deny-on", "error", "deny an object with a finding of this severity or higher: error, warning, info, none (none admits everything, with warnings)")
	fl.BoolVar(&f.honorSuppressions, "honor-suppressions", false, "let dnslint:ignore comments in the reviewed objects silence findings (off: anyone who can write a ConfigMap could write the comment and pass the gate; .dnslint.yaml still applies)")
	fl.StringVar(&f.kubeconfig, "kubeconfig", "", "kubeconfig for reading live ConfigMaps (default: in-cluster credentials)")
	fl.StringVar(&f.dnsNS, "dns-namespace", "kube-system", "namespace whose coredns and coredns-custom ConfigMaps are read live")
	fl.StringVarP(&f.configFile, "config", "c", "", "config file (default: .dnslint.yaml found upward from the working directory)")
	fl.StringArrayVar(&f.policies, "policy", nil, "directory of Rego policies to add (repeatable)")
	fl.StringSliceVar(&f.enable, "enable", nil, "enable rules by id or glob (repeatable, comma-separated)")
	fl.StringSliceVar(&f.disable, "disable", nil, "disable rules by id or glob (repeatable, comma-separated)")
	fl.StringVar(&f.corednsVersion, "coredns-version", "", "CoreDNS release the cluster runs (default: the latest release dnslint knows)")
	fl.StringVar(&f.kubernetesVersion, "kubernetes-version", "", "Kubernetes release of the cluster")
	fl.StringVar(&f.platform, "platform", "", platformHelp("a coredns-custom ConfigMap, when the live coredns is unavailable,"))
	fl.Int64Var(&f.maxRequestBytes, "max-request-bytes", webhook.DefaultMaxRequestBytes, "largest request body (the API server's object limit, 1.5 MiB); larger requests get HTTP 413")
	fl.DurationVar(&f.lintTimeout, "lint-timeout", webhook.DefaultLintTimeout, "deadline of one review, from its arrival to the answer: keep it under the webhook configuration's timeoutSeconds (the API server's ?timeout= shortens it)")
	fl.IntVar(&f.maxKeys, "max-keys", webhook.DefaultMaxKeys, "most keys a reviewed ConfigMap may have")
	fl.IntVar(&f.maxTokens, "max-tokens", webhook.DefaultMaxTokens, "most Corefile tokens a reviewed ConfigMap's data may hold")
	fl.StringVar(&f.memoryLimit, "memory-limit", "", "memory the webhook may use, e.g. 256Mi (default: GOMEMLIMIT, else the cgroup's memory limit); \"none\" turns the heap guard off")
	fl.Float64Var(&f.heapShare, "heap-share", webhook.DefaultHeapShare, "share of --memory-limit the live heap may use: no review starts past it, and one review may grow it by its share divided by --max-in-flight")
	fl.BoolVar(&f.denyUnreviewedWorkloads, "deny-unreviewed-workloads", false, "deny a workload that a budget or the deadline kept from being reviewed (default: admit it with a warning, like the failurePolicy Ignore of workloads.dnslint.dev); a DNS ConfigMap is always denied")
	fl.BoolVar(&f.deadlinePassed, "test-deadline-passed", false, "start every review past its deadline (tests of the answer)")
	_ = fl.MarkHidden("test-deadline-passed")
	fl.IntVar(&f.maxInFlight, "max-in-flight", 0, "reviews linted at once (default: twice the CPUs); the next ones wait --queue-timeout for a slot")
	fl.DurationVar(&f.queueTimeout, "queue-timeout", webhook.DefaultQueueTimeout, "how long a review waits for a slot before HTTP 503 (then the failurePolicy applies)")
	fl.DurationVar(&f.shutdownDelay, "shutdown-delay", 0, "on SIGTERM, keep serving this long with /readyz failing before closing the listener")
	fl.DurationVar(&f.drainBy, "shutdown-timeout", 30*time.Second, "on SIGTERM, time in-flight requests have to finish")
	fl.StringVar(&f.logFormat, "log-format", "json", "log format on standard error: json or text")
	f.self.register(fl)
	return cmd
}

func runWebhook(cmd *cobra.Command, f *webhookFlags) error {
	if err := f.self.validate(f); err != nil {
		return usageError{err}
	}
	var log *slog.Logger
	switch f.logFormat {
	case "json":
		log = slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), nil))
	case "text":
		log = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
	default:
		return usageError{fmt.Errorf("--log-format %q: want json or text", f.logFormat)}
	}
	denyOn, err := finding.ParseSeverity(f.denyOn)
	if err != nil {
		return usageError{fmt.Errorf("--deny-on: %w", err)}
	}
	memLimit, err := webhookMemoryLimit(f.memoryLimit)
	if err != nil {
		return usageError{fmt.Errorf("--memory-limit: %w", err)}
	}
	if memLimit == 0 {
		log.Warn("no memory limit known (--memory-limit, GOMEMLIMIT, cgroup): the heap guard is off")
	} else if debug.SetMemoryLimit(-1) == math.MaxInt64 { // GOMEMLIMIT, when set, is the user's
		exe := executableSize()
		soft, roomy := softMemoryLimit(memLimit, exe, f.heapShare)
		if !roomy {
			log.Warn("the memory limit leaves the heap less room beside the executable's pages than the live heap's share (--heap-share): raise --memory-limit or the container's limit",
				"memory_limit_mib", memLimit>>20, "executable_mib", exe>>20)
		}
		debug.SetMemoryLimit(soft)
	}
	cfg, err := loadConfig(f.configFile)
	if err != nil {
		return err
	}
	if f.platform != "" {
		cfg.Platform = f.platform
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	l, err := newLinter(ctx, lint.Options{
		Config: cfg, Enable: f.enable, Disable: f.disable, Policies: f.policies,
		CoreDNSVersion: f.corednsVersion, KubernetesVersion: f.kubernetesVersion,
		IgnoreSuppressions: !f.honorSuppressions, CompileAll: true, // before the first review
		StrictLimits: true, // admit nothing that was not linted
	})
	if err != nil {
		return err
	}
	var live webhook.Live
	var client kubernetes.Interface
	if rc, err := webhookClientConfig(f.kubeconfig); err != nil {
		if f.kubeconfig != "" || f.self.mode == certModeSelfManaged {
			return err
		}
		log.Warn("no cluster access: coredns and coredns-custom changes are linted without the live ConfigMaps, and the Kubernetes version is not checked", "error", err)
	} else {
		if client, err = kubernetes.NewForConfig(rc); err != nil {
			return err
		}
		if err := checkClusterVersion(client, log); err != nil {
			return err
		}
		live = webhook.StartLive(ctx, client, f.dnsNS)
	}
	var certs webhook.CertSource
	var onServing func()
	if f.self.mode == certModeSelfManaged {
		m, err := f.self.manager(ctx, client, f.listen, log)
		if err != nil {
			return err
		}
		certs, onServing = m, m.Serving
		go m.Run(ctx)
	} else {
		if certs, err = webhook.NewCertReloader(f.certFile, f.keyFile, log); err != nil {
			return err
		}
	}
	metrics := webhook.NewMetrics()
	h := webhook.NewHandler(webhook.Options{
		Linter: l, DenyOn: denyOn, NeverDeny: denyOn == finding.None, Live: live,
		MaxRequestBytes: f.maxRequestBytes, LintTimeout: f.lintTimeout, Metrics: metrics, Logger: log,
		MaxInFlight: f.maxInFlight, QueueTimeout: f.queueTimeout,
		MaxKeys: f.maxKeys, MaxTokens: f.maxTokens, MemoryLimit: memLimit, HeapShare: f.heapShare,
		DenyUnreviewedWorkloads: f.denyUnreviewedWorkloads, DeadlinePassed: f.deadlinePassed,
	})
	srv := &webhook.Server{Handler: h, Certs: certs, OnServing: onServing, Metrics: metrics, ShutdownDelay: f.shutdownDelay, ShutdownTimeout: f.drainBy, Logger: log}
	return srv.ListenAndServe(ctx, f.listen)
}

// webhookMemoryLimit is --memory-limit in bytes; without it GOMEMLIMIT, else the limit of
// the process's cgroup (v2, then v1); 0 when none is known or for "none".
func webhookMemoryLimit(flag string) (int64, error) {
	switch flag {
	case "none":
		return 0, nil
	case "":
	default:
		q, err := resource.ParseQuantity(flag)
		if err != nil {
			return 0, err
		}
		if q.Value() <= 0 {
			return 0, fmt.Errorf("%s: want a positive size, e.g. 256Mi", flag)
		}
		return q.Value(), nil
	}
	if l := debug.SetMemoryLimit(-1); l < math.MaxInt64 {
		return l, nil
	}
	for _, name := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		// "max" (v2) or a huge number (v1) mean no limit.
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && n < 1<<50 {
			return n, nil
		}
	}
	return 0, nil
}

// softMemoryLimit is the Go runtime's soft memory limit for a webhook that may use memLimit
// bytes: memLimit less the executable's size, since the kernel charges the executable's
// resident pages to the container while the runtime does not count them. It is never below
// the live heap's cap (heapShare of memLimit), or the collector would run without end
// before the heap guard refused a review; roomy is false when it had to be raised to it.
func softMemoryLimit(memLimit, exeSize int64, heapShare float64) (soft int64, roomy bool) {
	floor := int64(float64(memLimit) * heapShare)
	if soft = memLimit - exeSize; soft < floor {
		return floor, false
	}
	return soft, true
}

// executableSize is the size of the running binary, 0 when it cannot be found.
func executableSize() int64 {
	exe, err := os.Executable()
	if err != nil {
		return 0
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// webhookClientConfig is --kubeconfig, or the in-cluster credentials.
func webhookClientConfig(kubeconfig string) (*rest.Config, error) {
	var rc *rest.Config
	var err error
	if kubeconfig != "" {
		rc, err = clientcmd.BuildConfigFromFlags("", kubeconfig)
	} else {
		rc, err = rest.InClusterConfig()
	}
	if err != nil {
		return nil, err
	}
	rc.UserAgent = "dnslint-webhook/" + toolVersion()
	return rc, nil
}
