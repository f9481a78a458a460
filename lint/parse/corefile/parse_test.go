package corefile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/coredns/caddy/caddyfile"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

func parseString(t *testing.T, body string) (*Result, error) {
	t.Helper()
	return Parse(&source.Text{File: "Corefile", Name: "Corefile", Body: []byte(body)}, nil)
}

func TestPositions(t *testing.T) {
	body := "# comment\n.:53 example.org {\n    errors\n\tforward . 1.2.3.4#53 \"quoted arg\" {\n        force_tcp\n    }\n  cache 30\n}\n"
	res, err := parseString(t, body)
	if err != nil {
		t.Fatal(err)
	}
	b := res.Blocks[0]
	want := map[string]model.Pos{
		".:53":        {File: "Corefile", Line: 2, Col: 1, EndLine: 2, EndCol: 4},
		"example.org": {File: "Corefile", Line: 2, Col: 6, EndLine: 2, EndCol: 16},
	}
	for _, k := range b.Keys {
		if k.Pos != want[k.Text] {
			t.Errorf("key %s at %+v, want %+v", k.Text, k.Pos, want[k.Text])
		}
	}
	if b.Keys[0].Zone != "." || b.Keys[0].Port != "53" || b.Keys[1].Zone != "example.org." || b.Keys[1].PortExplicit {
		t.Errorf("keys parsed wrong: %+v %+v", b.Keys[0], b.Keys[1])
	}
	var names []string
	for _, d := range b.Directives {
		names = append(names, d.Name)
	}
	if got := strings.Join(names, " "); got != "errors forward cache" {
		t.Fatalf("directives %q", got)
	}
	fwd := b.Directives[1]
	if fwd.Pos.Line != 4 || fwd.Pos.Col != 2 {
		t.Errorf("forward at %v", fwd.Pos)
	}
	if len(fwd.Args) != 3 || fwd.Args[1].Text != "1.2.3.4" || fwd.Args[2].Text != "quoted arg" {
		t.Fatalf("forward args %+v", fwd.Args)
	}
	if p := fwd.Args[2].Pos; p.Col != 23 || p.EndCol != 34 {
		t.Errorf("quoted arg at %v..%d, want col 23..34", p, p.EndCol)
	}
	if len(fwd.Block) != 1 || fwd.Block[0].Name != "force_tcp" || fwd.Block[0].Pos.Line != 5 || fwd.Block[0].Pos.Col != 9 {
		t.Errorf("forward block %+v", fwd.Block)
	}
	if p := b.Directives[2].Args[0].Pos; p.Line != 7 || p.Col != 9 || p.EndCol != 10 {
		t.Errorf("cache ttl at %v", p)
	}
}

func TestEmbeddedPositions(t *testing.T) {
	text := &source.Text{File: "cm.yaml", Name: "/etc/coredns/Corefile", Body: []byte(".:53 {\n  cache 5\n}\n"), Lines: source.Shift{First: 7, Indent: 4}}
	res, err := Parse(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := res.Blocks[0].Directives[0].Args[0].Pos
	if want := (model.Pos{File: "cm.yaml", Line: 8, Col: 13, EndLine: 8, EndCol: 13}); got != want {
		t.Errorf("got %+v want %+v", got, want)
	}
}

func TestErrorsMatchCoreDNS(t *testing.T) {
	cases := map[string]string{
		".:53 {\n  forward . 1.1.1.1 }\n}\n":  "Corefile:2 - Error during parsing: Unexpected '}' because no matching opening brace",
		".:53 {\n  forward . 1.1.1.1 {\n":     "Corefile:2 - Error during parsing: Unexpected EOF",
		".:53 {\n  errors\n":                  "Corefile:2 - Syntax error: Unexpected token 'errors', expecting '}'",
		"a.com, {\n}\n":                       "Corefile:1 - Error during parsing: Expected another address but had '{' - check for extra comma",
		".:53 {\n  import\n}\n":               "Corefile:2 - Error during parsing: Wrong argument count or unexpected line ending after 'import'",
		".:53 {\n  import a b\n}\n":           "Corefile:2 - Error during parsing: Import takes only one argument (glob pattern or file)",
		"(s) {\n log\n}\n(s) {\n errors\n}\n": "Corefile:4 - Error during parsing: redeclaration of previously declared snippet s",
	}
	for body, want := range cases {
		_, err := parseString(t, body)
		if err == nil || err.Error() != want {
			t.Errorf("%q: got %v, want %s", body, err, want)
		}
		_, cerr := caddyfile.Parse("Corefile", strings.NewReader(body), nil)
		if cerr == nil || cerr.Error() != want {
			t.Errorf("%q: caddy says %v, test expects %s", body, cerr, want)
		}
	}
}

func TestSnippetAndOrder(t *testing.T) {
	res, err := parseString(t, "(common) {\n  errors\n  cache 30\n}\nexample.org {\n  forward . 1.1.1.1\n  import common\n  log\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Blocks[0].Directives {
		got = append(got, d.Name+"@"+d.Pos.String()+strings.Join(d.Via, ">"))
	}
	want := "forward@Corefile:6:3 errors@Corefile:2:3(common) cache@Corefile:3:3(common) log@Corefile:8:3"
	if strings.Join(got, " ") != want {
		t.Errorf("got %s", strings.Join(got, " "))
	}
}

// TestAgreesWithCaddy parses every Corefile fixture with caddy's own parser and with
// ours: both accept or reject it alike, and group the same tokens under each directive.
func TestAgreesWithCaddy(t *testing.T) {
	files, _ := filepath.Glob("../../../testdata/**/*corefile*")
	more, _ := filepath.Glob("../../../testdata/*/*/*/*")
	files = append(files, more...)
	files = append(files, "testdata/agree.corefile")
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	disk := DiskFS{Files: source.Roots{Dirs: []string{repo}}}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || bytes.Contains(b, []byte("{$")) || !looksLikeCorefile(f) {
			continue
		}
		n++
		mine, merr := Parse(&source.Text{File: f, Name: f, Body: b}, disk)
		if _, limit := errors.AsType[*LimitError](merr); limit {
			continue // past dnslint's own limit, which caddy does not have
		}
		if merr == nil && slices.ContainsFunc(mine.Imports, func(i *model.Import) bool { return len(i.Unread) > 0 }) {
			continue // an import dnslint does not read (outside the roots, hidden), which caddy reads
		}
		theirs, cerr := caddyfile.Parse(f, bytes.NewReader(b), nil)
		if (merr == nil) != (cerr == nil) {
			t.Errorf("%s: ours %v, caddy %v", f, merr, cerr)
			continue
		}
		if cerr != nil {
			if merr.Error() != cerr.Error() {
				t.Errorf("%s: ours %q, caddy %q", f, merr, cerr)
			}
			continue
		}
		if got, want := groups(mine), caddyGroups(theirs); got != want {
			t.Errorf("%s:\nours  %s\ncaddy %s", f, got, want)
		}
	}
	if n == 0 {
		t.Fatal("no Corefile fixture found")
	}
}

