//go:build linux

package explain_test

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/miekg/dns"

	"github.com/dnslint/dnslint/lint/explain"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/corefile"
	"github.com/dnslint/dnslint/lint/source"
)

func parseCorefile(body string) (*model.Corefile, error) {
	res, err := corefile.Parse(&source.Text{File: "Corefile", Name: "Corefile", Body: []byte(body)}, nil)
	if err != nil {
		return nil, err
	}
	return &model.Corefile{File: "Corefile", ServerBlocks: res.Blocks}, nil
}

// The proof tests run the real resolvers in a network and mount namespace of their own
// (unshare -nm: loopback only, the cluster DNS address on lo, a generated resolv.conf
// bind-mounted over /etc/resolv.conf) against a small DNS server that logs every query,
// and compare the log with explain's prediction. They need root, unshare, getent and
// musl-gcc; CI installs musl-tools. Elsewhere they skip.

const clusterDNS = "10.96.0.10"

func TestMain(m *testing.M) {
	switch os.Getenv("DNSLINT_PROOF_CHILD") {
	case "":
	case "coredns":
		os.Exit(corednsChild())
	default:
		os.Exit(child())
	}
	os.Exit(m.Run())
}

// child serves DNS on the cluster address, runs one resolver command and prints the
// queries it received as JSON.
func child() int {
	exists := map[string]bool{}
	for _, n := range strings.Split(os.Getenv("DNSLINT_PROOF_EXISTS"), ",") {
		exists[n] = true
	}
	pc, err := net.ListenPacket("udp", clusterDNS+":53")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	var mu sync.Mutex
	var log []string
	go func() {
		buf := make([]byte, 4096)
		for {
			n, addr, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			var q dns.Msg
			if q.Unpack(buf[:n]) != nil || len(q.Question) != 1 {
				continue
			}
			qq := q.Question[0]
			name := strings.ToLower(qq.Name)
			mu.Lock()
			log = append(log, dns.TypeToString[qq.Qtype]+" "+name)
			mu.Unlock()
			r := new(dns.Msg)
			r.SetReply(&q)
			r.Authoritative = true
			switch {
			case !exists[name]:
				r.Rcode = dns.RcodeNameError
			case qq.Qtype == dns.TypeA:
				r.Answer = append(r.Answer, &dns.A{Hdr: dns.RR_Header{Name: qq.Name, Rrtype: dns.TypeA, Class: dns.ClassINET, Ttl: 30}, A: net.ParseIP("192.0.2.1")})
			case qq.Qtype == dns.TypeAAAA:
				r.Answer = append(r.Answer, &dns.AAAA{Hdr: dns.RR_Header{Name: qq.Name, Rrtype: dns.TypeAAAA, Class: dns.ClassINET, Ttl: 30}, AAAA: net.ParseIP("2001:db8::1")})
			}
			out, _ := r.Pack()
			pc.WriteTo(out, addr)
		}
	}()
	args := strings.Fields(os.Getenv("DNSLINT_PROOF_CMD"))
	cmd := exec.Command(args[0], args[1:]...)
	out, _ := cmd.CombinedOutput()
	time.Sleep(50 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	json.NewEncoder(os.Stdout).Encode(map[string]any{"queries": log, "output": string(out)})
	return 0
}

type proofEnv struct {
	t    *testing.T
	musl string // the musl-linked resolve program
}

func setup(t *testing.T) proofEnv {
	t.Helper()
	need := func(tool string) {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing (.ci/run installs it)", tool)
			}
			t.Skipf("%s is missing", tool)
		}
	}
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("the proof tests need root (unshare -nm)")
		}
		t.Skip("the proof tests need root (unshare -nm)")
	}
	for _, tool := range []string{"unshare", "ip", "mount", "getent", "musl-gcc"} {
		need(tool)
	}
	bin := filepath.Join(t.TempDir(), "resolve-musl")
	if out, err := exec.Command("musl-gcc", "-static", "-O2", "-o", bin, "testdata/resolve.c").CombinedOutput(); err != nil {
		t.Fatalf("musl-gcc: %v\n%s", err, out)
	}
	return proofEnv{t: t, musl: bin}
}

