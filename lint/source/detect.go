package source

import (
	"regexp"
	"strings"
)

// serverKey matches a server block key that names a zone or port unmistakably:
// [SCHEME://]ZONE[:PORT] where the zone has a dot (".", "example.org", "10.in-addr.arpa")
// or a scheme or port is written. A bare word ("server", "http") is not taken.
var serverKey = regexp.MustCompile(`^(?:(?:dns|tls|grpc|https|quic)://[\w.*/-]*|[\w*/-]*\.[\w.*/-]*|[\w.*/-]*:\d+)(?::\d+)?$`)

// snippetKey matches a snippet definition: (name).
var snippetKey = regexp.MustCompile(`^\([\w.-]+\)$`)

// corefileDirectives are directives that only a Corefile has: web server configurations
// (Caddy, nginx) also say log, errors, bind or rewrite.
var corefileDirectives = map[string]bool{
	"forward": true, "cache": true, "kubernetes": true, "hosts": true, "health": true,
	"reload": true, "loop": true, "template": true, "prometheus": true, "ready": true,
}

// LooksLikeCorefile tells whether s is recognisably a Corefile: its first line (after
// comments) opens a server block or snippet, and a later line is a CoreDNS directive not
// ended by ';' (as nginx directives are), or the block is empty and closed. The one Corefile sniffer: for a file of
// unknown name (Sniff) and for a ConfigMap value under a key that is not `Corefile`.
func LooksLikeCorefile(s string) bool {
	header, closed, other := false, false, false
	for line := range strings.Lines(s) {
		words := strings.Fields(stripComment(line))
		switch {
		case len(words) == 0:
		case !header:
			if !isBlockHeader(words) {
				return false
			}
			header = true
		case corefileDirectives[words[0]] && !strings.HasSuffix(words[len(words)-1], ";"):
			return true
		case len(words) == 1 && words[0] == "}":
			closed = true
		default:
			other = true
		}
	}
	return closed && !other // a server block that is empty: `.:53 {` then `}`
}

// OpensServerBlock tells whether s's first line (after comments) opens a server block or
// snippet (`.:53 {`, `(common) {`): enough for a file the user named, not for a ConfigMap
// value, where Caddy sites (`example.com {`) are common (LooksLikeCorefile).
func OpensServerBlock(s string) bool {
	for line := range strings.Lines(s) {
		if words := strings.Fields(stripComment(line)); len(words) > 0 {
			return isBlockHeader(words)
		}
	}
	return false
}

// stripComment removes a comment: # at the start of a word, to the end of the line.
func stripComment(line string) string {
	for i := range len(line) {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return line[:i]
		}
	}
	return line
}

// isBlockHeader tells whether words are `KEY[,] … {` of a server block or snippet.
func isBlockHeader(words []string) bool {
	last := len(words) - 1
	if words[last] == "{" {
		words = words[:last]
	} else if key, ok := strings.CutSuffix(words[last], "{"); ok {
		words[last] = key
	} else {
		return false
	}
	if len(words) == 1 && snippetKey.MatchString(words[0]) {
		return true
	}
	for _, w := range words {
		if !serverKey.MatchString(strings.TrimSuffix(w, ",")) {
			return false
		}
	}
	return len(words) > 0
}
