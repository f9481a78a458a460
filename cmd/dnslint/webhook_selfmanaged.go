package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"
	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/dnslint/dnslint/webhook/selfmanaged"
)

const (
	certModeCertManager = "cert-manager"
	certModeSelfManaged = "self-managed"
)

// selfManagedFlags are the flags of --cert-mode and of the self-managed mode.
type selfManagedFlags struct {
	mode, namespace, service, secret, configName, ownerClusterRole, url string
	configMapsPolicy, workloadsPolicy                                   string
	excludeNamespaces, hosts                                            []string
	caValidity, certValidity, checkInterval                             time.Duration
}

func (s *selfManagedFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&s.mode, "cert-mode", certModeCertManager, "where the serving certificate and the webhook configuration come from: cert-manager (--tls-cert-file and --tls-private-key-file, a Secret cert-manager or you keep; the configuration from the manifests) or self-managed (the webhook creates, rotates and registers them)")
	fl.StringVar(&s.namespace, "namespace", "", "self-managed: the webhook's namespace, of its Secret and Service (default: $POD_NAMESPACE, else the service account's)")
	fl.StringVar(&s.service, "service-name", "dnslint-webhook", "self-managed: the webhook's Service, named in the configuration and the certificate")
	fl.StringVar(&s.secret, "secret-name", "dnslint-webhook-tls", "self-managed: the Secret holding the CA and the serving certificate")
	fl.StringVar(&s.configName, "webhook-config-name", "dnslint", "self-managed: the ValidatingWebhookConfiguration to apply")
	fl.StringVar(&s.ownerClusterRole, "owner-clusterrole", "", "self-managed: the ClusterRole that owns the configuration, so that deleting the installation deletes it (default: none)")
	fl.StringVar(&s.configMapsPolicy, "configmaps-failure-policy", "Fail", "self-managed: failurePolicy of "+selfmanaged.ConfigMapsWebhook+" (Fail or Ignore)")
	fl.StringVar(&s.workloadsPolicy, "workloads-failure-policy", "Ignore", "self-managed: failurePolicy of "+selfmanaged.WorkloadsWebhook+" (Fail or Ignore)")
	fl.StringSliceVar(&s.excludeNamespaces, "exclude-namespaces", nil, "self-managed: namespaces never sent to the webhook, besides its own (repeatable, comma-separated)")
	fl.StringVar(&s.url, "webhook-url", "", "self-managed: call the webhook at this https URL instead of its Service (a webhook outside the cluster)")
	fl.StringSliceVar(&s.hosts, "cert-host", nil, "self-managed: extra DNS names or IP addresses of the serving certificate (repeatable)")
	fl.DurationVar(&s.caValidity, "ca-validity", selfmanaged.DefaultCAValidity, "self-managed: lifetime of a new CA; it is renewed with a third left")
	fl.DurationVar(&s.certValidity, "cert-validity", selfmanaged.DefaultCertValidity, "self-managed: lifetime of a new serving certificate; it is renewed with a third left")
	fl.DurationVar(&s.checkInterval, "cert-check-interval", selfmanaged.DefaultCheckInterval, "self-managed: how often the Secret is checked (and renewed when due) and the configuration applied again")
}

// validate checks the flags of the mode chosen.
func (s *selfManagedFlags) validate(f *webhookFlags) error {
	switch s.mode {
	case certModeCertManager:
		if f.certFile == "" || f.keyFile == "" {
			return errors.New("webhook needs --tls-cert-file and --tls-private-key-file (--cert-mode cert-manager), or --cert-mode self-managed")
		}
	case certModeSelfManaged:
		if f.certFile != "" || f.keyFile != "" {
			return errors.New("--cert-mode self-managed makes its own certificate: drop --tls-cert-file and --tls-private-key-file")
		}
		for _, p := range []string{s.configMapsPolicy, s.workloadsPolicy} {
			if p != string(admissionregistrationv1.Fail) && p != string(admissionregistrationv1.Ignore) {
				return fmt.Errorf("failure policy %q: want Fail or Ignore", p)
			}
		}
		if s.url != "" && !strings.HasPrefix(s.url, "https://") {
			return fmt.Errorf("--webhook-url %q: the API server calls webhooks over https only", s.url)
		}
		if s.caValidity <= 0 || s.certValidity <= 0 || s.checkInterval <= 0 {
			return errors.New("--ca-validity, --cert-validity and --cert-check-interval must be positive")
		}
		if s.checkInterval >= s.certValidity/3 {
			return fmt.Errorf("--cert-check-interval %s must be shorter than a third of --cert-validity %s, when the certificate is renewed", s.checkInterval, s.certValidity)
		}
	default:
		return fmt.Errorf("--cert-mode %q: want %s or %s", s.mode, certModeCertManager, certModeSelfManaged)
	}
	return nil
}

// serviceAccountNamespace is where the kubelet writes the pod's namespace.
const serviceAccountNamespace = "/var/run/secrets/kubernetes.io/serviceaccount/namespace"

// manager starts the self-managed mode: the Secret is read or created before it returns.
func (s *selfManagedFlags) manager(ctx context.Context, client kubernetes.Interface, listen string, log *slog.Logger) (*selfmanaged.Manager, error) {
	ns := s.namespace
	if ns == "" {
		ns = os.Getenv("POD_NAMESPACE")
	}
	if ns == "" {
		if b, err := os.ReadFile(serviceAccountNamespace); err == nil {
			ns = strings.TrimSpace(string(b))
		}
	}
	if ns == "" {
		return nil, usageError{errors.New("--cert-mode self-managed: the webhook's namespace is not known: set --namespace or POD_NAMESPACE")}
	}
	return selfmanaged.New(ctx, selfmanaged.Options{
		Client: client, SecretName: s.secret, Hosts: s.hosts,
		CAValidity: s.caValidity, CertValidity: s.certValidity, CheckInterval: s.checkInterval,
		OwnerClusterRole: s.ownerClusterRole, ProbeAddr: listen, Logger: log,
		Config: selfmanaged.ConfigOptions{
			Name: s.configName, Namespace: ns, Service: s.service, URL: s.url, ExcludeNamespaces: s.excludeNamespaces,
			FailurePolicies: map[string]admissionregistrationv1.FailurePolicyType{
				selfmanaged.ConfigMapsWebhook: admissionregistrationv1.FailurePolicyType(s.configMapsPolicy),
				selfmanaged.WorkloadsWebhook:  admissionregistrationv1.FailurePolicyType(s.workloadsPolicy),
			},
		},
	})
}

// checkClusterVersion refuses a cluster older than the webhook configuration needs.
func checkClusterVersion(client kubernetes.Interface, log *slog.Logger) error {
	v, err := selfmanaged.ServerVersion(client.Discovery())
	if err != nil {
		return err
	}
	if err := selfmanaged.CheckMinimum(v); err != nil {
		return err
	}
	log.Info("cluster version", "kubernetes", v.GitVersion, "minimum", selfmanaged.MinKubernetes)
	return nil
}
