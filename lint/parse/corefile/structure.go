package corefile

import (
	"strings"

	"github.com/miekg/dns"

	"github.com/dnslint/dnslint/lint/model"
)

// defaultPorts are the ports CoreDNS gives each transport (plugin/pkg/transport).
var defaultPorts = map[string]string{
	"dns": "53", "tls": "853", "quic": "853", "grpc": "443", "https": "443", "https3": "443",
}

// parseKey splits a server block key [SCHEME://]ZONE[:PORT] and normalizes the zone
// (lower case, fully qualified), as CoreDNS 1.14.7 does.
func parseKey(text string, pos model.Pos) *model.ServerKey {
	k := &model.ServerKey{Text: text, Scheme: "dns", Pos: pos}
	rest := text
	if i := strings.Index(rest, "://"); i >= 0 {
		k.Scheme, rest = strings.ToLower(rest[:i]), rest[i+3:]
	}
	host := rest
	if i := strings.LastIndex(rest, ":"); i >= 0 && !strings.Contains(rest[:i], ":") {
		host, k.Port, k.PortExplicit = rest[:i], rest[i+1:], true
	}
	if !k.PortExplicit {
		k.Port = defaultPorts[k.Scheme]
	}
	k.Zone = "."
	if host != "" {
		k.Zone = dns.Fqdn(strings.ToLower(host))
	}
	return k
}

// structure turns the tokens caddy collects for one directive (name, arguments and a
// `{ }` block with nested lines) into a Directive.
func structure(toks []token) *model.Directive {
	d := &model.Directive{Name: toks[0].text, Pos: toks[0].pos, Via: toks[0].via, Args: []model.Token{}}
	i := 1
	for ; i < len(toks) && toks[i].text != "{"; i++ {
		d.Args = append(d.Args, modelToken(toks[i]))
	}
	if i == len(toks) {
		return d
	}
	d.HasBlock = true
	depth, j := 0, i
	for ; j < len(toks); j++ {
		switch toks[j].text {
		case "{":
			depth++
		case "}":
			depth--
		}
		if depth == 0 {
			break
		}
	}
	end := min(j, len(toks))
	d.Block = lines(toks[i+1 : end])
	for k := end + 1; k < len(toks); k++ {
		d.Args = append(d.Args, modelToken(toks[k]))
	}
	return d
}

// lines splits the inside of a block into its lines, each structured as a directive.
func lines(toks []token) []*model.Directive {
	out := []*model.Directive{}
	start, depth := 0, 0
	for k := range toks {
		if k > start && depth == 0 && !sameLine(&toks[k-1], &toks[k]) {
			out = append(out, structure(toks[start:k]))
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
		out = append(out, structure(toks[start:]))
	}
	return out
}

func modelToken(t token) model.Token { return model.Token{Text: t.text, Pos: t.pos} }
