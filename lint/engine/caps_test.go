package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// evalPolicy loads src as a user policy, compiles it and evaluates it over one Corefile
// with one forward directive (to 8.8.8.8).
func evalPolicy(t *testing.T, src string, opts Options) ([]finding.Finding, error) {
	t.Helper()
	c, err := LoadCatalog(writePolicy(t, src))
	if err != nil {
		t.Fatal(err)
	}
	opts.Enabled, opts.Config = []string{"acme/no-google"}, map[string]any{}
	e, err := c.Compile(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	pos := model.Pos{File: "Corefile", Line: 2, Col: 15, EndLine: 2, EndCol: 21}
	in := &model.Input{Corefiles: []*model.Corefile{{ServerBlocks: []*model.ServerBlock{{Directives: []*model.Directive{{
		Name: "forward", Args: []model.Token{{Text: "."}, {Text: "8.8.8.8", Pos: pos}},
	}}}}}}}
	model.Normalize(in)
	return e.Eval(context.Background(), in)
}

// doubling is Rego that builds a string of 2^n bytes in n lines, each a call of call
// (with %s for the previous string) on the string before.
func doubling(n int, call string) string {
	var b strings.Builder
	b.WriteString("s0 := \"x\"\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "\ts%d := %s\n", i, strings.ReplaceAll(call, "%s", fmt.Sprintf("s%d", i-1)))
	}
	fmt.Fprintf(&b, "\tcount(s%d) > 0", n)
	return b.String()
}

// TestBuiltinCapsFailClosed calls each capped builtin with a small argument that asks
// for a huge result: the evaluation fails (never an undefined call that lets the rule
// pass) with an error naming the builtin, the cap and the policy's line.
func TestBuiltinCapsFailClosed(t *testing.T) {
	cases := map[string]struct{ cond, want string }{
		"numbers.range":          {`count(numbers.range(1, 1e9)) > 0`, "numbers.range would build 1000000000 elements: dnslint allows at most 262144 per call"},
		"numbers.range_step":     {`count(numbers.range_step(0, 1e12, 2)) > 0`, "numbers.range_step would build 500000000001 elements"},
		"net.cidr_expand":        {`count(net.cidr_expand("10.0.0.0/8")) > 0`, "net.cidr_expand would build 16777216 elements"},
		"net.cidr_expand v6":     {`count(net.cidr_expand("::/0")) > 0`, "net.cidr_expand would build 4611686018427387904 elements"},
		"concat doubling":        {doubling(30, `concat("", [%s, %s])`), "concat would build 33554432 bytes: dnslint allows at most 16777216 per call"},
		"concat of copies":       {`s := concat("", [x | some i in numbers.range(1, 100000); x := "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz"])` + "\n\tcount(s) > 0", "concat would build 21600000 bytes"},
		"sprintf doubling":       {doubling(30, `sprintf("%%s%%s", [%s, %s])`), "sprintf would build"},
		"sprintf widths":         {`count(sprintf(concat("", [x | some i in numbers.range(1, 20); x := "%999999d"]), [1])) > 0`, "sprintf would build"},
		"sprintf star":           {`count(sprintf("%*d%*d%*d%*d%*d%*d%*d%*d%*d%*d%*d%*d%*d%*d%*d%*d%*d", [1])) > 0`, "sprintf would build"},
		"array.concat doubling":  {strings.ReplaceAll(doubling(20, `array.concat(%s, %s)`), `s0 := "x"`, `s0 := ["x"]`), "array.concat would build 524288 elements"},
		"array.flatten":          {`count(array.flatten([x | some i in numbers.range(1, 1000); x := numbers.range(1, 1000)])) > 0`, "array.flatten would build 1000000 elements"},
		"replace":                {`s := concat("", [y | some i in numbers.range(1, 10000); y := "a"])` + "\n\t" + `count(replace(s, "a", concat("", [y | some i in numbers.range(1, 10000); y := "b"]))) > 0`, "replace would build 100010000 bytes"},
		"strings.replace_n":      {`count(strings.replace_n({"x": concat("", [y | some i in numbers.range(1, 100000); y := "yyyyyyyyyy"])}, "xxxxxxxxxxxxxxxxxxxx")) > 0`, "strings.replace_n would build 20000020 bytes"},
		"regex.replace":          {`count(regex.replace(concat("", [y | some i in numbers.range(1, 10000); y := "ab"]), "a", "$0$0$0$0")) > 0`, "regex.replace would build"},
		"json.marshal indent":    {`count(json.marshal_with_options(numbers.range(1, 100000), {"indent": concat("", [y | some i in numbers.range(1, 1000); y := " "])})) > 0`, "json.marshal_with_options would build"},
		"json.marshal shared":    {`s := concat("", [z | some j in numbers.range(1, 1000); z := "a"])` + "\n\t" + `big := [s | some i in numbers.range(1, 100000)]` + "\n\tcount(json.marshal(big)) > 0", "json.marshal would build"},
		"graph.reachable_paths":  {`g := {sprintf("%d", [i]): [sprintf("%d", [i+1]), sprintf("%d", [i+1])] | some i in numbers.range(1, 40)}` + "\n\tcount(graph.reachable_paths(g, {\"1\"})) > 0", "graph.reachable_paths would build"},
		"hex.encode doubling":    {doubling(30, `hex.encode(%s)`), "hex.encode built 33554432 bytes"},
		"time zone Local":        {`time.clock([0, "Local"])[0] >= 0`, `time.clock: time zone "Local" is not allowed`},
		"time zone database":     {`time.date([0, "Europe/Paris"])[0] > 0`, `time.date: time zone "Europe/Paris" is not allowed`},
		"time zone abbreviation": {`time.parse_ns("Jan 2 2006 MST", "Jan 2 2024 PST") > 0`, "time.parse_ns: a layout with a zone abbreviation (MST) is not allowed"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := evalPolicy(t, withCondition(tc.cond), Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "policy.rego:") {
				t.Fatalf("got %v, %v; want an error with %q and the policy's line", got, err, tc.want)
			}
		})
	}
}

