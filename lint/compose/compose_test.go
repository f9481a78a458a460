package compose

import (
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/kube"
)

const coredns = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        forward . /etc/resolv.conf
        import custom/*.override
    }
    import custom/*.server
`

const custom = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns-custom
  namespace: %s
data:
  b.override: |
    log
  a.server: |
    example.com:53 {
        forward . 10.0.0.1
    }
  notes.txt: |
    never imported
`

func parse(t *testing.T, file, body string) *kube.Result {
	t.Helper()
	r, err := kube.Parse(file, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestComposeAcrossFiles(t *testing.T) {
	main := parse(t, "coredns.yaml", coredns)
	cust := parse(t, "custom.yaml", strings.Replace(custom, "%s", "kube-system", 1))
	out, err := Compose(Input{Embedded: main.Corefiles, Customs: cust.Customs})
	if err != nil || len(out.Errors) != 0 {
		t.Fatalf("%v %+v", err, out.Errors)
	}
	if len(out.Corefiles) != 1 {
		t.Fatalf("%d corefiles, want 1 (the custom is imported, not composed again)", len(out.Corefiles))
	}
	cf := out.Corefiles[0]
	if len(cf.ServerBlocks) != 2 || cf.ServerBlocks[1].Keys[0].Zone != "example.com." {
		t.Fatalf("blocks %+v", cf.ServerBlocks)
	}
	var log *model.Directive
	for _, d := range cf.ServerBlocks[0].Directives {
		if d.Name == "log" {
			log = d
		}
	}
	if log == nil {
		t.Fatal("override line not spliced into .:53")
	}
	if want := (model.Pos{File: "custom.yaml", Line: 8, Col: 5, EndLine: 8, EndCol: 7}); log.Pos != want || log.Via[0] != "/etc/coredns/custom/b.override" {
		t.Errorf("log at %+v via %v, want %+v", log.Pos, log.Via, want)
	}
	if p := cf.ServerBlocks[1].Keys[0].Pos; p.File != "custom.yaml" || p.Line != 10 {
		t.Errorf(".server block key at %+v", p)
	}
	keys := cust.Customs[0].Custom.Keys
	imported := map[string]int{}
	for _, k := range keys {
		imported[k.Key.Text] = len(k.ImportedBy)
	}
	if imported["a.server"] != 1 || imported["b.override"] != 1 || imported["notes.txt"] != 0 {
		t.Errorf("imported_by %v", imported)
	}
}

func TestCustomAloneUsesPlatformDefault(t *testing.T) {
	cust := parse(t, "custom.yaml", strings.Replace(custom, "%s", "kube-system", 1))
	for _, platform := range []string{"", "aks", "k3s"} {
		out, err := Compose(Input{Customs: cust.Customs, Platform: platform})
		if err != nil || len(out.Corefiles) != 1 {
			t.Fatalf("%s: %v %d", platform, err, len(out.Corefiles))
		}
		if f := out.Corefiles[0].File; !strings.HasPrefix(f, "<") {
			t.Errorf("%s: default Corefile named %q, want a name that is no file", platform, f)
		}
	}
	for _, platform := range []string{"eks", "bogus", "gke"} {
		if _, err := Compose(Input{Customs: cust.Customs, Platform: platform}); err == nil && platform != "eks" {
			t.Errorf("platform %q accepted", platform)
		}
	}
}

// TestCustomAloneOnPlatformWithoutImport: generic CoreDNS, EKS, kubeadm, RKE2 and
// OpenShift import no coredns-custom: nothing is composed, the partner says so (the
// rule custom/not-imported reports it), and generic no longer means AKS.
func TestCustomAloneOnPlatformWithoutImport(t *testing.T) {
	cust := parse(t, "custom.yaml", strings.Replace(custom, "%s", "kube-system", 1))
	for _, platform := range PlatformsWithoutCustom {
		out, err := Compose(Input{Customs: cust.Customs, Platform: platform})
		if err != nil {
			t.Fatalf("%s: %v", platform, err)
		}
		if len(out.Corefiles) != 0 {
			t.Errorf("%s: composed %d Corefiles, want none", platform, len(out.Corefiles))
		}
		p := out.Customs[0].Partner
		if p == nil || p.Source != "platform" || p.Platform != platform || p.Imports {
			t.Errorf("%s: partner %+v, want the platform, importing nothing", platform, p)
		}
	}
	if err := CheckPlatform("gke"); err == nil || !strings.Contains(err.Error(), "GKE runs kube-dns, not CoreDNS") {
		t.Errorf("gke: %v", err)
	}
}

func TestOtherNamespaceIsNotImported(t *testing.T) {
	main := parse(t, "coredns.yaml", coredns)
	cust := parse(t, "custom.yaml", strings.Replace(custom, "%s", "tenant-a", 1))
	out, err := Compose(Input{Embedded: main.Corefiles, Customs: cust.Customs})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Corefiles) != 2 {
		t.Fatalf("want the main Corefile alone and the custom with the platform default, got %d", len(out.Corefiles))
	}
	for _, imp := range out.Corefiles[0].Imports {
		if imp.Resolved || len(imp.Matched) != 0 {
			t.Errorf("import %s resolved against another namespace: %+v", imp.Pattern, imp)
		}
	}
}

func TestBrokenOverrideIsAParseErrorInItsFile(t *testing.T) {
	main := parse(t, "coredns.yaml", coredns)
	bad := strings.Replace(strings.Replace(custom, "%s", "kube-system", 1), "    log\n", "    log }\n", 1)
	cust := parse(t, "custom.yaml", bad)
	out, err := Compose(Input{Embedded: main.Corefiles, Customs: cust.Customs})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) != 1 || out.Errors[0].Pos.File != "custom.yaml" {
		t.Fatalf("errors %+v", out.Errors)
	}
}
