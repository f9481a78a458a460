package explain

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/corefile"
	"github.com/dnslint/dnslint/lint/source"
)

func TestKubeletResolvConf(t *testing.T) {
	node := Node{ClusterDNS: []string{"10.0.0.10"}, Nameservers: []string{"168.63.129.16"}, Searches: []string{"abc.internal.cloudapp.net"},
		Options: []Option{{Name: "timeout", Value: "2", HasValue: true}}}
	cases := []struct {
		name string
		pod  Pod
		want ResolvConf
	}{
		{"cluster first", Pod{Namespace: "shop"}, ResolvConf{Policy: "ClusterFirst", Nameservers: []string{"10.0.0.10"},
			Searches: []string{"shop.svc.cluster.local", "svc.cluster.local", "cluster.local", "abc.internal.cloudapp.net"}, OptionsText: []string{"ndots:5"}}},
		{"host network falls back to Default", Pod{HostNetwork: true}, ResolvConf{Policy: "Default", Nameservers: []string{"168.63.129.16"},
			Searches: []string{"abc.internal.cloudapp.net"}, OptionsText: []string{"timeout:2"}}},
		{"with host net", Pod{HostNetwork: true, DNSPolicy: "ClusterFirstWithHostNet"}, ResolvConf{Policy: "ClusterFirstWithHostNet", Nameservers: []string{"10.0.0.10"},
			Searches: []string{"default.svc.cluster.local", "svc.cluster.local", "cluster.local", "abc.internal.cloudapp.net"}, OptionsText: []string{"ndots:5"}}},
		{"none", Pod{DNSPolicy: "None", Nameservers: []string{"1.1.1.1"}, Options: []Option{{Name: "ndots", Value: "2", HasValue: true}}},
			ResolvConf{Policy: "None", Nameservers: []string{"1.1.1.1"}, OptionsText: []string{"ndots:2"}}},
		{"pod ndots replaces, ndots:2 as a name does not", Pod{Options: []Option{{Name: "ndots", Value: "3", HasValue: true}, {Name: "ndots:2"}}},
			ResolvConf{Policy: "ClusterFirst", Nameservers: []string{"10.0.0.10"},
				Searches: []string{"default.svc.cluster.local", "svc.cluster.local", "cluster.local", "abc.internal.cloudapp.net"}, OptionsText: []string{"ndots:3", "ndots:2"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := KubeletResolvConf(c.pod, node)
			got.Options, got.Notes = nil, nil
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestKubeletLimits(t *testing.T) {
	rc := KubeletResolvConf(Pod{Nameservers: []string{"1.1.1.1", "8.8.8.8", "9.9.9.9"}}, Node{})
	if len(rc.Nameservers) != 3 || rc.Nameservers[0] != "10.96.0.10" || !strings.Contains(strings.Join(rc.Notes, "\n"),
		"Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8") {
		t.Errorf("nameservers %v notes %v", rc.Nameservers, rc.Notes)
	}
	var many []string
	for i := range 8 {
		many = append(many, strings.Repeat("x", 10)+string(rune('a'+i))+".example")
	}
	rc = KubeletResolvConf(Pod{Searches: many}, Node{Legacy: true})
	if len(rc.Searches) != 6 || !strings.Contains(strings.Join(rc.Notes, "\n"), "Search Line limits were exceeded") {
		t.Errorf("legacy search %v %v", rc.Searches, rc.Notes)
	}
}

func TestCandidates(t *testing.T) {
	search := []string{"a.svc.cluster.local", "svc.cluster.local"}
	cases := []struct {
		name  string
		ndots int
		libc  Libc
		want  string
	}{
		{"web", 5, Glibc, "web.a.svc.cluster.local. web.svc.cluster.local. web."},
		{"example.com", 1, Glibc, "example.com. example.com.a.svc.cluster.local. example.com.svc.cluster.local."},
		{"example.com", 1, Musl, "example.com."},
		{"example.com", 2, Musl, "example.com.a.svc.cluster.local. example.com.svc.cluster.local. example.com."},
		{"example.com.", 5, Glibc, "example.com."},
		{"example.com.", 5, Musl, "example.com."},
	}
	for _, c := range cases {
		if got := strings.Join(Candidates(c.name, search, c.ndots, c.libc), " "); got != c.want {
			t.Errorf("%s ndots %d %s: got %s, want %s", c.name, c.ndots, c.libc, got, c.want)
		}
	}
}

func aks(t *testing.T) *model.Corefile {
	t.Helper()
	body := ".:53 {\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n      fallthrough in-addr.arpa ip6.arpa\n    }\n    forward . /etc/resolv.conf\n    cache 30\n" +
		"    template ANY ANY internal.cloudapp.net {\n      match \"^(?:[^.]+\\.){4,}internal\\.cloudapp\\.net\\.$\"\n      rcode NXDOMAIN\n      fallthrough\n    }\n}\n" +
		"corp.example:53 {\n    forward . 10.1.1.1\n}\n"
	res, err := corefile.Parse(&source.Text{File: "Corefile", Name: "Corefile", Body: []byte(body)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Corefile{File: "Corefile", ServerBlocks: res.Blocks}
}

// TestSeedScenario is the lookup DNS tracers show on AKS: a ClusterFirst pod in default
// resolving openai.com sends ten queries, eight of them NXDOMAIN.
func TestSeedScenario(t *testing.T) {
	req := LookupRequest{Name: "openai.com", Corefile: aks(t), Pod: Pod{Namespace: "default"},
		Node: Node{Searches: []string{"3jtpxpfhmv4utc1fvd2z3yxm4d.bx.internal.cloudapp.net"}}}
	l := ExplainLookup(req)
	var got []string
	for _, q := range l.Queries {
		got = append(got, q.Type+" "+q.Name+" "+q.Route.Plugin+" "+string(q.Route.Outcome))
	}
	want := []string{
		"A openai.com.default.svc.cluster.local. kubernetes NXDOMAIN",
		"AAAA openai.com.default.svc.cluster.local. kubernetes NXDOMAIN",
		"A openai.com.svc.cluster.local. kubernetes NXDOMAIN",
		"AAAA openai.com.svc.cluster.local. kubernetes NXDOMAIN",
		"A openai.com.cluster.local. kubernetes NXDOMAIN",
		"AAAA openai.com.cluster.local. kubernetes NXDOMAIN",
		"A openai.com.3jtpxpfhmv4utc1fvd2z3yxm4d.bx.internal.cloudapp.net. template NXDOMAIN",
		"AAAA openai.com.3jtpxpfhmv4utc1fvd2z3yxm4d.bx.internal.cloudapp.net. template NXDOMAIN",
		"A openai.com. forward ANSWER",
		"AAAA openai.com. forward ANSWER",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("queries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if l.Totals != (Totals{Queries: 10, NXDomain: 8, Upstream: 2}) {
		t.Errorf("totals %+v", l.Totals)
	}
	dot := l.Alternatives[1]
	if dot.Totals != (Totals{Queries: 2, NXDomain: 0, Upstream: 2}) {
		t.Errorf("trailing dot totals %+v", dot.Totals)
	}
	// ndots 2 does not help a name with one dot: glibc still walks the search list first.
	if l.Alternatives[0].Totals.Queries != 10 {
		t.Errorf("ndots 2 totals %+v", l.Alternatives[0].Totals)
	}
	// A name with two dots, with ndots 2, goes out as written first.
	req.Name, req.Pod.Options = "api.openai.com", []Option{{Name: "ndots", Value: "2", HasValue: true}}
	if l := ExplainLookup(req); l.Totals.Queries != 2 {
		t.Errorf("api.openai.com with ndots 2: %d queries", l.Totals.Queries)
	}
}

func TestRouting(t *testing.T) {
	r := Router{Corefile: aks(t), Cluster: Cluster{Services: []string{"api.shop"}}}
	for name, want := range map[string]string{
		"api.shop.svc.cluster.local.":    ".:53 kubernetes ANSWER",
		"web.shop.svc.cluster.local.":    ".:53 kubernetes NXDOMAIN",
		"10.in-addr.arpa.":               ".:53 forward ANSWER",
		"db.corp.example.":               "corp.example:53 forward ANSWER",
		"a.b.c.d.internal.cloudapp.net.": ".:53 template NXDOMAIN",
		"host.internal.cloudapp.net.":    ".:53 forward ANSWER",
	} {
		rt := r.Route(name, "A")
		if got := rt.Block + " " + rt.Plugin + " " + string(rt.Outcome); got != want {
			t.Errorf("%s: got %s, want %s", name, got, want)
		}
	}
}

func TestLadder(t *testing.T) {
	s, err := ParseScaler("ladder", []byte(`{"coresToReplicas":[[1,2],[512,3],[1024,4],[2048,5]],"nodesToReplicas":[[1,2],[8,3],[16,4],[32,5]]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][3]int{{0, 0, 2}, {1, 4, 2}, {8, 32, 3}, {12, 600, 3}, {16, 64, 4}, {100, 400, 5}, {3, 2048, 5}} {
		if got := s.Replicas(c[0], c[1]); got != c[2] {
			t.Errorf("ladder %d nodes %d cores: %d, want %d", c[0], c[1], got, c[2])
		}
	}
	_, ranges := s.Curve(100, 4)
	last := ranges[len(ranges)-1]
	if last.Replicas != 5 || last.FromNodes != 32 || !strings.Contains(strings.Join(last.Flags, ";"), "plateau") {
		t.Errorf("last range %+v", last)
	}
	one, _ := ParseScaler("ladder", []byte(`{"nodesToReplicas":[[1,1],[5,0]]}`))
	_, ranges = one.Curve(10, 4)
	if len(ranges) != 2 || !strings.Contains(ranges[0].Flags[0], "single replica") || !strings.Contains(strings.Join(ranges[1].Flags, ";"), "decrease from 1") {
		t.Errorf("ranges %+v", ranges)
	}
	lin, _ := ParseScaler("linear", []byte(`{"coresPerReplica":256,"nodesPerReplica":16,"min":1,"max":1,"preventSinglePointFailure":true}`))
	if got := lin.Replicas(3, 12); got != 2 {
		t.Errorf("linear max 1 with preventSinglePointFailure on 3 nodes: %d, want 2 (CPA raises after the max clamp)", got)
	}
	if got := lin.Replicas(1, 4); got != 1 {
		t.Errorf("linear on 1 node: %d", got)
	}
	if _, err := ParseScaler("linear", []byte(`{"min": 1.5}`)); err == nil || !strings.Contains(err.Error(), "could not parse parameters") {
		t.Errorf("got %v", err)
	}
}
