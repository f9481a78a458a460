package explain

import (
	_ "embed"
	"strings"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/corefile"
	"github.com/dnslint/dnslint/lint/source"
)

// LookupRequest is what `dnslint explain lookup` is asked.
type LookupRequest struct {
	Name     string
	Pod      Pod
	Node     Node
	Libc     Libc
	Corefile *model.Corefile
	Cluster  Cluster
}

// Totals sum up a query sequence.
type Totals struct {
	Queries  int `json:"queries"`
	NXDomain int `json:"nxdomain"`
	// Upstream counts the queries that leave the cluster.
	Upstream int `json:"upstream"`
}

// Alternative is the same lookup with a fix applied.
type Alternative struct {
	Fix     string  `json:"fix"`
	Totals  Totals  `json:"totals"`
	Queries []Query `json:"queries"`
}

// Lookup is the explanation of one name's lookup from one pod.
type Lookup struct {
	Name         string        `json:"name"`
	Libc         Libc          `json:"libc"`
	ResolvConf   ResolvConf    `json:"resolv_conf"`
	Ndots        int           `json:"ndots"`
	Queries      []Query       `json:"queries"`
	Totals       Totals        `json:"totals"`
	Alternatives []Alternative `json:"alternatives"`
}

// ExplainLookup computes the pod's resolv.conf, the queries for the name, where each
// goes, and the same with the usual fixes: ndots 2 and a trailing dot.
func ExplainLookup(req LookupRequest) Lookup {
	if req.Libc == "" {
		req.Libc = Glibc
	}
	rc := KubeletResolvConf(req.Pod, req.Node)
	out := Lookup{Name: req.Name, Libc: req.Libc, ResolvConf: rc, Ndots: rc.Ndots()}
	out.Queries = sequence(req, req.Name, rc)
	out.Totals = total(out.Queries)
	if !strings.HasSuffix(req.Name, ".") {
		fixed := req.Pod
		fixed.Options = mergeOptions(fixed.Options, []Option{{Name: "ndots", Value: "2", HasValue: true}})
		frc := KubeletResolvConf(fixed, req.Node)
		qs := sequence(req, req.Name, frc)
		out.Alternatives = append(out.Alternatives, Alternative{Fix: "dnsConfig option ndots: 2", Totals: total(qs), Queries: qs})
		qs = sequence(req, req.Name+".", rc)
		out.Alternatives = append(out.Alternatives, Alternative{Fix: "trailing dot: " + req.Name + ".", Totals: total(qs), Queries: qs})
	}
	return out
}

// sequence routes each candidate through the Corefile. A name the resolver built from a
// search domain outside the cluster that goes upstream is assumed not to exist there.
func sequence(req LookupRequest, name string, rc ResolvConf) []Query {
	router := Router{Corefile: req.Corefile, Cluster: req.Cluster}
	abs := strings.TrimSuffix(name, ".") + "."
	return Sequence(name, rc, req.Libc, func(n, t string) Route {
		if req.Corefile == nil {
			return Route{Outcome: Answer, Note: "no Corefile given"}
		}
		r := router.Route(n, t)
		if r.Upstream != "" && r.Outcome == Answer && n != abs {
			r.Outcome = NXDomain
			r.Note = "assumed not to exist upstream: built from a search domain"
		}
		return r
	})
}

func total(qs []Query) Totals {
	t := Totals{Queries: len(qs)}
	for _, q := range qs {
		if q.Route.Outcome == NXDomain {
			t.NXDomain++
		}
		if q.Route.Upstream != "" {
			t.Upstream++
		}
	}
	return t
}

//go:embed kubeadm.corefile
var kubeadmCorefile []byte

// DefaultCorefile is the kubeadm default Corefile (the cluster domain cluster.local), for
// a lookup explained without a Corefile of its own.
func DefaultCorefile() (*model.Corefile, error) {
	t := &source.Text{File: "<kubeadm default Corefile>", Name: "/etc/coredns/Corefile", Body: kubeadmCorefile}
	res, err := corefile.Parse(t, nil)
	if err != nil {
		return nil, err
	}
	return &model.Corefile{File: t.File, ServerBlocks: res.Blocks}, nil
}