// observe runs a resolver for name with resolv.conf rc in a fresh namespace and returns
// the queries the DNS server saw, as "TYPE name".
func (e proofEnv) observe(rc explain.ResolvConf, libc explain.Libc, name string, exists []string) []string {
	t := e.t
	t.Helper()
	dir := t.TempDir()
	resolv := filepath.Join(dir, "resolv.conf")
	if err := os.WriteFile(resolv, []byte(rc.Text()), 0o644); err != nil {
		t.Fatal(err)
	}
	self, _ := os.Executable()
	cmd := "getent ahosts " + name
	if libc == explain.Musl {
		cmd = e.musl + " " + name
	}
	// A pod with IPv4 and IPv6 addresses (glibc's AI_ADDRCONFIG counts every address but
	// 127.0.0.1 and ::1), so that getaddrinfo asks for both A and AAAA.
	script := fmt.Sprintf("ip link set lo up && ip addr add %s/32 dev lo && ip addr add fd00:10:244::5/128 dev lo nodad && "+
		"mount --bind %s /etc/resolv.conf && exec %s -test.run=^$", clusterDNS, resolv, self)
	c := exec.Command("unshare", "-nm", "sh", "-c", script)
	c.Env = append(os.Environ(), "DNSLINT_PROOF_CHILD=1", "DNSLINT_PROOF_CMD="+cmd, "DNSLINT_PROOF_EXISTS="+strings.Join(exists, ","))
	out, err := c.Output()
	if err != nil {
		t.Fatalf("namespace run: %v\n%s", err, out)
	}
	var res struct {
		Queries []string
		Output  string
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("child output %q: %v", out, err)
	}
	t.Logf("%s %s: %s", libc, name, strings.TrimSpace(res.Output))
	return res.Queries
}

type scenario struct {
	name   string
	pod    explain.Pod
	node   explain.Node
	exists []string // names the server answers; all others are NXDOMAIN
}

func scenarios() []scenario {
	node := explain.Node{ClusterDNS: []string{clusterDNS}, Searches: []string{"3jtpxpfhmv4utc1fvd2z3yxm4d.bx.internal.cloudapp.net"}}
	ndots := func(n string) []explain.Option { return []explain.Option{{Name: "ndots", Value: n, HasValue: true}} }
	return []scenario{
		{name: "openai.com", pod: explain.Pod{Namespace: "default"}, node: node, exists: []string{"openai.com."}},
		{name: "openai.com.", pod: explain.Pod{Namespace: "default"}, node: node, exists: []string{"openai.com."}},
		{name: "openai.com", pod: explain.Pod{Namespace: "default", Options: ndots("2")}, node: node, exists: []string{"openai.com."}},
		{name: "openai.com", pod: explain.Pod{Namespace: "default", Options: ndots("1")}, node: node, exists: []string{"openai.com."}},
		{name: "api.openai.com", pod: explain.Pod{Namespace: "default", Options: ndots("2")}, node: node, exists: []string{"api.openai.com."}},
		{name: "web", pod: explain.Pod{Namespace: "shop"}, node: node, exists: []string{"web.shop.svc.cluster.local."}},
		{name: "kubernetes.default", pod: explain.Pod{Namespace: "shop"}, node: node, exists: []string{"kubernetes.default.svc.cluster.local."}},
		{name: "db.payments.svc", pod: explain.Pod{Namespace: "shop", Options: ndots("2")}, node: node, exists: []string{"db.payments.svc.cluster.local."}},
		{name: "example.org", pod: explain.Pod{DNSPolicy: "None", Nameservers: []string{clusterDNS}, Searches: []string{"corp.example"}, Options: ndots("3")}, node: node, exists: []string{"example.org."}},
	}
}

// predict is explain's query sequence with the same existing names as the server.
func predict(s scenario, rc explain.ResolvConf, libc explain.Libc) []string {
	var out []string
	for _, q := range explain.Sequence(s.name, rc, libc, func(name, qtype string) explain.Route {
		for _, e := range s.exists {
			if e == name {
				return explain.Route{Outcome: explain.Answer}
			}
		}
		return explain.Route{Outcome: explain.NXDomain}
	}) {
		out = append(out, q.Type+" "+q.Name)
	}
	return out
}

func TestPredictionsMatchRealResolvers(t *testing.T) {
	e := setup(t)
	for _, libc := range []explain.Libc{explain.Glibc, explain.Musl} {
		for _, s := range scenarios() {
			rc := explain.KubeletResolvConf(s.pod, s.node)
			t.Run(fmt.Sprintf("%s/%s/ndots%d", libc, s.name, rc.Ndots()), func(t *testing.T) {
				e.t = t
				want := predict(s, rc, libc)
				got := e.observe(rc, libc, s.name, s.exists)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("resolv.conf:\n%s\nreal %s sent:\n  %s\nexplain predicted:\n  %s", rc.Text(), libc, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
				}
			})
		}
	}
}

// routingCorefile has blocks and plugins that answer with distinct addresses, so that
// the address CoreDNS returns tells which block and plugin answered.
const routingCorefile = `.:53 {
    hosts {
        10.0.0.7 pinned.example
        fallthrough
    }
    template IN A {
        match "^(a|zz)\."
        answer "{{ .Name }} 60 IN A 10.0.0.1"
        fallthrough
    }
}
corp.example:53 {
    template IN A {
        answer "{{ .Name }} 60 IN A 10.0.1.1"
    }
}
dev.corp.example:53 {
    template IN A {
        answer "{{ .Name }} 60 IN A 10.0.2.1"
    }
}
cluster.local:53 {
    hosts {
        10.0.3.1 web.shop.svc.cluster.local
        fallthrough
    }
    template IN A cluster.local {
        answer "{{ .Name }} 60 IN A 10.0.3.9"
    }
}
`

