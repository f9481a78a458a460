package webhook

import (
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/kubeapi"
)

// TestPlacesInWarningsAndDenials: the related places of a finding (already mapped to a
// ConfigMap key or an object's field) follow its message in a warning, and stand on "see"
// lines under it in a denial, at most maxDenyPlaces of them.
func TestPlacesInWarningsAndDenials(t *testing.T) {
	f := located{
		Finding: finding.Finding{RuleID: "a/b", Severity: finding.Warning, Message: "the first `x` decides"},
		where:   "ns/ConfigMap/c/Corefile:4:5",
		places:  []string{"ns/ConfigMap/coredns/Corefile:2:5: the first `x`"},
	}
	ws := limitWarnings(nil, []located{f})
	if want := "dnslint warning a/b at ns/ConfigMap/c/Corefile:4:5: the first `x` decides (see ns/ConfigMap/coredns/Corefile:2:5: the first `x`)"; len(ws) != 1 || ws[0] != want {
		t.Errorf("warnings %q, want [%q]", ws, want)
	}
	f.places = []string{"p1: one", "p2: two", "p3: three", "p4: four", "p5: five"}
	msg := denyMessage(&kubeapi.Object{ID: "ns/ConfigMap/c"}, []located{f}, finding.Warning)
	if want := "\n- a/b at ns/ConfigMap/c/Corefile:4:5: the first `x` decides\n  see p1: one\n  see p2: two\n  see p3: three\n  see 2 more places"; !strings.HasSuffix(msg, want) {
		t.Errorf("denial %q does not end with %q", msg, want)
	}
}
