// Package corpus generates deterministic corpora of Kubernetes DNS configuration for the
// benchmarks: a realistic mix of workloads with and without dnsConfig, coredns,
// coredns-custom and autoscaler ConfigMaps, Corefiles and resolv.conf files.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/dnslint/dnslint/lint/source"
)

// Options shape a generated corpus.
type Options struct {
	N       int    // documents
	PerFile int    // YAML documents per file
	Seed    uint64 // same seed, same files
	// YAMLOnly puts Corefiles and resolv.conf files into ConfigMaps too, so that a tool
	// that reads only YAML sees the same work.
	YAMLOnly bool
}

// Write writes a corpus into dir, which is emptied first.
func Write(dir string, o Options) error {
	n, perFile, seed := o.N, max(o.PerFile, 1), o.Seed
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var docs []string
	file := 0
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		name := filepath.Join(dir, fmt.Sprintf("manifests-%05d.yaml", file))
		file++
		err := os.WriteFile(name, []byte(strings.Join(docs, "---\n")), 0o644)
		docs = docs[:0]
		return err
	}
	for i := range n {
		var err error
		switch k := r.IntN(100); {
		case k < 70:
			docs = append(docs, workload(r, i))
		case k < 78:
			docs = append(docs, corednsConfigMap(r, i))
		case k < 84:
			docs = append(docs, customConfigMap(r, i))
		case k < 88:
			docs = append(docs, autoscaler(r, i))
		case o.YAMLOnly:
			docs = append(docs, corednsConfigMap(r, i))
		case k < 94:
			err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("node-%05d.corefile", i)), []byte(corefile(r, i)), 0o644)
		default:
			err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("node-%05d.resolv.conf", i)), []byte(resolvConf(r)), 0o644)
		}
		if err != nil {
			return err
		}
		if len(docs) >= perFile {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

var kinds = []string{"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"}

func workload(r *rand.Rand, i int) string {
	kind := kinds[r.IntN(len(kinds))]
	spec := podSpec(r, i)
	var body string
	switch kind {
	case "Pod":
		body = "spec:\n" + indent(spec, 2)
	case "CronJob":
		body = "spec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n" + indent(spec, 10)
	default:
		body = fmt.Sprintf("spec:\n  replicas: %d\n  selector:\n    matchLabels:\n      app: app-%d\n  template:\n    metadata:\n      labels:\n        app: app-%d\n    spec:\n", 1+r.IntN(5), i, i) + indent(spec, 6)
	}
	api := map[string]string{"Pod": "v1", "Job": "batch/v1", "CronJob": "batch/v1"}[kind]
	if api == "" {
		api = "apps/v1"
	}
	return fmt.Sprintf("apiVersion: %s\nkind: %s\nmetadata:\n  name: app-%d\n  namespace: team-%d\n  labels:\n    app: app-%d\n%s", api, kind, i, i%17, i, body)
}

func podSpec(r *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "containers:\n  - name: app\n    image: registry.example.com/team/app-%d:1.%d.%d\n    ports:\n      - containerPort: 8080\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n", i, r.IntN(20), r.IntN(10))
	if r.IntN(10) == 0 {
		b.WriteString("hostNetwork: true\n")
	}
	switch k := r.IntN(10); {
	case k < 5:
	case k < 8:
		fmt.Fprintf(&b, "dnsConfig:\n  options:\n    - name: ndots\n      value: \"%d\"\n    - name: single-request-reopen\n", []int{1, 2, 3, 5, 8}[r.IntN(5)])
	case k < 9:
		b.WriteString("dnsPolicy: None\ndnsConfig:\n  nameservers:\n    - 10.96.0.10\n  searches:\n    - default.svc.cluster.local\n    - svc.cluster.local\n  options:\n    - name: ndots\n      value: \"2\"\n")
	default:
		b.WriteString("dnsPolicy: ClusterFirstWithHostNet\n")
	}
	return b.String()
}

func corednsConfigMap(r *rand.Rand, i int) string {
	return fmt.Sprintf("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: cluster-%d\ndata:\n  Corefile: |\n%s", i, indent(corefile(r, i), 4))
}

func corefile(r *rand.Rand, i int) string {
	ttl := []int{5, 30, 30, 30, 60, 300}[r.IntN(6)]
	var b strings.Builder
	fmt.Fprintf(&b, ".:53 {\n    errors\n    health {\n        lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n        pods insecure\n        fallthrough in-addr.arpa ip6.arpa\n        ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n        max_concurrent 1000\n    }\n    cache %d\n    loop\n    reload\n    loadbalance\n    import custom/*.override\n}\nimport custom/*.server\n", ttl)
	for z := range r.IntN(4) {
		fmt.Fprintf(&b, "corp%d-%d.example:53 {\n    errors\n    cache 30\n    forward . 10.%d.%d.53 10.%d.%d.54\n}\n", i, z, r.IntN(250), z, r.IntN(250), z)
	}
	return b.String()
}

func customConfigMap(r *rand.Rand, i int) string {
	key := "stub.server"
	if r.IntN(8) == 0 {
		key = "stub.conf"
	}
	return fmt.Sprintf("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: cluster-%d\ndata:\n  log.override: |\n    log\n  %s: |\n    partner%d.example:53 {\n        errors\n        cache 30\n        forward . 192.0.2.%d\n    }\n", i, key, i, 1+r.IntN(250))
}

func autoscaler(r *rand.Rand, i int) string {
	if r.IntN(2) == 0 {
		return fmt.Sprintf("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-autoscaler\n  namespace: cluster-%d\ndata:\n  ladder: |\n    {\"coresToReplicas\":[[1,2],[512,3],[1024,4],[2048,5]],\"nodesToReplicas\":[[1,%d],[8,3],[16,4],[32,5]]}\n", i, 1+r.IntN(2))
	}
	return fmt.Sprintf("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dns-autoscaler\n  namespace: cluster-%d\ndata:\n  linear: '{\"coresPerReplica\":256,\"nodesPerReplica\":16,\"min\":%d,\"preventSinglePointFailure\":true}'\n", i, 1+r.IntN(2))
}

func resolvConf(r *rand.Rand) string {
	return fmt.Sprintf("nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:%d edns0\n", []int{1, 2, 5, 5, 12}[r.IntN(5)])
}

func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// Files writes a corpus into dir and reads it back as a run would.
func Files(dir string, o Options) ([]*source.File, error) {
	if err := Write(dir, o); err != nil {
		return nil, err
	}
	files, problems := (&source.Walker{}).Collect([]string{dir})
	if len(problems) > 0 {
		return nil, fmt.Errorf("reading the corpus: %v", problems)
	}
	return files, nil
}