var routingAnswers = map[string]string{
	".:53 hosts": "10.0.0.7", ".:53 template": "10.0.0.1", "corp.example:53 template": "10.0.1.1",
	"dev.corp.example:53 template": "10.0.2.1", "cluster.local:53 hosts": "10.0.3.1", "cluster.local:53 template": "10.0.3.9",
}

// corednsBinary finds a CoreDNS built by scripts/fidelity/install-coredns.sh.
func corednsBinary(t *testing.T) string {
	if p := os.Getenv("DNSLINT_COREDNS"); p != "" {
		return p
	}
	// The newest version the fidelity suite pins (scripts/fidelity/versions, last line).
	versions, _ := os.ReadFile(filepath.Join("..", "..", "scripts", "fidelity", "versions"))
	lines := strings.Fields(string(versions))
	var matches []string
	if len(lines) > 0 {
		cache := os.Getenv("DNSLINT_CACHE")
		if cache == "" {
			cache = filepath.Join("..", "..", ".cache")
		}
		matches, _ = filepath.Glob(filepath.Join(cache, "coredns", lines[len(lines)-1], "coredns"))
	}
	if len(matches) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("no CoreDNS in .cache/coredns (.ci/run runs scripts/fidelity/install-coredns.sh first)")
		}
		t.Skip("no CoreDNS in .cache/coredns: run scripts/fidelity/install-coredns.sh")
	}
	abs, _ := filepath.Abs(matches[len(matches)-1])
	return abs
}

// TestRoutingMatchesCoreDNS starts real CoreDNS on a Corefile whose blocks answer with
// distinct records and checks that each query is answered by the block and plugin
// explain names.
func TestRoutingMatchesCoreDNS(t *testing.T) {
	setup(t)
	coredns := corednsBinary(t)
	cf, err := parseCorefile(routingCorefile)
	if err != nil {
		t.Fatal(err)
	}
	router := explain.Router{Corefile: cf}
	names := []string{"pinned.example.", "a.example.", "x.corp.example.", "corp.example.", "y.dev.corp.example.",
		"dev.corp.example.", "web.shop.svc.cluster.local.", "api.shop.svc.cluster.local.", "cluster.local.", "zz."}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Corefile"), []byte(routingCorefile), 0o644); err != nil {
		t.Fatal(err)
	}
	self, _ := os.Executable()
	c := exec.Command("unshare", "-n", "sh", "-c", "ip link set lo up && exec "+self+" -test.run=^$")
	c.Dir = dir
	c.Env = append(os.Environ(), "DNSLINT_PROOF_CHILD=coredns", "DNSLINT_PROOF_COREDNS="+coredns, "DNSLINT_PROOF_NAMES="+strings.Join(names, ","))
	out, err := c.Output()
	if err != nil {
		t.Fatalf("namespace run: %v\n%s", err, out)
	}
	var answers map[string]string
	if err := json.Unmarshal(out, &answers); err != nil {
		t.Fatalf("child output %q: %v", out, err)
	}
	t.Logf("CoreDNS %s answered %v", coredns, answers)
	for _, n := range names {
		r := router.Route(n, "A")
		want, ok := routingAnswers[r.Block+" "+r.Plugin]
		if !ok {
			want = string(r.Outcome)
		}
		if answers[n] != want {
			t.Errorf("%s: CoreDNS answered %q; explain says block %q plugin %q (%q)", n, answers[n], r.Block, r.Plugin, want)
		}
	}
}

// corednsChild runs CoreDNS in the namespace and asks it for each name.
func corednsChild() int {
	cmd := exec.Command(os.Getenv("DNSLINT_PROOF_COREDNS"), "-conf", "Corefile")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	defer cmd.Process.Kill()
	ready := make(chan bool)
	go func() {
		buf := make([]byte, 4096)
		var seen string
		for {
			n, err := stdout.Read(buf)
			seen += string(buf[:n])
			if strings.Contains(seen, "CoreDNS-") {
				ready <- true
				return
			}
			if err != nil {
				ready <- false
				return
			}
		}
	}()
	select {
	case ok := <-ready:
		if !ok {
			fmt.Fprintln(os.Stderr, "CoreDNS exited before serving")
			return 3
		}
	case <-time.After(20 * time.Second):
		fmt.Fprintln(os.Stderr, "CoreDNS did not start")
		return 3
	}
	answers := map[string]string{}
	c := new(dns.Client)
	for _, n := range strings.Split(os.Getenv("DNSLINT_PROOF_NAMES"), ",") {
		m := new(dns.Msg)
		m.SetQuestion(n, dns.TypeA)
		r, _, err := c.Exchange(m, "127.0.0.1:53")
		switch {
		case err != nil:
			answers[n] = "error: " + err.Error()
		case len(r.Answer) == 0:
			answers[n] = dns.RcodeToString[r.Rcode]
		default:
			if a, ok := r.Answer[0].(*dns.A); ok {
				answers[n] = a.A.String()
			}
		}
	}
	json.NewEncoder(os.Stdout).Encode(answers)
	return 0
}
