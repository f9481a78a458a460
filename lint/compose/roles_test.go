package compose

import (
	"strings"
	"testing"
)

// corednsNoImport is a coredns ConfigMap whose Corefile imports nothing from custom/.
const corednsNoImport = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        forward . /etc/resolv.conf
    }
`

// Issue 11: a coredns-custom beside a coredns ConfigMap of the same namespace that imports
// none of it is that Corefile's, not composed with the AKS default.
func TestCustomBesideCorefileThatImportsNothing(t *testing.T) {
	main := parse(t, "coredns.yaml", corednsNoImport)
	cust := parse(t, "custom.yaml", strings.Replace(custom, "%s", "kube-system", 1))
	out, err := Compose(Input{Embedded: main.Corefiles, Customs: cust.Customs})
	if err != nil {
		t.Fatal(err)
	}
	for _, cf := range out.Corefiles {
		if strings.HasPrefix(cf.File, "<") {
			t.Errorf("composed with %s, a Corefile the run does not use", cf.File)
		}
	}
	if len(out.Customs) != 1 {
		t.Fatalf("customs %d, want 1", len(out.Customs))
	}
	p := out.Customs[0].Partner
	if p == nil || p.Source != "run" || p.Imports || p.Object.Name != "coredns" || p.File != "coredns.yaml" {
		t.Errorf("partner %+v, want the run's coredns ConfigMap, importing nothing", p)
	}
}

// A Corefile ConfigMap of the same namespace that is not CoreDNS's (node-local-dns) does
// not take a coredns-custom: the platform's default does.
func TestOtherCorefileConfigMapIsNoPartner(t *testing.T) {
	nodelocal := strings.Replace(corednsNoImport, "name: coredns", "name: node-local-dns", 1)
	main := parse(t, "nodelocal.yaml", nodelocal)
	cust := parse(t, "custom.yaml", strings.Replace(custom, "%s", "kube-system", 1))
	out, err := Compose(Input{Embedded: main.Corefiles, Customs: cust.Customs})
	if err != nil {
		t.Fatal(err)
	}
	if p := out.Customs[0].Partner; p == nil || p.Source != "platform" || !p.Imports {
		t.Errorf("partner %+v, want the platform's default", p)
	}
}

const selfManaged = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns-custom
  namespace: lab
data:
  Corefile: |
    .:53 {
        errors
        forward . /etc/resolv.conf
    }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: lab
spec:
  template:
    spec:
      containers:
        - name: coredns
          image: coredns/coredns:1.11.3
          args: ["-conf", "/etc/coredns/Corefile"]
          volumeMounts:
            - name: config
              mountPath: /etc/coredns
      volumes:
        - name: config
          configMap:
            name: coredns-custom
`

// Issue 11: a ConfigMap named coredns-custom that its own CoreDNS Deployment loads as its
// Corefile is a Corefile ConfigMap.
func TestConfigMapLoadedAsCorefileWhateverItsName(t *testing.T) {
	r := parse(t, "lab.yaml", selfManaged)
	out, err := Compose(Input{Customs: r.Customs, Workloads: r.Workloads})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Customs) != 0 {
		t.Errorf("still a coredns-custom: %+v", out.Customs[0])
	}
	if len(out.Corefiles) != 1 || out.Corefiles[0].File != "lab.yaml" || out.Corefiles[0].Object.Name != "coredns-custom" {
		t.Fatalf("corefiles %+v, want the ConfigMap's Corefile key", out.Corefiles)
	}
	// Another -conf path, or a mount of another ConfigMap, leaves it a coredns-custom.
	for _, edit := range [][2]string{
		{`"/etc/coredns/Corefile"`, `"/etc/coredns/other/Corefile"`},
		{"            name: coredns-custom\n", "            name: coredns\n"},
		{"namespace: lab\nspec", "namespace: other\nspec"},
	} {
		r := parse(t, "lab.yaml", strings.Replace(selfManaged, edit[0], edit[1], 1))
		out, err := Compose(Input{Customs: r.Customs, Workloads: r.Workloads})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Customs) != 1 {
			t.Errorf("with %q → %q: loaded as a Corefile", edit[0], edit[1])
		}
	}
}

// Issue 11: a key that a plugin reads by its path is in use; a path naming no key is
// recorded as not found.
func TestPluginReadsCustomKeyByPath(t *testing.T) {
	body := `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns-custom
  namespace: kube-system
data:
  lan.server: |
    example.lan:53 {
        file /etc/coredns/custom/db.example.lan
        hosts /etc/coredns/custom/missing.hosts {
            fallthrough
        }
    }
  db.example.lan: |
    @ 3600 IN SOA ns.example.lan. admin.example.lan. 1 7200 3600 1209600 3600
`
	r := parse(t, "custom.yaml", body)
	out, err := Compose(Input{Customs: r.Customs})
	if err != nil {
		t.Fatal(err)
	}
	var reads []string
	for _, cf := range out.Corefiles {
		for _, rd := range cf.CustomReads {
			reads = append(reads, rd.Plugin+" "+rd.Key+" "+map[bool]string{true: "found", false: "missing"}[rd.Found]+" "+rd.Pos.String())
		}
	}
	want := []string{"file db.example.lan found custom.yaml:9:14", "hosts missing.hosts missing custom.yaml:10:15"}
	if strings.Join(reads, "|") != strings.Join(want, "|") {
		t.Errorf("reads %q, want %q", reads, want)
	}
	for _, k := range out.Customs[0].Keys {
		if got := len(k.ReadBy); (k.Key.Text == "db.example.lan") != (got == 1) {
			t.Errorf("key %s read_by %v", k.Key.Text, k.ReadBy)
		}
	}
}

// The precedence's mounts step: a CoreDNS Deployment of the run that mounts the
// coredns-custom and loads a Corefile ConfigMap the run does not hold names the partner;
// dnslint does not compose the custom with a platform default then.
func TestPartnerFromMounts(t *testing.T) {
	body := `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns-custom
  namespace: lab
data:
  log.override: |
    log
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dns
  namespace: lab
spec:
  template:
    spec:
      containers:
        - name: coredns
          image: coredns/coredns:1.11.3
          args: ["-conf=/etc/coredns/Corefile"]
          volumeMounts:
            - {name: config, mountPath: /etc/coredns}
            - {name: custom, mountPath: /etc/coredns/extra}
      volumes:
        - name: config
          configMap:
            name: lab-corefile
            items: [{key: main, path: Corefile}]
        - {name: custom, configMap: {name: coredns-custom}}
`
	r := parse(t, "lab.yaml", body)
	out, err := Compose(Input{Customs: r.Customs, Workloads: r.Workloads})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Corefiles) != 0 {
		t.Errorf("composed %d Corefiles, want none", len(out.Corefiles))
	}
	p := out.Customs[0].Partner
	if p == nil || p.Source != "mount" || p.Object.Name != "lab-corefile" || p.Key != "main" || p.Object.Namespace != "lab" {
		t.Errorf("partner %+v", p)
	}
}