func looksLikeCorefile(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	return strings.Contains(base, "corefile") || strings.HasSuffix(base, ".server") || strings.HasSuffix(base, ".override")
}

// groups renders our blocks the way caddy groups tokens: per block, per directive name.
func groups(r *Result) string {
	var out []string
	for _, b := range r.Blocks {
		var keys []string
		for _, k := range b.Keys {
			keys = append(keys, k.Text)
		}
		m := map[string][]string{}
		for _, d := range b.Directives {
			m[d.Name] = append(m[d.Name], flatten(d)...)
		}
		out = append(out, strings.Join(keys, ",")+render(m))
	}
	return strings.Join(out, " | ")
}

func flatten(d *model.Directive) []string {
	out := []string{d.Name}
	for _, a := range d.Args[:argsBeforeBlock(d)] {
		out = append(out, a.Text)
	}
	// An empty block goes after all arguments (nothing tells whether they stood before or
	// after its braces); render drops empty blocks on both sides.
	if d.HasBlock {
		out = append(out, "{")
		for _, l := range d.Block {
			out = append(out, flatten(l)...)
		}
		out = append(out, "}")
	}
	for _, a := range d.Args[argsBeforeBlock(d):] {
		out = append(out, a.Text)
	}
	return out
}

func argsBeforeBlock(d *model.Directive) int {
	if len(d.Block) == 0 {
		return len(d.Args)
	}
	n := 0
	for _, a := range d.Args {
		if a.Pos.Less(d.Block[0].Pos) {
			n++
		}
	}
	return n
}

func caddyGroups(blocks []caddyfile.ServerBlock) string {
	var out []string
	for _, b := range blocks {
		m := map[string][]string{}
		for dir, toks := range b.Tokens {
			for _, t := range toks {
				m[dir] = append(m[dir], t.Text)
			}
		}
		out = append(out, strings.Join(b.Keys, ",")+render(m))
	}
	return strings.Join(out, " | ")
}

func render(m map[string][]string) string {
	var names []string
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	var s []string
	for _, n := range names {
		s = append(s, n+"["+strings.Join(dropEmptyBlocks(m[n]), " ")+"]")
	}
	return "{" + strings.Join(s, ";") + "}"
}

