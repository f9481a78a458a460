package compose

import (
	"bytes"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/kube"
	"github.com/dnslint/dnslint/lint/source"
)

// FuzzCompose composes a main Corefile with an .override and a .server key: no panic, no
// hang, and every position lies inside the file it names.
func FuzzCompose(f *testing.F) {
	f.Add(".:53 {\n    errors\n    import custom/*.override\n}\nimport custom/*.server\n", "log\n", "example.com {\n    forward . 10.0.0.1\n}\n")
	f.Add(".:53 {\n    import custom/*\n}\n", "import custom/*.override\n", "import custom/*.server\n")
	f.Add("(s) {\n    import s\n}\n.:53 {\n    import s\n}\n", "}", "{")
	f.Add(".:53 {\n    import custom/a.override\n}\n", "cache 30 {\n", "import ../Corefile\n")
	f.Fuzz(func(t *testing.T, main, override, server string) {
		files := map[string][]byte{"coredns.yaml": []byte(main), "custom.yaml": []byte(override + "\n" + server)}
		mainText := &source.Text{File: "coredns.yaml", Name: "/etc/coredns/Corefile", Body: []byte(main)}
		ov := &source.Text{File: "custom.yaml", Name: "/etc/coredns/custom/a.override", Body: []byte(override)}
		sv := &source.Text{File: "custom.yaml", Name: "/etc/coredns/custom/b.server", Body: []byte(server),
			Lines: source.Shift{First: bytes.Count([]byte(override), []byte("\n")) + 2, Indent: 0}}
		custom := &kube.CustomConfigMap{
			Custom: &model.Custom{Keys: []*model.CustomKey{
				{Key: model.Token{Text: "a.override"}, Kind: "override"},
				{Key: model.Token{Text: "b.server"}, Kind: "server"},
			}},
			Texts: map[string]*source.Text{"a.override": ov, "b.server": sv},
		}
		out, err := Compose(Input{
			Embedded: []*kube.CorefileText{{Object: model.Object{Kind: "ConfigMap", Name: "coredns"}, Key: "Corefile", Text: mainText}},
			Customs:  []*kube.CustomConfigMap{custom},
		})
		if err != nil {
			t.Fatal(err)
		}
		check := func(p model.Pos) {
			b, ok := files[p.File]
			if !ok {
				return // the platform default Corefile
			}
			lines := bytes.Count(b, []byte("\n")) + 1
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("position %+v outside %s (%d lines)", p, p.File, lines)
			}
		}
		for _, e := range out.Errors {
			check(e.Pos)
		}
		for _, cf := range out.Corefiles {
			for _, b := range cf.ServerBlocks {
				for _, k := range b.Keys {
					check(k.Pos)
				}
				var walk func([]*model.Directive)
				walk = func(ds []*model.Directive) {
					for _, d := range ds {
						check(d.Pos)
						for _, a := range d.Args {
							check(a.Pos)
						}
						walk(d.Block)
					}
				}
				walk(b.Directives)
			}
		}
	})
}
