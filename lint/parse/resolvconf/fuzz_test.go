package resolvconf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
)

// FuzzParse checks that Parse never panics and that every token is found, as written, at
// its position in the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"nameserver 10.96.0.10\nsearch a.svc.cluster.local cluster.local\noptions ndots:5 timeout:2\n",
		"\ufeffdomain x\r\nsearch  y\t z\r\n# c\n; c\n  nameserver 1.1.1.1\nsortlist 1.2.3.4/8\noptions a:b:c :\n",
		"search é\u00a0b\nnameserver\n",
		"\xff\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rc, errs := Parse(file, data)
		if rc == nil {
			if len(errs) != 1 || errs[0].Pos.Line < 1 || errs[0].Pos.Line > bytes.Count(data, []byte("\n"))+1 {
				t.Fatalf("nil ResolvConf with errors %v", errs)
			}
			return
		}
		var lines [][]rune
		for l := range strings.SplitSeq(string(bytes.TrimPrefix(data, bom)), "\n") {
			lines = append(lines, []rune(l))
		}
		check := func(tk model.Token) {
			p := tk.Pos
			if p.File != file || p.Line < 1 || p.Line > len(lines) || p.EndLine != p.Line || p.Col < 1 || p.EndCol < p.Col {
				t.Fatalf("token %q has a bad position %+v", tk.Text, p)
			}
			line := lines[p.Line-1]
			if p.EndCol > len(line) || string(line[p.Col-1:p.EndCol]) != tk.Text {
				t.Fatalf("token %q is not at %+v in %q", tk.Text, p, string(line))
			}
		}
		for _, tk := range append(rc.Nameservers, rc.Search...) {
			check(tk)
		}
		for _, ls := range [][]*model.ResolvLine{rc.SearchLines, rc.DomainLines, rc.Sortlist, rc.Unknown} {
			for _, l := range ls {
				check(l.Keyword)
				for _, a := range l.Args {
					check(a)
				}
			}
		}
		for _, o := range rc.Options {
			check(o.Token)
			text := o.Name
			if o.Value != nil {
				text += ":" + *o.Value
			}
			if text != o.Token.Text {
				t.Fatalf("option %q reads as %q", o.Token.Text, text)
			}
		}
	})
}
