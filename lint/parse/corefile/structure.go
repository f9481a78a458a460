package corefile

import (
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/miekg/dns"

	"github.com/dnslint/dnslint/lint/model"
)

// defaultPorts are the transports CoreDNS strips from a key (plugin/pkg/parse.Transport,
// case-sensitive) with their default ports (plugin/pkg/transport).
var defaultPorts = map[string]string{
	"dns": "53", "tls": "853", "quic": "853", "grpc": "443", "https": "443", "https3": "443",
}

// parseKey reads a server block key [SCHEME://]ZONE[:PORT] as CoreDNS 1.14.7 does
// (core/dnsserver/register.go InspectServerBlocks, plugin.SplitHostPort): the text after
// the last colon is the port only when it is a number, the zone must be a domain name
// (miekg/dns IsDomainName) or a reverse CIDR, and zones are lower-cased.
func parseKey(text string, pos model.Pos) *model.ServerKey {
	k := &model.ServerKey{Text: text, Scheme: "dns", Pos: pos}
	rest := text
	if i := strings.Index(rest, "://"); i >= 0 {
		k.Scheme, rest = rest[:i], rest[i+3:]
	}
	host := rest
	if colon := strings.LastIndex(rest, ":"); colon >= 0 && colon == len(rest)-1 {
		k.Error = fmt.Sprintf("expecting data after last colon: %q", rest)
		host = rest[:colon]
	} else if colon >= 0 {
		if p, err := strconv.Atoi(rest[colon+1:]); err == nil {
			k.Port, k.PortExplicit, host = strconv.Itoa(p), true, rest[:colon]
		}
	}
	if !k.PortExplicit {
		k.Port = defaultPorts[k.Scheme]
	}
	if k.Error == "" {
		k.Error = hostError(host)
	}
	if _, n, err := net.ParseCIDR(host); err == nil && k.Error == "" {
		k.Zones = reverseZones(n)
		k.Zone, k.ZoneWritten = k.Zones[0], k.Zones[0]
		return k
	}
	if k.Error == "" {
		k.Error = hostError(dns.Fqdn(host))
	}
	k.ZoneWritten = dns.Fqdn(host)
	k.Zone = strings.ToLower(k.ZoneWritten)
	k.Zones = []string{k.Zone}
	return k
}

// hostError is the error plugin.SplitHostPort returns for a zone, "" when there is none.
func hostError(host string) string {
	if len(host) > 255 {
		return fmt.Sprintf("specified zone is too long: %d > 255", len(host))
	}
	if _, ok := dns.IsDomainName(host); !ok {
		return fmt.Sprintf("zone is not a valid domain name: %s", host)
	}
	return ""
}

// reverseZones are the reverse zones a network is served as: one when its prefix ends on
// a label boundary (an octet for IPv4, a nibble for IPv6), else one per value of the next
// label (10.0.0.0/23 is 0.0.10.in-addr.arpa. and 1.0.10.in-addr.arpa.).
func reverseZones(n *net.IPNet) []string {
	ones, bits := n.Mask.Size()
	size, base, suffix := 8, 10, "in-addr.arpa."
	ip := []byte(n.IP.To4())
	if ip == nil {
		size, base, suffix, ip = 4, 16, "ip6.arpa.", []byte(n.IP.To16())
	}
	label := func(i int) int { // the i-th label of the address, most significant first
		if size == 8 {
			return int(ip[i])
		}
		if i%2 == 0 {
			return int(ip[i/2] >> 4)
		}
		return int(ip[i/2] & 0x0f)
	}
	format := func(v int) string { return strconv.FormatInt(int64(v), base) }
	for i := range ones / size {
		suffix = format(label(i)) + "." + suffix
	}
	if ones%size == 0 || ones == bits {
		return []string{suffix}
	}
	first, free := label(ones/size), size-ones%size
	var zones []string
	for v := first; v < first+1<<free; v++ {
		zones = append(zones, format(v)+"."+suffix)
	}
	return zones
}

// maxDepth is how deep `{ }` blocks nest in the model. No plugin reads more than two
// levels; from maxDepth on, the words of a line stay its arguments, braces included, so
// that a Corefile of a hundred thousand nested blocks costs no more than a flat one.
const maxDepth = 16

// structure turns the tokens caddy collects for one directive (name, arguments and a
// `{ }` block with nested lines) into a Directive.
func structure(toks []slot) *model.Directive { return structureAt(toks, 1) }

func structureAt(toks []slot, depth int) *model.Directive {
	d := &model.Directive{Name: toks[0].text, Pos: toks[0].pos, Via: toks[0].via.slice(), Args: []model.Token{}}
	if depth >= maxDepth {
		for _, t := range toks[1:] {
			d.Args = append(d.Args, modelToken(t))
		}
		return d
	}
	i := 1
	for ; i < len(toks) && toks[i].text != "{"; i++ {
		d.Args = append(d.Args, modelToken(toks[i]))
	}
	if i == len(toks) {
		return d
	}
	d.HasBlock = true
	open, j := 0, i
	for ; j < len(toks); j++ {
		switch toks[j].text {
		case "{":
			open++
		case "}":
			open--
		}
		if open == 0 {
			break
		}
	}
	end := min(j, len(toks))
	d.Block = lines(toks[i+1:end], depth+1)
	for k := end + 1; k < len(toks); k++ {
		d.Args = append(d.Args, modelToken(toks[k]))
	}
	return d
}

// lines splits the inside of a block into its lines, each structured as a directive.
func lines(toks []slot, level int) []*model.Directive {
	out := []*model.Directive{}
	start, depth := 0, 0
	for k := range toks {
		if k > start && depth == 0 && !sameLine(&toks[k-1], &toks[k]) {
			out = append(out, structureAt(toks[start:k], level))
			start = k
		}
		switch toks[k].text {
		case "{":
			depth++
		case "}":
			depth--
		}
	}
	if start < len(toks) {
		out = append(out, structureAt(toks[start:], level))
	}
	return out
}

func modelToken(t slot) model.Token { return model.Token{Text: t.text, Pos: t.pos} }
