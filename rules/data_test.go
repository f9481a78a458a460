package rules

import "testing"

// TestShippedData: the data Go code reads decodes, and holds what its readers need.
func TestShippedData(t *testing.T) {
	d, err := ShippedData()
	if err != nil {
		t.Fatal(err)
	}
	if d.CoreDNS.Latest == "" || d.Kubernetes.Latest == "" || len(d.Kubernetes.SearchLimits) == 0 || len(d.Kubernetes.Resolvers.MuslImageMarkers) == 0 {
		t.Errorf("incomplete data: %+v", d)
	}
	if d.CoreDNS.Plugins["forward"].Order == 0 || d.CoreDNS.Plugins["cache"].Order >= d.CoreDNS.Plugins["forward"].Order {
		t.Errorf("plugin order: cache %d, forward %d", d.CoreDNS.Plugins["cache"].Order, d.CoreDNS.Plugins["forward"].Order)
	}
}
