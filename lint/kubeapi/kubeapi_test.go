package kubeapi

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

const customJSON = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"coredns-custom","namespace":"kube-system",
 "managedFields":[{"manager":"kubectl"}],
 "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}},
 "data":{"upstream.override":"# CHG-4411\nforce_tcp\n","ok.server":"example.org:53 {\n    forward . 10.0.0.1\n}\n"}}`

func TestRenderRoundTrip(t *testing.T) {
	obj := map[string]any{
		"apiVersion": "v1", "kind": "ConfigMap",
		"metadata": map[string]any{"name": "x", "namespace": "ns", "labels": map[string]any{"app.kubernetes.io/name": "y", "on": "true"}},
		"data": map[string]any{
			"Corefile":  ".:53 {\n    errors\n\tcache 30   \n\n    forward . /etc/resolv.conf\n}\n",
			"strip":     "a\nb",
			"keep":      "a\n\n\n",
			"leading":   "\n  indented first\nnext",
			"spaces":    "x\n   \ny\n",
			"crlf":      "a\r\nb\r\n",
			"control":   "a\x01\nb",
			"single":    "just one line",
			"quote":     "\"#: {x}",
			"docmarker": "---\n...\n",
			"nel":       "a\u0085b\nc",
			"empty":     "",
			"":          "empty key",
		},
		"spec": map[string]any{
			"list":  []any{map[string]any{"a": "1\n2\n", "b": []any{"x\ny", []any{}, map[string]any{}}}, []any{"n", 1.5, true, nil}},
			"empty": map[string]any{},
		},
	}
	want := deepCopy(t, obj)
	o, err := FromMap(obj, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := yaml.Unmarshal(o.File.Data, &got); err != nil {
		t.Fatalf("rendering is not YAML: %v\n%s", err, o.File.Data)
	}
	if !reflect.DeepEqual(normalize(t, got), normalize(t, want)) {
		t.Fatalf("round trip differs: %v\n%s", diffPaths("", normalize(t, got), normalize(t, want)), o.File.Data)
	}
	if !strings.Contains(string(o.File.Data), "  Corefile: |2\n") {
		t.Errorf("Corefile is not a literal block:\n%s", o.File.Data)
	}
	if o.ID != "ns/ConfigMap/x" {
		t.Errorf("ID = %q", o.ID)
	}
}

// normalize makes YAML and JSON decodings comparable (numbers as float64).
func normalize(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func deepCopy(t *testing.T, v map[string]any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFromJSONMetaAndCleanup(t *testing.T) {
	o, err := FromJSON([]byte(`{"metadata":{"generateName":"web-","managedFields":[1]},"spec":{"dnsPolicy":"None"},"status":{"phase":"x"}}`),
		Meta{APIVersion: "v1", Kind: "Pod", Namespace: "default"})
	if err != nil {
		t.Fatal(err)
	}
	if o.ID != "default/Pod/web-*" {
		t.Errorf("ID = %q", o.ID)
	}
	s := string(o.File.Data)
	for _, bad := range []string{"managedFields", "status", "phase"} {
		if strings.Contains(s, bad) {
			t.Errorf("rendering keeps %s:\n%s", bad, s)
		}
	}
	if !strings.HasPrefix(s, "apiVersion: \"v1\"\nkind: \"Pod\"\nmetadata:\n") {
		t.Errorf("rendering does not start with apiVersion, kind, metadata:\n%s", s)
	}
	for _, bad := range []string{`[]`, `"x"`, `{"a":1} {}`, `nul`} {
		if _, err := FromJSON([]byte(bad), Meta{}); err == nil {
			t.Errorf("FromJSON(%s): no error", bad)
		}
	}
}

func TestLocateAndLint(t *testing.T) {
	o, err := FromJSON([]byte(customJSON), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(o.File.Data), "last-applied") {
		t.Errorf("last-applied-configuration kept")
	}
	l, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Lint(context.Background(), Files([]*Object{o}))
	if err != nil {
		t.Fatal(err)
	}
	var raw model.Pos
	for _, f := range res.Findings {
		if f.RuleID == "forward/option-outside-block" {
			raw = f.Pos
		}
	}
	if raw.File == "" {
		t.Fatalf("no forward/option-outside-block finding: %+v\n%s", res.Findings, o.File.Data)
	}
	want := "kube-system/ConfigMap/coredns-custom/upstream.override:2:1"
	if got := o.Describe(raw); got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	res.Sources = Remap(res.Findings, res.Sources, []*Object{o})
	var found bool
	for _, f := range res.Findings {
		if f.RuleID == "forward/option-outside-block" {
			found = true
			if f.Pos.String() != want || f.Pos.EndCol != len("force_tcp") {
				t.Errorf("remapped to %+v", f.Pos)
			}
			if string(res.Sources[f.Pos.File]) != "# CHG-4411\nforce_tcp\n" {
				t.Errorf("source of %s = %q", f.Pos.File, res.Sources[f.Pos.File])
			}
		}
	}
	if !found {
		t.Error("finding lost by Remap")
	}
}

func TestDescribeField(t *testing.T) {
	const dep = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      dnsPolicy: None
      dnsConfig:
        options:
        - name: ndots
          value: "15"
`
	raw, err := sigsyaml.YAMLToJSON([]byte(dep))
	if err != nil {
		t.Fatal(err)
	}
	o, err := FromJSON(raw, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(o.File.Data), "\n")
	for i, line := range lines {
		if strings.Contains(line, `value: "15"`) {
			got := o.Describe(model.Pos{File: o.ID, Line: i + 1, Col: 5})
			if want := "shop/Deployment/web spec.template.spec.dnsConfig.options[0].value"; got != want {
				t.Errorf("Describe = %q, want %q\n%s", got, want, o.File.Data)
			}
			return
		}
	}
	t.Fatalf("value not rendered:\n%s", o.File.Data)
}

