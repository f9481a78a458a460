package kube

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dnslint/dnslint/internal/fuzzguard"
)

// FuzzAutoscaler puts any text as the ladder or linear parameters of an autoscaler
// ConfigMap, in a literal block, a double-quoted or a single-quoted scalar. No panic, the
// same result twice, every position inside the file; and when the text is a JSON object
// that YAML carries unchanged, the parameters are that object, and each scalar value's
// position covers exactly its JSON text in the file.
func FuzzAutoscaler(f *testing.F) {
	for _, s := range []string{
		`{"coresToReplicas": [[1, 2], [512, 3]], "nodesToReplicas": [[1, 2], [8, 3]]}`,
		`{"coresPerReplica": 256, "nodesPerReplica": 16, "min": 2, "max": 100, "preventSinglePointFailure": true}`,
		"{\n  \"coresToReplicas\": [[1, 1], [64, 3]],\n  \"x\": {\"a\": [[[1]]]}, \"s\": \"\\u00e9\\\"'\"\n}",
		`{"coresToReplicas": [[1e3, -0.5], [1, "2"], [], [null]]}`,
		`{"a": 1,}`, `[1, 2]`, `null`, ``, `{"a": "é`, "{\"a\":\t1}\n\n", "  {\"lead\": true}",
	} {
		for style := range uint8(6) {
			f.Add(s, style)
		}
	}
	f.Fuzz(func(t *testing.T, params string, style uint8) {
		defer fuzzguard.Watchdog(5*time.Second, params, style)()
		mode := []string{"ladder", "linear"}[style%2]
		data := []byte(autoscalerYAML(mode, params, style/2%3))
		res, err := Parse("f.yaml", data)
		again, err2 := Parse("f.yaml", data)
		if render(res, err) != render(again, err2) {
			t.Fatalf("two parses differ:\n%s\n%s", render(res, err), render(again, err2))
		}
		n := splitLines(utf8Input(data)).count()
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line < 1 || se.Line > n || se.Col < 1 {
				t.Fatalf("error %v outside a file of %d lines", err, n)
			}
			return
		}
		if err := checkPositions(res, "f.yaml", n); err != nil {
			t.Fatal(err)
		}
		if len(res.Autoscalers) != 1 {
			t.Fatalf("%d autoscalers in %q", len(res.Autoscalers), data)
		}
		a := res.Autoscalers[0]
		var want map[string]any
		if json.Unmarshal([]byte(params), &want) != nil || want == nil || !carried(params) {
			return
		}
		if !reflect.DeepEqual(a.Params, want) {
			t.Fatalf("parameters %v, want %v (error %v)", a.Params, want, res.AutoscalerErrors[a])
		}
		if style/2%3 != 0 {
			return // quoted scalars map whole when they hold escapes
		}
		for key, v := range a.Values {
			if v.Raw != "" && textAt(data, v.Pos) != v.Raw {
				t.Fatalf("%s: %q at %+v covers %q", key, v.Raw, v.Pos, textAt(data, v.Pos))
			}
		}
	})
}

// autoscalerYAML is an autoscaler ConfigMap whose mode key holds params: style 0 is a
// literal block, 1 a double-quoted scalar, 2 a single-quoted one.
func autoscalerYAML(mode, params string, style uint8) string {
	var value string
	switch style {
	case 0:
		var b strings.Builder
		b.WriteString("|2-\n")
		for l := range strings.SplitSeq(params, "\n") {
			b.WriteString("    " + l + "\n")
		}
		value = b.String()
	case 1:
		q, _ := json.Marshal(params)
		value = string(q) + "\n"
	default:
		value = "'" + strings.ReplaceAll(params, "'", "''") + "'\n"
	}
	return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-autoscaler\n  namespace: kube-system\ndata:\n  " + mode + ": " + value
}

// carried tells whether YAML carries text through every style unchanged: printable
// UTF-8 and tabs, no line that is blank or ends in blanks (folded or trimmed), no
// leading blanks, no CR.
func carried(s string) bool {
	if !utf8.ValidString(s) || strings.TrimSpace(s) != s {
		return false
	}
	for l := range strings.SplitSeq(s, "\n") {
		if strings.TrimRight(l, " \t") != l || l == "" {
			return false
		}
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && (!unicode.IsPrint(r) && r != ' ' || r == '\ufeff') {
			return false
		}
	}
	return true
}

// render is a parse result in a form that two parses can be compared by.
func render(res *Result, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	var errs []string
	for _, a := range res.Autoscalers {
		errs = append(errs, fmt.Sprint(res.AutoscalerErrors[a]))
	}
	b, jerr := json.Marshal([]any{res.Corefiles, res.Customs, res.Autoscalers, res.Workloads, errs})
	if jerr != nil {
		panic(jerr)
	}
	return string(b)
}
