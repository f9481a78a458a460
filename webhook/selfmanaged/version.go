package selfmanaged

import (
	"fmt"
	"regexp"
	"strconv"

	"k8s.io/apimachinery/pkg/version"
	"k8s.io/client-go/discovery"
)

// The oldest Kubernetes release the webhook configuration works on: its matchConditions
// (which keep every ConfigMap but the DNS ones away from the webhook) are beta and on by
// default from 1.28 (feature gate AdmissionWebhookMatchConditions), GA from 1.30.
const (
	MinKubernetesMajor = 1
	MinKubernetesMinor = 28
	MinKubernetes      = "1.28"
)

// ServerVersion asks the API server for its version (GET /version, which every
// authenticated user may read).
func ServerVersion(d discovery.ServerVersionInterface) (*version.Info, error) {
	v, err := d.ServerVersion()
	if err != nil {
		return nil, fmt.Errorf("reading the API server's version: %w", err)
	}
	return v, nil
}

// leadingDigits reads "28" from a minor version such as "28+" (EKS, GKE).
var leadingDigits = regexp.MustCompile(`^\d+`)

// CheckMinimum returns an error when v is older than MinKubernetes, or cannot be read.
func CheckMinimum(v *version.Info) error {
	major, err1 := strconv.Atoi(leadingDigits.FindString(v.Major))
	minor, err2 := strconv.Atoi(leadingDigits.FindString(v.Minor))
	if err1 != nil || err2 != nil {
		return fmt.Errorf("the API server's version %q (major %q, minor %q) cannot be read; dnslint's webhook needs Kubernetes %s or later",
			v.GitVersion, v.Major, v.Minor, MinKubernetes)
	}
	if major < MinKubernetesMajor || major == MinKubernetesMajor && minor < MinKubernetesMinor {
		return fmt.Errorf("the cluster runs Kubernetes %s (%s); dnslint's webhook needs %s or later: its configuration's matchConditions (beta and on by default in 1.28 and 1.29, GA in 1.30) keep every other ConfigMap away from a webhook whose failurePolicy is Fail",
			fmt.Sprintf("%d.%d", major, minor), v.GitVersion, MinKubernetes)
	}
	return nil
}
