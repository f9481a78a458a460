package explain

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/rules"
)

// Route is where CoreDNS sends one query and what comes back.
type Route struct {
	// Block is the server block that receives the query (its keys), "" when none does.
	Block string `json:"block"`
	// Plugin is the plugin of the block's chain that answers.
	Plugin  string  `json:"plugin"`
	Outcome Outcome `json:"result"`
	// Upstream is the resolver the query leaves the cluster for, "" when it stays inside.
	Upstream string `json:"upstream,omitempty"`
	// Note explains the outcome (e.g. "no such service", "rewritten to …").
	Note string `json:"note,omitempty"`
}

// Cluster is what the router knows of the cluster beyond the Corefile.
type Cluster struct {
	// Services are "name.namespace" of the Services that exist (kubernetes.default always does).
	Services []string
	// Port is the port pods send their queries to (53).
	Port string
}

// Router answers "where does this query go" for one effective Corefile.
type Router struct {
	Corefile *model.Corefile
	Cluster  Cluster
}

// Route follows CoreDNS: the block whose zone is the longest match for the name on the
// listening port (REFUSED when none), then the block's plugins in plugin.cfg order,
// each either answering or passing the query on.
func (r Router) Route(name, qtype string) Route {
	name = strings.ToLower(name)
	b := r.block(name)
	if b == nil {
		return Route{Outcome: Refused, Note: "no server block serves this name on port " + r.port()}
	}
	rt := Route{Block: blockName(b)}
	for _, d := range ordered(b.Directives) {
		res, handled := r.plugin(d, &name, qtype)
		if handled {
			res.Block = rt.Block
			return res
		}
	}
	rt.Outcome, rt.Note = ServFail, "no plugin answers: plugin/forward: no next plugin found"
	return rt
}

func (r Router) port() string {
	if r.Cluster.Port != "" {
		return r.Cluster.Port
	}
	return "53"
}

// block picks the server block with the longest zone that contains name.
func (r Router) block(name string) *model.ServerBlock {
	var best *model.ServerBlock
	bestLen := -1
	for _, b := range r.Corefile.ServerBlocks {
		for _, k := range b.Keys {
			if k.Port != r.port() || (k.Scheme != "dns" && k.Scheme != "") {
				continue
			}
			if inZone(name, k.Zone) && len(k.Zone) > bestLen {
				best, bestLen = b, len(k.Zone)
			}
		}
	}
	return best
}

func blockName(b *model.ServerBlock) string {
	var keys []string
	for _, k := range b.Keys {
		keys = append(keys, k.Text)
	}
	return strings.Join(keys, " ")
}

// inZone tells whether a fully qualified name lies in a zone ("." holds everything).
func inZone(name, zone string) bool {
	zone = strings.ToLower(zone)
	if !strings.HasSuffix(zone, ".") {
		zone += "."
	}
	return zone == "." || name == zone || strings.HasSuffix(name, "."+zone)
}

// ordered sorts a block's plugins into CoreDNS's execution order (plugin.cfg); several
// occurrences of one plugin keep their written order.
func ordered(ds []*model.Directive) []*model.Directive {
	order := pluginOrder()
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b *model.Directive) int { return order[a.Name] - order[b.Name] })
	return out
}

// pluginOrder is each plugin's place in plugin.cfg, from the rules' data.
var pluginOrder = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for name, p := range rules.MustData().CoreDNS.Plugins {
		m[name] = p.Order
	}
	return m
})

// plugin decides whether one plugin answers; it may rewrite the name for the next ones.
func (r Router) plugin(d *model.Directive, name *string, qtype string) (Route, bool) {
	switch d.Name {
	case "rewrite":
		rewrite(d, name)
	case "template":
		return template(d, *name, qtype)
	case "hosts":
		return hosts(d, *name, qtype)
	case "kubernetes":
		return r.kubernetes(d, *name)
	case "forward":
		return forward(d, *name)
	}
	return Route{}, false
}

func args(d *model.Directive) []string {
	out := make([]string, len(d.Args))
	for i, a := range d.Args {
		out[i] = a.Text
	}
	return out
}

func blockLine(d *model.Directive, name string) *model.Directive {
	for _, l := range d.Block {
		if l.Name == name {
			return l
		}
	}
	return nil
}

// zonesOf returns the zones a plugin's arguments name (all of them fully qualified), or
// the default when it names none.
func zonesOf(zs []string, dflt ...string) []string {
	var out []string
	for _, z := range zs {
		if z == "" || strings.Contains(z, "/") && !strings.Contains(z, ".") {
			continue
		}
		if !strings.HasSuffix(z, ".") {
			z += "."
		}
		out = append(out, strings.ToLower(z))
	}
	if len(out) == 0 {
		return dflt
	}
	return out
}

func inAny(name string, zones []string) bool {
	return slices.ContainsFunc(zones, func(z string) bool { return inZone(name, z) })
}

// fallsThrough tells whether a plugin's `fallthrough [ZONES]` passes name on.
func fallsThrough(d *model.Directive, name string) bool {
	l := blockLine(d, "fallthrough")
	return l != nil && (len(l.Args) == 0 || inAny(name, zonesOf(args(l))))
}

