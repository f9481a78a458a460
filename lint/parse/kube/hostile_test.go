package kube

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// parseQuickly parses data and returns the result or error, which must be a
// *SyntaxError. A hang is caught by the test binary's -timeout, not by a wall-clock guard
// here: how long a parse takes depends on the machine, whether it ends does not.
func parseQuickly(t *testing.T, name string, data []byte) (*Result, error) {
	t.Helper()
	res, err := Parse(name, data)
	if err != nil {
		if _, ok := errors.AsType[*SyntaxError](err); !ok {
			t.Errorf("%s: error %T is not a *SyntaxError", name, err)
		}
	}
	return res, err
}

// bomb builds n levels of anchored values, each naming the previous one ten times.
func bomb(n int, level func(i int, prev string) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(level(i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", ")))
	}
	return b.String()
}

func TestHostile(t *testing.T) {
	tests := map[string]string{
		"deep flow":     strings.Repeat("[", 100000),
		"deep flow map": "kind: List\nitems: " + strings.Repeat("{a: ", 20000),
		"deep block":    deepBlock(5000),
		"deep lists":    "x: 1\n" + strings.Repeat("kind: List\nitems:\n- ", 1) + deepLists(200),
		"alias bomb": "a0: &a0 [lol, lol]\n" + bomb(12, func(i int, prev string) string {
			return fmt.Sprintf("a%d: &a%d [%s]\n", i+1, i+1, strings.ReplaceAll(prev, fmt.Sprintf("*a%d", i-1), fmt.Sprintf("*a%d", i)))
		}),
		// Lists of lists of the same ConfigMap: each object is read once.
		"list bomb": "kind: List\nx: &a0 {kind: ConfigMap, metadata: {name: c}, data: {Corefile: \".:53 {\\n forward . 1.1.1.1\\n}\"}}\n" +
			bomb(12, func(i int, prev string) string {
				return fmt.Sprintf("y%d: &a%d {kind: List, items: [%s]}\n", i+1, i+1, strings.ReplaceAll(prev, fmt.Sprintf("*a%d", i-1), fmt.Sprintf("*a%d", i)))
			}) + "items: [*a12, *a12]\n",
		// Merge keys that name the previous mapping ten times.
		"merge bomb": "kind: Pod\nm: &a0 {dnsPolicy: None}\n" + bomb(20, func(i int, prev string) string {
			return fmt.Sprintf("m%d: &a%d {<<: [%s]}\n", i+1, i+1, strings.ReplaceAll(prev, fmt.Sprintf("*a%d", i-1), fmt.Sprintf("*a%d", i)))
		}) + "spec: {<<: *a20}\n",
		"list cycle":   "&c {kind: List, items: [*c, *c]}\n",
		"merge cycle":  "&m {kind: Pod, spec: *m, <<: *m}\n",
		"spec cycle":   "&m {kind: CronJob, spec: {jobTemplate: *m}}\n",
		"invalid utf8": "kind: ConfigMap\ndata:\n  Corefile: \xc3\x28\xa0\xa1\n",
		"nul":          "kind: Pod\x00\n",
		"utf16":        "\xff\xfek\x00i\x00n\x00d\x00:\x00 \x00P\x00o\x00d\x00\n\x00s\x00p\x00e\x00c\x00:\x00 \x00{\x00}\x00",
		"odd utf16":    "\xfe\xff\x00",
		"huge line":    "kind: Pod\nspec: {dnsPolicy: " + strings.Repeat("é", 1<<20) + "}\n",
	}
	for name, in := range tests {
		res, err := parseQuickly(t, name, []byte(in))
		if err == nil {
			if e := checkPositions(res, name, splitLines(utf8Input([]byte(in))).count()); e != nil {
				t.Errorf("%s: %v", name, e)
			}
		}
	}
	if res, err := parseQuickly(t, "utf16", []byte(tests["utf16"])); err != nil || len(res.Workloads) != 1 {
		t.Errorf("UTF-16 input: %+v, %v; want one Pod", res, err)
	}
	// Documents whose aliases expand out of proportion are refused as kubectl's decoder
	// (sigs.k8s.io/yaml, yaml.v3) refuses them: one syntax error, found in bounded time.
	for _, name := range []string{"alias bomb", "list bomb", "merge bomb"} {
		_, err := parseQuickly(t, name, []byte(tests[name]))
		var se *SyntaxError
		if !errors.As(err, &se) || se.Msg != "document contains excessive aliasing" {
			t.Errorf("%s: %v; want the syntax error `document contains excessive aliasing`", name, err)
		}
	}
	// A few aliases in proportion are fine and followed.
	if res, err := parseQuickly(t, "small merge", []byte("kind: Pod\nm: &m {dnsPolicy: None}\nspec: {<<: *m}\n")); err != nil || len(res.Workloads) != 1 || res.Workloads[0].Pod.DNSPolicy.Text != "None" {
		t.Errorf("small merge: %+v, %v; want the Pod with dnsPolicy None", res, err)
	}
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", i))
	}
	return b.String()
}

func deepLists(n int) string {
	var b strings.Builder
	b.WriteString("{kind: List, items: [")
	for range n {
		b.WriteString("{kind: List, items: [")
	}
	b.WriteString("{kind: Pod, spec: {}}")
	b.WriteString(strings.Repeat("]}", n+1))
	return b.String()
}

func TestGarbage(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		data := make([]byte, r.IntN(2000))
		for j := range data {
			data[j] = byte(r.Uint32())
		}
		res, err := parseQuickly(t, fmt.Sprint("garbage", i), data)
		if err == nil {
			if e := checkPositions(res, fmt.Sprint("garbage", i), splitLines(utf8Input(data)).count()); e != nil {
				t.Error(e)
			}
		}
	}
}
