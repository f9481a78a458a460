package kube

import "testing"

func TestCustomKeyFacts(t *testing.T) {
	in := "kind: ConfigMap\n" +
		"metadata: {name: coredns-custom}\n" +
		"data:\n" +
		"  literal.server: |\n" + // 4
		"    example.com:53 {\n" +
		"        forward . 10.0.0.1\n" +
		"    }\n" +
		"  bare.server: |\n" + // 8
		"    # logging for everything\n" +
		"    log\n" +
		"    errors\n" +
		"  second.server: |\n" + // 12
		"    a.example {\n" +
		"    }\n" +
		"    b.example,\n" +
		"      c.example\n" +
		"    forward . 10.0.0.1\n" +
		"  nextline.server: |\n" + // 18
		"    import extra\n" +
		"    d.example\n" +
		"    {\n" +
		"    }\n" +
		"  folded.override: >\n" + // 23
		"    log\n" +
		"    errors\n" +
		"  indented.server: >\n" + // 26
		"    e.example {\n" +
		"      forward . 10.0.0.1\n" +
		"    }\n" +
		"  plain.server:\n" + // 30
		"    f.example:53 {\n" +
		"    forward . 10.0.0.1 }\n" +
		"  oneline.override: log # comment\n" + // 33
		"  quoted.override: \"log\n" +
		"    errors\"\n" +
		"  escaped.override: \"log\\nerrors\\n\"\n" + // 36
		"  single.override: 'it''s'\n"
	res := parseOne(t, in)
	data := []byte(in)
	if err := checkPositions(res, "a.yaml", len(fileLines(data))); err != nil {
		t.Error(err)
	}
	type want struct {
		joined   bool
		scalar   string // text at ScalarPos
		unbraced string // text at Unbraced.Pos, "" when nil
	}
	wants := map[string]want{
		"literal.server":   {false, "|", ""},
		"bare.server":      {false, "|", "log"},
		"second.server":    {false, "|", "b.example,"},
		"nextline.server":  {false, "|", ""},
		"folded.override":  {true, ">", ""},
		"indented.server":  {false, ">", ""},
		"plain.server":     {true, "f.example:53 {", ""},
		"oneline.override": {false, "log", ""},
		"quoted.override":  {true, "\"log", ""},
		"escaped.override": {false, "\"log\\nerrors\\n\"", ""},
		"single.override":  {false, "'it''s'", ""},
	}
	keys := res.Customs[0].Custom.Keys
	if len(keys) != len(wants) {
		t.Fatalf("%d keys", len(keys))
	}
	for _, k := range keys {
		w := wants[k.Key.Text]
		got := want{k.Joined, textAt(data, k.ScalarPos), ""}
		if k.Unbraced != nil {
			got.unbraced = textAt(data, k.Unbraced.Pos)
			if k.Unbraced.Text != got.unbraced {
				t.Errorf("%s: unbraced %q at %q", k.Key.Text, k.Unbraced.Text, got.unbraced)
			}
		}
		if got != w {
			t.Errorf("%s: got %+v, want %+v", k.Key.Text, got, w)
		}
	}
}