func diffPaths(path string, a, b any) []string {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		var out []string
		for k := range am {
			out = append(out, diffPaths(path+"."+k, am[k], bm[k])...)
		}
		for k := range bm {
			if _, ok := am[k]; !ok {
				out = append(out, path+"."+k+" missing")
			}
		}
		return out
	}
	if !reflect.DeepEqual(a, b) {
		return []string{path + ": " + strings.ReplaceAll(fmt.Sprintf("%q != %q", a, b), "\n", `\n`)}
	}
	return nil
}

// TestRenderRandomStrings renders many strings made of the characters that make YAML
// hard (breaks, spaces, tabs, indicators, quotes, NEL) and requires them back unchanged.
func TestRenderRandomStrings(t *testing.T) {
	alphabet := []string{"\n", "\n", " ", "  ", "\t", "a", "#", ":", "- ", "|", ">", "\"", "'", "{", "}", "\\", "é", "\u0085", "\r", "---", "..."}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		checkRoundTrip(t, b.String(), i)
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{"a\n", "\n\n", " x\n y", "a\r\nb", "\t\n\t", "- a\n- b\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkRoundTrip(t, s, 0)
	})
}

func checkRoundTrip(t *testing.T, s string, i int) {
	t.Helper()
	obj := map[string]any{"kind": "ConfigMap", "data": map[string]any{"k": s, "~" + s: "key"}, "list": []any{map[string]any{"k": s}, s}}
	o, err := FromMap(obj, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Data map[string]string
		List []any
	}
	if err := yaml.Unmarshal(o.File.Data, &got); err != nil {
		t.Fatalf("%d %q: rendering is not YAML: %v\n%s", i, s, err, o.File.Data)
	}
	if got.Data["k"] != s || got.Data["~"+s] != "key" || len(got.List) != 2 || got.List[1] != s || got.List[0].(map[string]any)["k"] != s {
		t.Fatalf("%d %q: read back %q, %q\n%s", i, s, got.Data["k"], got.List, o.File.Data)
	}
}

const corednsJSON = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"coredns","namespace":"kube-system"},
 "data":{"Corefile":".:53 {\n    errors\n    forward . /etc/resolv.conf\n    cache 30\n    import custom/*.override\n}\nimport custom/*.server\n"}}`

// TestComposedRelated: a finding in a coredns-custom key that refers to the Corefile that
// imports it has a related location in the Corefile's key (its line there, not a line of
// the rendering), and its message writes no line at all.
func TestComposedRelated(t *testing.T) {
	var objs []*Object
	for _, raw := range []string{customJSON, corednsJSON} {
		o, err := FromJSON([]byte(raw), Meta{})
		if err != nil {
			t.Fatal(err)
		}
		objs = append(objs, o)
	}
	l, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Lint(context.Background(), Files(objs))
	if err != nil {
		t.Fatal(err)
	}
	res.Sources = Remap(res.Findings, res.Sources, objs)
	for _, f := range res.Findings {
		if f.RuleID != "forward/option-outside-block" {
			continue
		}
		if f.Pos.String() != "kube-system/ConfigMap/coredns-custom/upstream.override:2:1" {
			t.Errorf("position %s", f.Pos)
		}
		if c := finding.EmbeddedCoordinate(f.Message); c != "" || !strings.Contains(f.Message, "`forward . … { force_tcp }`") {
			t.Errorf("message writes %q, or does not name the forward: %s", c, f.Message)
		}
		if len(f.Related) != 1 || f.Related[0].Pos.String() != "kube-system/ConfigMap/coredns/Corefile:3:5" {
			t.Errorf("related locations %+v, want the Corefile's forward at kube-system/ConfigMap/coredns/Corefile:3:5", f.Related)
		}
		if _, ok := res.Sources[f.Related[0].Pos.File]; !ok {
			t.Errorf("the Corefile key's text is not among the sources, so no report can quote the related line")
		}
		return
	}
	t.Fatalf("no forward/option-outside-block finding: %+v", res.Findings)
}
