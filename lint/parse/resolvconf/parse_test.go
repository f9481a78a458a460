package resolvconf

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
)

const file = "etc/resolv.conf"

// tok is a one-line token at line:col.
func tok(text string, line, col int) model.Token {
	end := col + len([]rune(text)) - 1
	return model.Token{Text: text, Pos: model.Pos{File: file, Line: line, Col: col, EndLine: line, EndCol: end}}
}

func toks(ts ...model.Token) []model.Token { return ts }

func rline(kw model.Token, args ...model.Token) *model.ResolvLine {
	if args == nil {
		args = []model.Token{}
	}
	return &model.ResolvLine{Keyword: kw, Args: args}
}

func opt(name string, value *string, t model.Token) *model.ResolvOption {
	return &model.ResolvOption{Name: name, Value: value, Token: t}
}

func str(s string) *string { return &s }

// filled gives want the empty slices Parse always returns, so that cases list only what they set.
func filled(rc model.ResolvConf) *model.ResolvConf {
	rc.File = file
	rc.Nameservers = orEmpty(rc.Nameservers)
	rc.Search = orEmpty(rc.Search)
	rc.SearchLines = orEmpty(rc.SearchLines)
	rc.DomainLines = orEmpty(rc.DomainLines)
	rc.Options = orEmpty(rc.Options)
	rc.Sortlist = orEmpty(rc.Sortlist)
	rc.Unknown = orEmpty(rc.Unknown)
	return &rc
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want model.ResolvConf
	}{
		{name: "empty", in: ""},
		{name: "blank lines only", in: "\n  \n\t\n"},
		{
			name: "kubelet cluster file",
			in:   "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
			want: model.ResolvConf{
				Nameservers: toks(tok("10.96.0.10", 2, 12)),
				Search:      toks(tok("default.svc.cluster.local", 1, 8), tok("svc.cluster.local", 1, 34), tok("cluster.local", 1, 52)),
				SearchLines: []*model.ResolvLine{rline(tok("search", 1, 1), tok("default.svc.cluster.local", 1, 8), tok("svc.cluster.local", 1, 34), tok("cluster.local", 1, 52))},
				Options:     []*model.ResolvOption{opt("ndots", str("5"), tok("ndots:5", 3, 9))},
			},
		},
		{
			name: "tabs and runs of blanks",
			in:   "nameserver\t 1.1.1.1\t\nsearch  a\t\tb",
			want: model.ResolvConf{
				Nameservers: toks(tok("1.1.1.1", 1, 13)),
				Search:      toks(tok("a", 2, 9), tok("b", 2, 12)),
				SearchLines: []*model.ResolvLine{rline(tok("search", 2, 1), tok("a", 2, 9), tok("b", 2, 12))},
			},
		},
		{
			name: "CRLF and byte order mark",
			in:   "\ufeffnameserver 8.8.8.8\r\nsearch example.org\r\n\r\noptions rotate\r\n",
			want: model.ResolvConf{
				Nameservers: toks(tok("8.8.8.8", 1, 12)),
				Search:      toks(tok("example.org", 2, 8)),
				SearchLines: []*model.ResolvLine{rline(tok("search", 2, 1), tok("example.org", 2, 8))},
				Options:     []*model.ResolvOption{opt("rotate", nil, tok("rotate", 4, 9))},
			},
		},
		{
			name: "comments only in column 1, none trailing",
			in:   "# hash\n; semicolon\n  # indented\nsearch a # b\nnameserver 1.2.3.4 # extra words are ignored\n#nameserver 9.9.9.9\n",
			want: model.ResolvConf{
				Nameservers: toks(tok("1.2.3.4", 5, 12)),
				Search:      toks(tok("a", 4, 8), tok("#", 4, 10), tok("b", 4, 12)),
				SearchLines: []*model.ResolvLine{rline(tok("search", 4, 1), tok("a", 4, 8), tok("#", 4, 10), tok("b", 4, 12))},
			},
		},
		{
			name: "options with values",
			in:   "options ndots:2 timeout: rotate a:b:c\noptions attempts:x :7\n",
			want: model.ResolvConf{Options: []*model.ResolvOption{
				opt("ndots", str("2"), tok("ndots:2", 1, 9)),
				opt("timeout", str(""), tok("timeout:", 1, 17)),
				opt("rotate", nil, tok("rotate", 1, 26)),
				opt("a", str("b:c"), tok("a:b:c", 1, 33)),
				opt("attempts", str("x"), tok("attempts:x", 2, 9)),
				opt("", str("7"), tok(":7", 2, 20)),
			}},
		},
		{
			name: "last search line wins",
			in:   "search a b\nsearch c\n",
			want: model.ResolvConf{
				Search: toks(tok("c", 2, 8)),
				SearchLines: []*model.ResolvLine{
					rline(tok("search", 1, 1), tok("a", 1, 8), tok("b", 1, 10)),
					rline(tok("search", 2, 1), tok("c", 2, 8)),
				},
			},
		},
		{
			name: "domain after search wins with its first word",
			in:   "search a b\ndomain c d\n",
			want: model.ResolvConf{
				Search:      toks(tok("c", 2, 8)),
				SearchLines: []*model.ResolvLine{rline(tok("search", 1, 1), tok("a", 1, 8), tok("b", 1, 10))},
				DomainLines: []*model.ResolvLine{rline(tok("domain", 2, 1), tok("c", 2, 8), tok("d", 2, 10))},
			},
		},
		{
			name: "search after domain wins",
			in:   "domain c\nsearch a\n",
			want: model.ResolvConf{
				Search:      toks(tok("a", 2, 8)),
				SearchLines: []*model.ResolvLine{rline(tok("search", 2, 1), tok("a", 2, 8))},
				DomainLines: []*model.ResolvLine{rline(tok("domain", 1, 1), tok("c", 1, 8))},
			},
		},
		{
			name: "lines glibc skips",
			in:   "nameserver\nnameserver \n  nameserver 10.0.0.1\nsearch\nNameserver 1.1.1.1\nlookup file bind\nsortlist\nsearch a\n",
			want: model.ResolvConf{
				Search:      toks(tok("a", 8, 8)),
				SearchLines: []*model.ResolvLine{rline(tok("search", 8, 1), tok("a", 8, 8))},
				Unknown: []*model.ResolvLine{
					rline(tok("nameserver", 1, 1)),
					rline(tok("nameserver", 2, 1)),
					rline(tok("nameserver", 3, 3), tok("10.0.0.1", 3, 14)),
					rline(tok("search", 4, 1)),
					rline(tok("Nameserver", 5, 1), tok("1.1.1.1", 5, 12)),
					rline(tok("lookup", 6, 1), tok("file", 6, 8), tok("bind", 6, 13)),
					rline(tok("sortlist", 7, 1)),
				},
			},
		},
		{
			name: "sortlist",
			in:   "sortlist 10.0.0.0/255.0.0.0 192.168.1.0\nsortlist 130.155.160.0\n",
			want: model.ResolvConf{Sortlist: []*model.ResolvLine{
				rline(tok("sortlist", 1, 1), tok("10.0.0.0/255.0.0.0", 1, 10), tok("192.168.1.0", 1, 29)),
				rline(tok("sortlist", 2, 1), tok("130.155.160.0", 2, 10)),
			}},
		},
		{
			name: "values are kept as written",
			in:   "nameserver not-an-ip\nnameserver fe80::1%eth0\nnameserver 1.1.1.1\nnameserver 8.8.8.8\n",
			want: model.ResolvConf{Nameservers: toks(
				tok("not-an-ip", 1, 12), tok("fe80::1%eth0", 2, 12), tok("1.1.1.1", 3, 12), tok("8.8.8.8", 4, 12),
			)},
		},
		{
			name: "columns count characters",
			in:   "search é.example b\u00a0c d",
			want: model.ResolvConf{
				Search:      toks(tok("é.example", 1, 8), tok("b\u00a0c", 1, 18), tok("d", 1, 22)),
				SearchLines: []*model.ResolvLine{rline(tok("search", 1, 1), tok("é.example", 1, 8), tok("b\u00a0c", 1, 18), tok("d", 1, 22))},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := Parse(file, []byte(tt.in))
			if errs != nil {
				t.Fatalf("Parse() errors = %v", errs)
			}
			if want := filled(tt.want); !reflect.DeepEqual(got, want) {
				t.Errorf("Parse() =\n%s\nwant\n%s", dump(got), dump(want))
			}
		})
	}
}

func TestParseNotText(t *testing.T) {
	for name, c := range map[string]struct {
		in        string
		line, col int
	}{
		"invalid UTF-8": {"nameserver 1.1.1.1\nsearch \xff\xfe\n", 2, 8},
		"NUL byte":      {"nameserver 1.1.1.1\x00\n", 1, 19},
	} {
		t.Run(name, func(t *testing.T) {
			got, errs := Parse(file, []byte(c.in))
			if got != nil {
				t.Errorf("Parse() = %s, want nil", dump(got))
			}
			msg := "not a text file: the resolver reads bytes that are not UTF-8 text (or a NUL) as garbage"
			want := []*model.ParseError{{Format: "resolv", Message: msg, Pos: model.Pos{File: file, Line: c.line, Col: c.col, EndLine: c.line, EndCol: c.col}}}
			if !reflect.DeepEqual(errs, want) {
				t.Errorf("Parse() errors = %s, want %s", dump(errs), dump(want))
			}
		})
	}
}

func dump(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}
