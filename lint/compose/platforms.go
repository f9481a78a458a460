package compose

import (
	"fmt"
	"slices"
	"strings"
)

// Platforms are the platforms whose default Corefile imports a coredns-custom
// ConfigMap (one file each under platform/).
var Platforms = []string{"aks", "k3s"}

// PlatformsWithoutCustom run CoreDNS with no coredns-custom import: customisation is
// editing the Corefile (knowledge coredns-facts.md §6: "EKS, kubeadm, RKE2, OpenShift:
// no coredns-custom import"). generic is upstream CoreDNS, which imports nothing either.
var PlatformsWithoutCustom = []string{"eks", "generic", "kubeadm", "openshift", "rke2"}

// refusedPlatforms are platforms dnslint knows and cannot lint, with the reason.
var refusedPlatforms = map[string]string{
	"gke": "GKE runs kube-dns, not CoreDNS: its DNS configuration is the kube-dns ConfigMap kube-system/kube-dns (stubDomains, upstreamNameservers), which holds no Corefile",
}

// DefaultPlatform is the platform of a run that names none.
const DefaultPlatform = "aks"

// KnownPlatforms are every platform --platform accepts, sorted.
func KnownPlatforms() []string {
	return slices.Sorted(slices.Values(append(slices.Clone(Platforms), PlatformsWithoutCustom...)))
}

// CheckPlatform tells whether name is a platform dnslint knows ("" is the default).
func CheckPlatform(name string) error {
	if name == "" || slices.Contains(Platforms, name) || slices.Contains(PlatformsWithoutCustom, name) {
		return nil
	}
	if why, ok := refusedPlatforms[name]; ok {
		return fmt.Errorf("platform %q is not supported: %s", name, why)
	}
	return fmt.Errorf("unknown platform %q (known: %s)", name, strings.Join(KnownPlatforms(), ", "))
}