// TestBuiltinCapsLeaveNormalCallsAlone: the same builtins, called as DNS policies call
// them, evaluate as OPA does (the condition holds for both arguments of the forward).
func TestBuiltinCapsLeaveNormalCallsAlone(t *testing.T) {
	for _, cond := range []string{
		`count(numbers.range(1, 262144)) == 262144`,
		`net.cidr_expand("10.0.0.0/30") == {"10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3"}`,
		`sprintf("%5d|%-4s|%v", [42, "ab", [1]]) == "   42|ab  |[1]"`,
		`replace("a.b.c", ".", "\\.") == "a\\.b\\.c"`,
		`regex.replace("8.8.8.8", "(\\d+)", "<$1>") == "<8>.<8>.<8>.<8>"`,
		`json.marshal_with_options({"a": [1]}, {"indent": "  "}) == "{\n  \"a\": [\n    1\n  ]\n}"`,
		`graph.reachable_paths({"a": ["b"], "b": ["c"], "c": []}, {"a"}) == {["a", "b", "c"]}`,
		`time.clock([0, "UTC"]) == [0, 0, 0]`,
		`time.parse_ns("2006-01-02 -0700", "2024-01-02 +0100") == 1704150000000000000`,
	} {
		got, err := evalPolicy(t, withCondition(cond), Options{})
		if err != nil || len(got) != 2 {
			t.Errorf("%s: got %v, %v; want the two findings", cond, got, err)
		}
	}
}

// TestReportedFindingsAreBounded: a message past MaxMessageBytes is cut with a marker,
// related locations past MaxRelated are dropped and counted, and a rule past its
// findings budget reports one error finding in place of the rest.
func TestReportedFindingsAreBounded(t *testing.T) {
	long := strings.Replace(goodPolicy, `report contains report.finding(a.pos, "banned upstream") if {`,
		`report contains object.union(report.finding(a.pos, msg), {"related": rel}) if {`, 1)
	long = withLines(long, `msg := concat("", [x | some i in numbers.range(1, 100000); x := "é"])
	rel := [{"message": msg, "pos": a.pos} | some i in numbers.range(1, 100)]`)
	got, err := evalPolicy(t, long, Options{})
	if err != nil || len(got) != 1 {
		t.Fatalf("got %v, %v", got, err)
	}
	f := got[0]
	if len(f.Message) > MaxMessageBytes || !strings.Contains(f.Message, "… [message cut at 4096 bytes] (36 more related locations not shown)") {
		t.Errorf("message of %d bytes: ...%q", len(f.Message), f.Message[max(len(f.Message)-100, 0):])
	}
	if len(f.Related) != MaxRelated || len(f.Related[0].Message) > MaxMessageBytes || !strings.HasSuffix(f.Related[0].Message, cutMarker) {
		t.Errorf("%d related, the first of %d bytes", len(f.Related), len(f.Related[0].Message))
	}

	many := strings.Replace(goodPolicy, `report contains report.finding(a.pos, "banned upstream") if {`,
		`report contains report.finding(object.union(a.pos, {"col": i}), "banned upstream") if {`, 1)
	many = withLines(many, `some i in numbers.range(1, 10)`)
	got, err = evalPolicy(t, many, Options{MaxFindingsPerRule: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("got %d findings, want 4 and the one that says the rest were cut: %+v", len(got), got)
	}
	cut := got[4]
	if cut.Severity != finding.Error || cut.RuleID != "acme/no-google" || cut.Pos.Col != 5 ||
		cut.Message != "rule acme/no-google reported 10 findings in this run, more than dnslint reports (4 per rule): the 6 after this position are not shown; fix those shown, or narrow the run" {
		t.Errorf("cut-off finding %+v", cut)
	}
}

// withLines adds lines at the end of the policy's rule body, where a is bound.
func withLines(policy, lines string) string {
	return strings.Replace(policy, `a.text == data.dnslint.params["acme/no-google"].banned`,
		`a.text == data.dnslint.params["acme/no-google"].banned
	`+lines, 1)
}

// Only user policies are cut: a built-in rule reports a bounded number of findings per
// element, and a repository with more elements than the cap gets every finding.
func TestPerRuleCapSparesBuiltinRules(t *testing.T) {
	var fs []finding.Finding
	for i := range 5 {
		fs = append(fs, finding.Finding{RuleID: "cache/missing", Pos: model.Pos{File: "a.yaml", Line: i + 1}},
			finding.Finding{RuleID: "acme/x", Pos: model.Pos{File: "a.yaml", Line: i + 1}})
	}
	got := capPerRule(fs, 2, func(id string) bool { return id == "acme/x" })
	n := map[string]int{}
	for _, f := range got {
		n[f.RuleID]++
	}
	if n["cache/missing"] != 5 || n["acme/x"] != 3 {
		t.Fatalf("kept %v, want every cache/missing and 2+1 of acme/x", n)
	}
}