// rewrite applies `rewrite [continue|stop] name [exact|prefix|suffix|substring|regex] FROM TO`.
func rewrite(d *model.Directive, name *string) {
	a := args(d)
	if len(a) > 0 && (a[0] == "continue" || a[0] == "stop") {
		a = a[1:]
	}
	if len(a) < 3 || a[0] != "name" {
		return
	}
	a = a[1:]
	kind := "exact"
	if len(a) >= 3 {
		kind, a = a[0], a[1:]
	}
	from, to := strings.ToLower(a[0]), strings.ToLower(a[1])
	n := *name
	switch kind {
	case "exact":
		if strings.TrimSuffix(n, ".") == strings.TrimSuffix(from, ".") {
			*name = strings.TrimSuffix(to, ".") + "."
		}
	case "prefix":
		if strings.HasPrefix(n, from) {
			*name = to + strings.TrimPrefix(n, from)
		}
	case "suffix":
		if strings.HasSuffix(n, from) {
			*name = strings.TrimSuffix(n, from) + to
		}
	case "substring":
		*name = strings.Replace(n, from, to, 1)
	case "regex":
		if re, err := regexp.Compile(a[0]); err == nil && re.MatchString(n) {
			*name = re.ReplaceAllString(n, strings.NewReplacer("{1}", "$1", "{2}", "$2", "{3}", "$3").Replace(a[1]))
		}
	}
	if !strings.HasSuffix(*name, ".") {
		*name += "."
	}
}

// template answers `template CLASS TYPE [ZONES]` queries of its class and type whose name
// matches one of its `match` regular expressions (any name without `match`).
func template(d *model.Directive, name, qtype string) (Route, bool) {
	a := args(d)
	if len(a) < 2 || !inAny(name, zonesOf(a[2:], ".")) || (a[1] != "ANY" && a[1] != qtype) {
		return Route{}, false
	}
	matched := true
	var matches []string
	for _, l := range d.Block {
		if l.Name == "match" {
			matches = append(matches, args(l)...)
		}
	}
	if len(matches) > 0 {
		matched = slices.ContainsFunc(matches, func(m string) bool {
			re, err := regexp.Compile(m)
			return err == nil && re.MatchString(name)
		})
	}
	if !matched {
		if fallsThrough(d, name) {
			return Route{}, false
		}
		return Route{Plugin: "template", Outcome: ServFail, Note: "no match and no fallthrough"}, true
	}
	if l := blockLine(d, "rcode"); l != nil && len(l.Args) > 0 && l.Args[0].Text != "NOERROR" {
		return Route{Plugin: "template", Outcome: Outcome(l.Args[0].Text), Note: "synthesized rcode"}, true
	}
	return Route{Plugin: "template", Outcome: Answer, Note: "synthesized"}, true
}

// hosts answers names listed inline; a file's content is not known here.
func hosts(d *model.Directive, name, qtype string) (Route, bool) {
	a := args(d)
	var zones []string
	if len(a) > 0 && strings.HasPrefix(a[0], "/") {
		zones = zonesOf(a[1:], ".")
	} else {
		zones = zonesOf(a, ".")
		if len(a) > 0 && !strings.Contains(a[0], ".") {
			zones = zonesOf(a[1:], ".")
		}
	}
	if !inAny(name, zones) {
		return Route{}, false
	}
	for _, l := range d.Block {
		for _, h := range l.Args {
			if strings.TrimSuffix(strings.ToLower(h.Text), ".")+"." == name {
				if isV4(l.Name) == (qtype == "A") {
					return Route{Plugin: "hosts", Outcome: Answer, Note: "inline entry"}, true
				}
				return Route{Plugin: "hosts", Outcome: NoData, Note: "inline entry of the other address family"}, true
			}
		}
	}
	if fallsThrough(d, name) {
		return Route{}, false
	}
	return Route{Plugin: "hosts", Outcome: NXDomain, Note: "not in hosts and no fallthrough (entries of a hosts file are not known here)"}, true
}

func isV4(s string) bool { return strings.Count(s, ".") == 3 && !strings.Contains(s, ":") }

// kubernetes answers its zones: a Service name `svc.ns.svc.<zone>` exists when the Service
// does; every other name of the zone is NXDOMAIN unless fallthrough passes it on.
func (r Router) kubernetes(d *model.Directive, name string) (Route, bool) {
	zones := zonesOf(args(d), ".")
	var zone string
	for _, z := range zones {
		if inZone(name, z) && len(z) > len(zone) {
			zone = z
		}
	}
	if zone == "" {
		return Route{}, false
	}
	rel := strings.TrimSuffix(strings.TrimSuffix(name, zone), ".")
	labels := strings.Split(rel, ".")
	if len(labels) == 3 && labels[2] == "svc" {
		svc := labels[0] + "." + labels[1]
		if svc == "kubernetes.default" || slices.Contains(r.Cluster.Services, svc) {
			return Route{Plugin: "kubernetes", Outcome: Answer, Note: "Service " + labels[1] + "/" + labels[0]}, true
		}
	}
	if fallsThrough(d, name) {
		return Route{}, false
	}
	note := "no such Service"
	if !strings.HasSuffix(rel, ".svc") && !strings.Contains(rel, ".svc.") {
		note = "name of the cluster zone that is no Service"
	}
	return Route{Plugin: "kubernetes", Outcome: NXDomain, Note: note}, true
}

// forward sends names under its FROM zone (less `except`) to its upstreams. Whether the
// upstream knows the name is not known here: a name built from a search domain that is
// not the cluster's is assumed not to exist, the name as written to exist.
func forward(d *model.Directive, name string) (Route, bool) {
	a := args(d)
	if len(a) < 2 || !inZone(name, zonesOf(a[:1], ".")[0]) {
		return Route{}, false
	}
	if l := blockLine(d, "except"); l != nil && inAny(name, zonesOf(args(l))) {
		return Route{}, false
	}
	return Route{Plugin: "forward", Outcome: Answer, Upstream: strings.Join(a[1:], " ")}, true
}