func TestKeysAsCoreDNSReadsThem(t *testing.T) {
	cases := []struct {
		text, scheme, zone, port string
		explicit                 bool
		zones                    []string
		err                      string
	}{
		{text: ".:53", scheme: "dns", zone: ".", port: "53", explicit: true},
		{text: "Example.ORG", scheme: "dns", zone: "example.org.", port: "53"},
		{text: "tls://example.org", scheme: "tls", zone: "example.org.", port: "853"},
		{text: "grpc://.:8443", scheme: "grpc", zone: ".", port: "8443", explicit: true},
		{text: "example.org:053", scheme: "dns", zone: "example.org.", port: "53", explicit: true},
		{text: "example.org:99999", scheme: "dns", zone: "example.org.", port: "99999", explicit: true},
		{text: "example.org:abc", scheme: "dns", zone: "example.org:abc.", port: "53"},
		{text: "udp://example.org", scheme: "udp", zone: "example.org.", port: ""},
		{text: "DNS://example.org", scheme: "DNS", zone: "example.org.", port: ""},
		{text: "}", scheme: "dns", zone: "}.", port: "53"},
		{text: ":53", scheme: "dns", zone: ".", port: "53", explicit: true, err: "zone is not a valid domain name: "},
		{text: "example.org:", scheme: "dns", zone: "example.org.", port: "53", err: `expecting data after last colon: "example.org:"`},
		{text: "a..example.org", scheme: "dns", zone: "a..example.org.", port: "53", err: "zone is not a valid domain name: a..example.org"},
		{text: "10.0.0.0/24", scheme: "dns", zone: "0.0.10.in-addr.arpa.", port: "53"},
		{text: "10.0.0.0/23:5353", scheme: "dns", zone: "0.0.10.in-addr.arpa.", port: "5353", explicit: true,
			zones: []string{"0.0.10.in-addr.arpa.", "1.0.10.in-addr.arpa."}},
		{text: "fd00::/16", scheme: "dns", zone: "0.0.d.f.ip6.arpa.", port: "53"},
		{text: "fd00::/15", scheme: "dns", zone: "0.0.d.f.ip6.arpa.", port: "53",
			zones: []string{"0.0.d.f.ip6.arpa.", "1.0.d.f.ip6.arpa."}},
	}
	for _, c := range cases {
		k := parseKey(c.text, model.Pos{})
		zones := c.zones
		if zones == nil {
			zones = []string{c.zone}
		}
		if k.Scheme != c.scheme || k.Zone != c.zone || k.Port != c.port || k.PortExplicit != c.explicit || k.Error != c.err ||
			strings.Join(k.Zones, " ") != strings.Join(zones, " ") {
			t.Errorf("%s: got scheme %q zone %q zones %v port %q explicit %v error %q", c.text, k.Scheme, k.Zone, k.Zones, k.Port, k.PortExplicit, k.Error)
		}
	}
	if k := parseKey("Example.ORG:53", model.Pos{}); k.ZoneWritten != "Example.ORG." {
		t.Errorf("zone as written %q", k.ZoneWritten)
	}
	if k := parseKey(strings.Repeat("a.", 128), model.Pos{}); k.Error != "specified zone is too long: 256 > 255" {
		t.Errorf("long zone: %q", k.Error)
	}
}

func TestTruncatedWords(t *testing.T) {
	body := "(s) {\n  log x#y\n}\nexample.org#a {\n  forward . 1.2.3.4#53 \"5.6.7.8#x\" 9.9.9.9#a#b # comment\n  import s\n  import s\n}\n"
	res, err := parseString(t, body)
	if err != nil {
		t.Fatal(err)
	}
	b := res.Blocks[0]
	if b.Keys[0].Text != "example.org" {
		t.Fatalf("key %q", b.Keys[0].Text)
	}
	var got []string
	for _, tr := range b.Truncated {
		got = append(got, fmt.Sprintf("%s|%s@%d:%d-%d%v", tr.Text, tr.Dropped, tr.Pos.Line, tr.Pos.Col, tr.Pos.EndCol, tr.Via))
	}
	want := "example.org|#a@4:12-13[] 1.2.3.4|#53@5:20-22[] 9.9.9.9|#a#b@5:43-46[] x|#y@2:8-9[(s)]"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	if args := b.Directives[0].Args; len(args) != 4 || args[2].Text != "5.6.7.8#x" || args[3].Text != "9.9.9.9" {
		t.Errorf("forward args %+v", args)
	}
}

func TestTruncatedEmbeddedPosition(t *testing.T) {
	text := &source.Text{File: "cm.yaml", Name: "/etc/coredns/Corefile", Body: []byte(".:53 {\n  forward . 1.2.3.4#53\n}\n"), Lines: source.Shift{First: 7, Indent: 4}}
	res, err := Parse(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := res.Blocks[0].Truncated[0].Pos
	if want := (model.Pos{File: "cm.yaml", Line: 8, Col: 24, EndLine: 8, EndCol: 26}); got != want {
		t.Errorf("got %+v want %+v", got, want)
	}
}

// dropEmptyBlocks drops every `{` directly followed by `}` until none is left: the model
// does not say where an empty block stood among its line's arguments, so nests of empty
// blocks compare equal wherever their arguments were written.
func dropEmptyBlocks(toks []string) []string {
	for {
		var out []string
		for i := 0; i < len(toks); i++ {
			if i+1 < len(toks) && toks[i] == "{" && toks[i+1] == "}" {
				i++
				continue
			}
			out = append(out, toks[i])
		}
		if len(out) == len(toks) {
			return out
		}
		toks = out
	}
}
