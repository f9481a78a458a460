package explain

import (
	"fmt"
	"slices"
	"strings"
)

// Pod is what decides a pod's resolv.conf.
type Pod struct {
	Namespace   string
	DNSPolicy   string // ClusterFirst (default), ClusterFirstWithHostNet, Default, None
	HostNetwork bool
	// Nameservers, Searches and Options are pod.spec.dnsConfig.
	Nameservers []string
	Searches    []string
	Options     []Option
}

// Option is a resolv.conf option: name or name:value (HasValue false for a bare name).
type Option struct {
	Name, Value string
	HasValue    bool
}

func (o Option) String() string {
	if o.HasValue {
		return o.Name + ":" + o.Value
	}
	return o.Name
}

// Node is the kubelet's side: its cluster DNS settings and the node's resolv.conf.
type Node struct {
	ClusterDNS    []string // kubelet clusterDNS (default 10.96.0.10)
	ClusterDomain string   // kubelet clusterDomain (default cluster.local)
	Nameservers   []string // the node's resolv.conf
	Searches      []string
	Options       []Option
	// Legacy applies the search limits of clusters without expanded DNS config (6 / 256).
	Legacy bool
}

// ResolvConf is the resolv.conf the kubelet writes for a pod, with what it dropped.
type ResolvConf struct {
	Nameservers []string `json:"nameservers"`
	Searches    []string `json:"search"`
	Options     []Option `json:"-"`
	OptionsText []string `json:"options"`
	// Policy is the policy the kubelet applied (ClusterFirst with hostNetwork acts as Default).
	Policy string `json:"policy"`
	// Notes say what the kubelet changed or dropped, in its own words where it has any.
	Notes []string `json:"notes"`
}

// Limits of the kubelet (pkg/kubelet/network/dns) and the API server.
const (
	maxNameservers  = 3
	maxSearchPaths  = 32
	maxSearchChars  = 2048
	legacySearch    = 6
	legacyChars     = 256
	maxSearchEntry  = 253
	defaultNdots    = 5
	defaultResolvND = 1
)

// KubeletResolvConf builds a pod's resolv.conf as the kubelet does: the policy's base,
// dnsConfig appended (duplicates removed, pod options replacing base options of the same
// name), then the limits applied with the events the kubelet emits.
func KubeletResolvConf(p Pod, n Node) ResolvConf {
	if n.ClusterDomain == "" {
		n.ClusterDomain = "cluster.local"
	}
	if len(n.ClusterDNS) == 0 {
		n.ClusterDNS = []string{"10.96.0.10"}
	}
	ns := p.Namespace
	if ns == "" {
		ns = "default"
	}
	rc := ResolvConf{Policy: p.DNSPolicy}
	if rc.Policy == "" {
		rc.Policy = "ClusterFirst"
	}
	switch {
	case rc.Policy == "ClusterFirst" && p.HostNetwork:
		rc.Notes = append(rc.Notes, "dnsPolicy ClusterFirst with hostNetwork: the kubelet falls back to Default (the node's resolv.conf); use ClusterFirstWithHostNet for cluster names")
		fallthrough
	case rc.Policy == "Default":
		rc.Policy = "Default"
		rc.Nameservers = slices.Clone(n.Nameservers)
		rc.Searches = slices.Clone(n.Searches)
		rc.Options = slices.Clone(n.Options)
	case rc.Policy == "ClusterFirst" || rc.Policy == "ClusterFirstWithHostNet":
		d := n.ClusterDomain
		rc.Nameservers = slices.Clone(n.ClusterDNS)
		rc.Searches = dedupe(append([]string{ns + ".svc." + d, "svc." + d, d}, n.Searches...))
		rc.Options = []Option{{Name: "ndots", Value: fmt.Sprint(defaultNdots), HasValue: true}}
	case rc.Policy == "None":
	default:
		rc.Notes = append(rc.Notes, fmt.Sprintf("dnsPolicy %q is not valid: the API server rejects the pod", rc.Policy))
	}
	rc.Nameservers = dedupe(append(rc.Nameservers, p.Nameservers...))
	rc.Searches = dedupe(append(rc.Searches, p.Searches...))
	rc.Options = mergeOptions(rc.Options, p.Options)
	rc.fitLimits(n.Legacy)
	for _, o := range rc.Options {
		rc.OptionsText = append(rc.OptionsText, o.String())
	}
	return rc
}

// mergeOptions replaces base options by pod options of the same name (the kubelet keys a
// map by name; `ndots:2` written as a name is a different key and does not replace ndots).
func mergeOptions(base, pod []Option) []Option {
	out := slices.Clone(base)
	for _, o := range pod {
		i := slices.IndexFunc(out, func(b Option) bool { return b.Name == o.Name })
		if i >= 0 {
			out[i] = o
		} else {
			out = append(out, o)
		}
	}
	return out
}

func (rc *ResolvConf) fitLimits(legacy bool) {
	if len(rc.Nameservers) > maxNameservers {
		rc.Nameservers = rc.Nameservers[:maxNameservers]
		rc.Notes = append(rc.Notes, "Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: "+strings.Join(rc.Nameservers, " "))
	}
	paths, chars := maxSearchPaths, maxSearchChars
	if legacy {
		paths, chars = legacySearch, legacyChars
	}
	kept := rc.Searches[:0:0]
	for _, s := range rc.Searches {
		if len(s) <= maxSearchEntry {
			kept = append(kept, s)
		}
	}
	cut := len(kept) != len(rc.Searches)
	if len(kept) > paths {
		kept, cut = kept[:paths], true
	}
	for len(kept) > 0 && len(strings.Join(kept, " ")) > chars {
		kept, cut = kept[:len(kept)-1], true
	}
	if cut {
		rc.Notes = append(rc.Notes, "Search Line limits were exceeded, some search paths have been omitted, the applied search line is: "+strings.Join(kept, " "))
	}
	rc.Searches = kept
}

// Ndots is the effective ndots for a libc: the last ndots option with a number (glibc
// reads every option in order; both cap at 15), or the default 1.
func (rc ResolvConf) Ndots() int {
	n := defaultResolvND
	for _, o := range rc.Options {
		if o.Name != "ndots" || !o.HasValue {
			continue
		}
		v := 0
		if _, err := fmt.Sscanf(o.Value, "%d", &v); err == nil {
			n = min(max(v, 0), 15)
		}
	}
	return n
}

// Text renders the file.
func (rc ResolvConf) Text() string {
	var b strings.Builder
	for _, s := range rc.Nameservers {
		fmt.Fprintf(&b, "nameserver %s\n", s)
	}
	if len(rc.Searches) > 0 {
		fmt.Fprintf(&b, "search %s\n", strings.Join(rc.Searches, " "))
	}
	if len(rc.OptionsText) > 0 {
		fmt.Fprintf(&b, "options %s\n", strings.Join(rc.OptionsText, " "))
	}
	return b.String()
}

func dedupe(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
