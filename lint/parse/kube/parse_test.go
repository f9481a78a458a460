package kube

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// checkToken fails unless tok's position covers exactly its text in the file (with the
// quotes of a quoted scalar).
func checkToken(t *testing.T, data []byte, tok model.Token) {
	t.Helper()
	got := textAt(data, tok.Pos)
	for _, q := range []string{"", `"`, `'`} {
		if got == q+tok.Text+q {
			return
		}
	}
	t.Errorf("token %q at %d:%d-%d covers %q", tok.Text, tok.Pos.Line, tok.Pos.Col, tok.Pos.EndCol, got)
}

func TestWorkloads(t *testing.T) {
	type want struct {
		kind, name, path, policy, hostNetwork string
		images                                []string
	}
	tests := []struct {
		file string
		want []want
	}{
		{"coredns.yaml", []want{
			{"Deployment", "coredns", "spec.template.spec", "Default", "", []string{"registry.k8s.io/coredns/coredns:v1.11.1"}},
		}},
		{"cronjob.yaml", []want{
			{"CronJob", "backup", "spec.jobTemplate.spec.template.spec", "ClusterFirstWithHostNet", "true",
				[]string{"busybox:1.36", "example.com/backup:v1"}},
		}},
		{"list.yaml", []want{
			{"DaemonSet", "node-local-dns", "spec.template.spec", "Default", "true",
				[]string{"registry.k8s.io/dns/k8s-dns-node-cache:1.22.20"}},
		}},
		{"list.json", []want{
			{"Pod", "web", "spec", "None", "false", []string{"nginx:1.27"}},
		}},
		{"kinds.yaml", []want{
			{"Pod", "pod", "spec", "", "", []string{"pod:1"}},
			{"PodTemplate", "podtemplate", "template.spec", "ClusterFirst", "", []string{"podtemplate:1"}},
			{"StatefulSet", "statefulset", "spec.template.spec", "", "", []string{"statefulset:1"}},
			{"ReplicaSet", "replicaset", "spec.template.spec", "", "", []string{"replicaset:1"}},
			{"ReplicationController", "replicationcontroller", "spec.template.spec", "", "", []string{"replicationcontroller:1"}},
			{"Job", "job", "spec.template.spec", "", "", []string{"job:1"}},
		}},
		{"anchors.yaml", []want{
			// The explicit dnsPolicy wins over the merged one; hostNetwork: yes is YAML 1.1 true.
			{"Deployment", "merged", "spec.template.spec", "ClusterFirst", "true", []string{"busybox", "busybox"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res, data := parseFixture(t, tt.file)
			var got []want
			for _, w := range res.Workloads {
				g := want{kind: w.Object.Kind, name: w.Object.Name, path: w.Pod.Path}
				if w.File != tt.file {
					t.Errorf("File = %q", w.File)
				}
				checkToken(t, data, model.Token{Text: w.Object.Kind, Pos: w.Object.Pos})
				if w.Pod.DNSPolicy != nil {
					g.policy = w.Pod.DNSPolicy.Text
					checkToken(t, data, *w.Pod.DNSPolicy)
				}
				if h := w.Pod.HostNetwork; h != nil {
					g.hostNetwork = map[bool]string{true: "true", false: "false"}[h.Value]
					if got := textAt(data, h.Pos); got != "true" && got != "false" && got != "yes" {
						t.Errorf("hostNetwork position covers %q", got)
					}
				}
				for _, img := range w.Pod.Images {
					g.images = append(g.images, img.Text)
					checkToken(t, data, img)
				}
				got = append(got, g)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("workloads\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestCronJobDNSConfig(t *testing.T) {
	res, data := parseFixture(t, "cronjob.yaml")
	if len(res.Workloads) != 1 {
		t.Fatalf("got %d workloads", len(res.Workloads))
	}
	pod := res.Workloads[0].Pod
	if got := textAt(data, pod.Pos); got != "h" || pod.Pos.Line != 12 {
		t.Errorf("pod spec at %v covers %q, want the h of hostNetwork on line 12", pod.Pos, got)
	}
	c := pod.DNSConfig
	if c == nil {
		t.Fatal("no dnsConfig")
	}
	if c.Pos.Line != 15 || c.Pos.Col != 13 {
		t.Errorf("dnsConfig at %d:%d, want 15:13 (its first key)", c.Pos.Line, c.Pos.Col)
	}
	tokens := append(append([]model.Token{}, c.Nameservers...), c.Searches...)
	var texts []string
	for _, tok := range tokens {
		texts = append(texts, tok.Text)
		checkToken(t, data, tok)
	}
	if want := []string{"192.0.2.1", "ns1.svc.cluster-domain.example", "my.dns.search.suffix"}; !reflect.DeepEqual(texts, want) {
		t.Errorf("nameservers and searches = %q, want %q", texts, want)
	}
	if len(c.Options) != 3 {
		t.Fatalf("got %d options", len(c.Options))
	}
	wantOpts := []struct {
		name, value string
		line        int
	}{{"ndots", "2", 21}, {"edns0", "", 23}, {"ndots:5", "", 24}}
	for i, w := range wantOpts {
		o := c.Options[i]
		checkToken(t, data, o.Name)
		if o.Name.Text != w.name || o.Pos.Line != w.line || o.Pos.Col != 17 {
			t.Errorf("option %d = %q at %d:%d, want %q at %d:17", i, o.Name.Text, o.Pos.Line, o.Pos.Col, w.name, w.line)
		}
		switch {
		case w.value == "" && o.Value != nil:
			t.Errorf("option %d has value %q", i, o.Value.Text)
		case w.value != "" && (o.Value == nil || o.Value.Text != w.value):
			t.Errorf("option %d value = %v, want %q", i, o.Value, w.value)
		case o.Value != nil:
			if got := textAt(data, o.Value.Pos); got != `"2"` {
				t.Errorf("option value covers %q, want the quoted scalar", got)
			}
		}
	}
}

func TestCorefiles(t *testing.T) {
	type want struct {
		object, key, name, first string
		lines                    source.LineMap
	}
	tests := []struct {
		file string
		want []want
	}{
		{"coredns.yaml", []want{{"coredns", "Corefile", "/etc/coredns/Corefile", ".:53 {", source.Shift{First: 9, Indent: 4}}}},
		// nginx.conf in the same ConfigMap as the detected "config" key is not taken.
		{"list.yaml", []want{
			{"node-local-dns", "Corefile", "/etc/coredns/Corefile", "cluster.local:53 {", source.Shift{First: 11, Indent: 6}},
			{"dns-perf-server", "config", "/etc/coredns/config", "# detected by its content", source.Shift{First: 35, Indent: 8}},
		}},
		// A quoted Corefile maps to the value's position.
		{"list.json", []want{{"coredns", "Corefile", "/etc/coredns/Corefile", ".:53 {", source.Fixed{Line: 20, Col: 25}}}},
		{"indent.yaml", []want{
			{"coredns", "Corefile", "/etc/coredns/Corefile", "", source.Shift{First: 8, Indent: 5}},
			{"coredns", "Corefile.keep", "/etc/coredns/Corefile.keep", ".:53 {", source.Shift{First: 16, Indent: 6}},
			{"coredns", "other.corefile", "/etc/coredns/other.corefile", "example.org {", source.Shift{First: 25, Indent: 6}},
		}},
		{"custom.yaml", nil},
		{"autoscaler.yaml", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res, _ := parseFixture(t, tt.file)
			var got []want
			for _, c := range res.Corefiles {
				first, _, _ := strings.Cut(string(c.Text.Body), "\n")
				got = append(got, want{c.Object.Name, c.Key, c.Text.Name, first, c.Text.Lines})
				if c.Text.File != tt.file {
					t.Errorf("File = %q", c.Text.File)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("corefiles\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestLiteralMapping maps tokens of Corefile texts back to the file and checks that the
// position covers exactly that token.
func TestLiteralMapping(t *testing.T) {
	tests := []struct {
		file, key string
		words     []string
	}{
		{"coredns.yaml", "Corefile", []string{".:53", "lameduck", "fallthrough", "/etc/resolv.conf", "loadbalance", "}"}},
		{"list.yaml", "Corefile", []string{"cluster.local:53", "169.254.20.10", "force_tcp", "health"}},
		{"list.yaml", "config", []string{"# detected", "8.8.8.8"}},
		// Explicit indentation, a leading blank line, and columns after non-ASCII text.
		{"indent.yaml", "Corefile", []string{"# leading", ".:53", "1.1.1.1", "ünïcode", "cache"}},
		{"indent.yaml", "Corefile.keep", []string{"ünïcode.example", "fallthrough"}},
		{"indent.yaml", "other.corefile", []string{"example.org", "whoami"}},
	}
	for _, tt := range tests {
		res, data := parseFixture(t, tt.file)
		for _, c := range res.Corefiles {
			if c.Key != tt.key {
				continue
			}
			for _, w := range tt.words {
				if got := textAt(data, bodyPos(t, c.Text, w)); got != w {
					t.Errorf("%s %s: %q maps to %q", tt.file, tt.key, w, got)
				}
			}
		}
	}
}

func TestQuotedCorefile(t *testing.T) {
	res, data := parseFixture(t, "list.json")
	text := res.Corefiles[0].Text
	pos := bodyPos(t, text, "cache")
	if pos.Line != 20 || pos.Col != 25 || textAt(data, pos) != `"` {
		t.Errorf("cache in a quoted Corefile maps to %v, want the value's opening quote at 20:25", pos)
	}
}

func TestCustom(t *testing.T) {
	res, data := parseFixture(t, "custom.yaml")
	if len(res.Customs) != 1 || len(res.Corefiles) != 0 {
		t.Fatalf("got %d customs, %d corefiles", len(res.Customs), len(res.Corefiles))
	}
	c := res.Customs[0]
	type want struct {
		key, kind, style string
		lines            int
		value            string // the file text at ValuePos
		shift            bool
	}
	wants := []want{
		{"example.server", "server", "literal", 5, "example.com:53 {", true},
		{"log.override", "override", "literal", 1, "log", true},
		{"notes", "other", "double", 1, `"not imported"`, false},
		{"folded.server", "server", "folded", 3, "corp.example:53 {", false},
		{"quoted.override", "override", "double", 2, `"errors\ncache 30\n"`, false},
		{"empty.server", "server", "double", 0, `""`, false},
	}
	var got []want
	for _, k := range c.Custom.Keys {
		checkToken(t, data, k.Key)
		text := c.Texts[k.Key.Text]
		if text == nil {
			t.Fatalf("no text for %s", k.Key.Text)
		}
		if text.Name != "/etc/coredns/custom/"+k.Key.Text || text.File != "custom.yaml" {
			t.Errorf("%s: text %s in %s", k.Key.Text, text.Name, text.File)
		}
		_, shift := text.Lines.(source.Shift)
		got = append(got, want{k.Key.Text, k.Kind, k.Style, k.Lines, textAt(data, k.ValuePos), shift})
	}
	if !reflect.DeepEqual(got, wants) {
		t.Errorf("keys\n got %+v\nwant %+v", got, wants)
	}
	if got := textAt(data, bodyPos(t, c.Texts["example.server"], "10.0.0.10")); got != "10.0.0.10" {
		t.Errorf("example.server maps 10.0.0.10 to %q", got)
	}
	if got := string(c.Texts["folded.server"].Body); got != "corp.example:53 {\n  forward . 10.1.1.1\n}\n" {
		t.Errorf("folded body = %q", got)
	}
}

func TestAutoscalers(t *testing.T) {
	res, data := parseFixture(t, "autoscaler.yaml")
	if len(res.Autoscalers) != 3 {
		t.Fatalf("got %d autoscalers", len(res.Autoscalers))
	}
	ladder, linear, broken := res.Autoscalers[0], res.Autoscalers[1], res.Autoscalers[2]

	if ladder.Mode != "ladder" || res.AutoscalerErrors[ladder] != nil || ladder.Params["includeUnschedulableNodes"] != true {
		t.Errorf("ladder: mode %q, params %v, error %v", ladder.Mode, ladder.Params, res.AutoscalerErrors[ladder])
	}
	if len(ladder.Fields) != 3 {
		t.Errorf("ladder fields = %v", ladder.Fields)
	}
	for key, pos := range ladder.Fields {
		if got := textAt(data, pos); got != `"`+key+`"` {
			t.Errorf("ladder field %s covers %q", key, got)
		}
	}
	if got := textAt(data, ladder.ValuePos); got != "{" || ladder.ValuePos.Line != 8 {
		t.Errorf("ladder value at %v covers %q", ladder.ValuePos, got)
	}

	if linear.Mode != "linear" || linear.Params["coresPerReplica"] != 256.0 || len(linear.Fields) != 3 {
		t.Errorf("linear: mode %q, params %v, fields %v", linear.Mode, linear.Params, linear.Fields)
	}
	for key, pos := range linear.Fields {
		// A single-line quoted value without escapes maps column by column.
		if got := textAt(data, pos); pos.Line != 24 || got != `"`+key+`"` {
			t.Errorf("linear field %s at %v covers %q", key, pos, got)
		}
	}
	if got := textAt(data, linear.ValuePos); !strings.HasPrefix(got, `'{"coresPerReplica"`) || !strings.HasSuffix(got, `}'`) {
		t.Errorf("linear value covers %q", got)
	}

	// Both modes: the first in file order wins; every key is listed; the JSON is invalid.
	if broken.Mode != "linear" || broken.Params != nil || res.AutoscalerErrors[broken] == nil {
		t.Errorf("broken: mode %q, params %v, error %v", broken.Mode, broken.Params, res.AutoscalerErrors[broken])
	}
	var keys []string
	for _, k := range broken.Keys {
		keys = append(keys, k.Text)
		checkToken(t, data, k)
	}
	if !reflect.DeepEqual(keys, []string{"linear", "ladder"}) {
		t.Errorf("broken keys = %q", keys)
	}
	if got := textAt(data, broken.Fields["nodesPerReplica"]); got != `"nodesPerReplica"` {
		t.Errorf("broken: the fields before the error keep positions; nodesPerReplica covers %q", got)
	}
}

func TestAutoscalerNotJSONString(t *testing.T) {
	res, err := Parse("a.yaml", []byte("kind: ConfigMap\ndata:\n  linear:\n    coresPerReplica: 256\n"))
	if err != nil || len(res.Autoscalers) != 1 {
		t.Fatalf("Parse: %v, %+v", err, res)
	}
	a := res.Autoscalers[0]
	if err := res.AutoscalerErrors[a]; err == nil || a.Params != nil || a.ValuePos.Line != 4 {
		t.Errorf("a mapping value: error %v, params %v, value at %v", err, a.Params, a.ValuePos)
	}
}

func TestSkipped(t *testing.T) {
	for _, in := range []string{
		"", "# only a comment\n", "---\n---\n", "hello\n", "- a\n- b\n", "null\n",
		"kind: Service\nmetadata: {name: x}\n",
		"kind: List\nitems: [1, [2], {kind: Secret}]\n",
		"kind: Deployment\nspec: {template: {spec: [x]}}\n",
		"kind: ConfigMap\ndata: [a]\n",
	} {
		res, err := Parse("f.yaml", []byte(in))
		if err != nil || res == nil || len(res.Corefiles)+len(res.Customs)+len(res.Autoscalers)+len(res.Workloads) != 0 {
			t.Errorf("Parse(%q) = %+v, %v; want an empty result", in, res, err)
		}
	}
}

func TestUnexpectedNodes(t *testing.T) {
	in := "kind: Pod\nspec:\n  dnsPolicy: [x]\n  hostNetwork: maybe\n  dnsConfig:\n    nameservers: 8.8.8.8\n    searches: {a: b}\n    options: [{value: v}]\n  containers: [{image: {x: 1}}, {name: no-image}]\n"
	res, err := Parse("f.yaml", []byte(in))
	if err != nil || len(res.Workloads) != 1 {
		t.Fatalf("Parse: %v, %+v", err, res)
	}
	pod := res.Workloads[0].Pod
	if pod.DNSPolicy == nil || pod.DNSPolicy.Text != "" || pod.DNSPolicy.Pos.Line != 3 || pod.DNSPolicy.Pos.Col != 14 {
		t.Errorf("dnsPolicy: [x] = %+v, want an empty token at 3:14", pod.DNSPolicy)
	}
	if pod.HostNetwork != nil {
		t.Errorf("hostNetwork: maybe = %+v, want nil", pod.HostNetwork)
	}
	c := pod.DNSConfig
	if len(c.Nameservers) != 1 || c.Nameservers[0].Text != "8.8.8.8" || len(c.Searches) != 1 || c.Searches[0].Text != "" {
		t.Errorf("nameservers %+v, searches %+v", c.Nameservers, c.Searches)
	}
	if len(c.Options) != 1 || c.Options[0].Name.Text != "" || c.Options[0].Value.Text != "v" {
		t.Errorf("options %+v", c.Options)
	}
	if len(pod.Images) != 1 || pod.Images[0].Text != "" {
		t.Errorf("images %+v", pod.Images)
	}
}

func TestSyntaxError(t *testing.T) {
	tests := []struct {
		in        string
		line, col int
		msg       string
	}{
		{"a: b\n  c: d\n", 2, 1, "mapping values are not allowed in this context"},
		{"kind: ConfigMap\ndata: [\n", 2, 1, "did not find expected node content"},
		{"apiVersion: v1\n---\nkind: Pod\nspec: {\n", 4, 1, "did not find expected node content"},
		{"a: 1\nb: x\xffy\n", 2, 5, "invalid leading UTF-8 octet"},
		{"\ufeffa: 1\nb: \x01\n", 2, 4, "control characters are not allowed"},
		{"a: *nowhere\n", 1, 1, "unknown anchor 'nowhere' referenced"},
	}
	for _, tt := range tests {
		res, err := Parse("f.yaml", []byte(tt.in))
		var se *SyntaxError
		if !errors.As(err, &se) || res != nil {
			t.Errorf("Parse(%q) = %v, %v; want a *SyntaxError", tt.in, res, err)
			continue
		}
		if se.Line != tt.line || se.Col != tt.col || !strings.Contains(se.Msg, tt.msg) || strings.HasPrefix(se.Msg, "yaml:") {
			t.Errorf("Parse(%q) = %d:%d %q, want %d:%d %q", tt.in, se.Line, se.Col, se.Msg, tt.line, tt.col, tt.msg)
		}
		if want := fmt.Sprintf("line %d: %s", se.Line, se.Msg); se.Error() != want {
			t.Errorf("Error() = %q, want %q", se.Error(), want)
		}
	}
}
