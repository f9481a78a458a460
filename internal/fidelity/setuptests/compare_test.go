package setuptests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func recorded(id, corefile string, v Verdict, errLine string) *Recorded {
	c := Case{ID: id, Plugin: strings.Split(id, "/")[0], Pos: id + ".go:1", Corefile: corefile, Label: LabelUnknown}
	r := &Recorded{Case: c, Hash: c.Hash(), Verdict: v, Error: errLine}
	r.Env = Classify(r)
	return r
}

// TestJudge: every false error fails; a miss fails unless its content is a known miss;
// a known miss that now agrees fails ("remove it"), and so does one that is no case any
// more; environment cases are not compared.
func TestJudge(t *testing.T) {
	agree := &Result{Recorded: recorded("cache/TestSetup/0", "a", Refused, "plugin/cache: x"), Errors: []string{"cache/x: y"}}
	started := &Result{Recorded: recorded("cache/TestSetup/1", "b", Started, "")}
	falseErr := &Result{Recorded: recorded("cache/TestSetup/2", "c", Started, ""), Errors: []string{"cache/x: y"}}
	miss := &Result{Recorded: recorded("cache/TestSetup/3", "d", Refused, "plugin/cache: z")}
	listedMiss := &Result{Recorded: recorded("cache/TestSetup/4", "e", Refused, "plugin/cache: w")}
	nowCaught := &Result{Recorded: recorded("cache/TestSetup/5", "f", Refused, "plugin/cache: v"), Errors: []string{"cache/x: v"}}
	env := &Result{Recorded: recorded("bind/TestSetup/0", "g", Refused, "Listen: listen tcp 1.2.3.4:53: bind: cannot assign requested address")}
	zoneFile := &Result{Recorded: recorded("file/TestFileParse/0", "i", Refused, "plugin/file: open db.example.org: no such file or directory"), Errors: []string{"file/missing: no db.example.org"}}
	results := []*Result{agree, started, falseErr, miss, listedMiss, nowCaught, env, zoneFile}
	for range 40 { // enough compared cases that one apart stays under 5%
		results = append(results, &Result{Recorded: recorded("cache/TestMore/0", "h", Started, "")})
	}
	known := map[string]bool{listedMiss.Hash: true, nowCaught.Hash: true, env.Hash: true, "0123456789abcdef": true}
	silentCase := &Result{Recorded: recorded("k8s_external/TestSetup/0", "j", Started, ""), Errors: []string{"k8s_external/without-kubernetes: x"}, Rules: []string{"k8s_external/without-kubernetes"}}
	notSilent := &Result{Recorded: recorded("k8s_external/TestSetup/1", "k", Started, ""), Errors: []string{"k8s_external/without-kubernetes: x", "cache/x: y"}, Rules: []string{"k8s_external/without-kubernetes", "cache/x"}}
	results = append(results, silentCase, notSilent)
	fails := Judge("1.14.7", results, known, map[string]bool{"k8s_external/without-kubernetes": true})
	want := []string{
		"CoreDNS 1.14.7 cache/TestSetup/2 (cache/TestSetup/2.go:1): FALSE ERROR: the binary starts, dnslint reports cache/x: y",
		"CoreDNS 1.14.7 cache/TestSetup/3 (cache/TestSetup/3.go:1): MISSED: the binary refuses (plugin/cache: z), dnslint reports no error; not in known-misses-1.14.7.txt",
		"CoreDNS 1.14.7 file/TestFileParse/0 (file/TestFileParse/0.go:1): ERROR ON THE ENVIRONMENT: the binary refuses for a file that is not in the run (plugin/file: open db.example.org: no such file or directory); dnslint reports file/missing: no db.example.org: a check that needs the environment is never an error",
		"CoreDNS 1.14.7 k8s_external/TestSetup/1 (k8s_external/TestSetup/1.go:1): FALSE ERROR: the binary starts, dnslint reports k8s_external/without-kubernetes: x; cache/x: y",
		"CoreDNS 1.14.7 cache/TestSetup/5: dnslint now reports the error: remove " + nowCaught.Hash + " from known-misses-1.14.7.txt",
		"CoreDNS 1.14.7 bind/TestSetup/0: is no miss any more: remove " + env.Hash + " from known-misses-1.14.7.txt",
		"CoreDNS 1.14.7: 0123456789abcdef is no case any more: remove it from known-misses-1.14.7.txt",
	}
	if g, w := strings.Join(fails, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("failures:\n%s\n\nwant:\n%s", g, w)
	}
	for r, c := range map[*Result]Class{agree: Agree, started: Agree, falseErr: FalseError, miss: Miss, listedMiss: Miss, nowCaught: Agree, env: Apart} {
		if r.Class != c {
			t.Errorf("%s: class %s, want %s", r.ID, r.Class, c)
		}
	}
	if silentCase.Class != Agree || !silentCase.Silent {
		t.Errorf("silent failure: class %s", silentCase.Class)
	}
	if env.ApartWhy != "address-not-on-host" {
		t.Errorf("bind case apart because %q", env.ApartWhy)
	}
	if !strings.Contains(KnownMisses("1.14.7", results), listedMiss.Hash+" cache/TestSetup/4 -- plugin/cache: w\n") {
		t.Errorf("known misses:\n%s", KnownMisses("1.14.7", results))
	}
}

// TestJudgeApartLimit: more than 5% of a version's cases listed apart fails the check.
func TestJudgeApartLimit(t *testing.T) {
	var results []*Result
	for range 19 {
		results = append(results, &Result{Recorded: recorded("cache/TestSetup/0", "a", Started, "")})
	}
	notExtracted := &Result{Recorded: &Recorded{Case: Case{ID: "forward/TestFailover/0", Skip: "cannot evaluate"}}}
	if fails := Judge("1.9.3", append(results, notExtracted, &Result{Recorded: recorded("azure/TestSetup/0", "b", Refused, "plugin/azure: MSI not available")}), nil, nil); len(fails) != 0 {
		t.Errorf("1 of 20 apart: %v", fails)
	}
	results = append(results, &Result{Recorded: recorded("azure/TestSetup/0", "b", Refused, "plugin/azure: MSI not available")}, &Result{Recorded: recorded("x/TestSetup/0", "c", Undecided, "neither")})
	fails := Judge("1.9.3", results, nil, nil)
	if len(fails) != 1 || !strings.Contains(fails[0], "2 of 21 cases depend on the environment or have no verdict") {
		t.Errorf("2 of 21 apart: %v", fails)
	}
}

// TestMerge: a re-record keeps every verdict whose content is unchanged and starts only
// new or changed contents, once per content.
func TestMerge(t *testing.T) {
	old := &Record{Version: "1.14.7", Cases: []*Recorded{
		recorded("cache/TestSetup/0", ".:53 {\ncache\n}\n", Started, ""),
		recorded("cache/TestSetup/1", ".:53 {\ncache 0\n}\n", Refused, "plugin/cache: zero"),
		recorded("cache/TestSetup/2", ".:53 {\ncache x\n}\n", Undecided, "neither started nor exited"),
	}}
	cases := []*Case{
		{ID: "cache/TestSetup/0", Corefile: ".:53 {\ncache\n}\n"},
		{ID: "cache/TestSetup/1", Corefile: ".:53 {\ncache 0\n}\n", Files: map[string]string{"db": "x"}}, // changed
		{ID: "cache/TestSetup/2", Corefile: ".:53 {\ncache x\n}\n"},
		{ID: "cache/TestOther/0", Corefile: ".:53 {\ncache\n}\n"}, // same content as /0
		{ID: "cache/TestOther/1", Corefile: ".:53 {\ncache 1\n}\n"},
		{ID: "cache/TestOther/2", Corefile: ".:53 {\ncache 1\n}\n"},
		{ID: "cache/TestOther/3", Skip: "cannot evaluate"},
	}
	merged, todo := Merge(old, cases, false)
	var got []string
	for _, c := range todo {
		got = append(got, c.ID)
	}
	if g := strings.Join(got, " "); g != "cache/TestSetup/1 cache/TestSetup/2 cache/TestOther/1" {
		t.Errorf("to start: %s", g)
	}
	if merged[0].Verdict != Started || merged[3].Verdict != Started || merged[1].Verdict != "" || len(merged) != len(cases) {
		t.Errorf("merged verdicts: %s %s %s", merged[0].Verdict, merged[1].Verdict, merged[3].Verdict)
	}
	if _, todo := Merge(old, cases, true); len(todo) != 2 {
		t.Errorf("with undecided verdicts kept, %d to start, want 2", len(todo))
	}
}

func TestRecordRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "setup", "1.14.7.json")
	r := &Record{Version: "1.14.7", Cases: []*Recorded{
		recorded("cache/TestSetup/10", "b", Refused, "plugin/cache: <x> & y"),
		recorded("cache/TestSetup/9", "a", Started, ""),
	}}
	if err := r.Write(path); err != nil {
		t.Fatal(err)
	}
	back, err := ReadRecord(path, "1.14.7")
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Cases) != 2 || back.Cases[0].ID != "cache/TestSetup/9" || back.Cases[1].Error != "plugin/cache: <x> & y" {
		t.Errorf("read back %+v %+v", back.Cases[0], back.Cases[1])
	}
	if _, err := ReadRecord(path, "1.9.3"); err == nil {
		t.Error("a record of 1.14.7 read as 1.9.3")
	}
	b, _ := os.ReadFile(path)
	if strings.Contains(string(b), `\u003c`) {
		t.Error("HTML-escaped error lines")
	}
}

func TestReadKnownMisses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "known.txt")
	if err := os.WriteFile(path, []byte("# c\n0123456789abcdef cache/TestSetup/1 -- x\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := ReadKnownMisses(path)
	if err != nil || len(k) != 1 || !k["0123456789abcdef"] {
		t.Fatalf("%v %v", k, err)
	}
	if err := os.WriteFile(path, []byte("0123456789abcdef a\n0123456789abcdef b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadKnownMisses(path); err == nil {
		t.Error("a hash listed twice accepted")
	}
	if err := os.WriteFile(path, []byte("cache/TestSetup/1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadKnownMisses(path); err == nil {
		t.Error("a line without hash accepted")
	}
}

func TestMissingAddress(t *testing.T) {
	for line, want := range map[string]string{
		"Listen: listen tcp 1.2.3.4:53: bind: cannot assign requested address":       "1.2.3.4",
		"listen tcp 1.2.3.4:1234: bind: cannot assign requested address":             "1.2.3.4",
		"Listen: listen udp [2001:db8::1]:53: bind: cannot assign requested address": "2001:db8::1",
		`plugin/bind: not a valid IP address or interface name: "noone"`:             "",
	} {
		if got := MissingAddress(line); got != want {
			t.Errorf("%q: %q, want %q", line, got, want)
		}
	}
}

// TestClassify: a refusal is the environment's only when its message says so; a cloud
// plugin's parse error is the Corefile's.
func TestClassify(t *testing.T) {
	for line, want := range map[string]string{
		"plugin/azure: MSI not available":                                                                                                       "cloud-credentials",
		`plugin/route53: <dir>/Corefile:2 - Error during parsing: invalid zone ":"`:                                                             "",
		"Listen: listen tcp 1.2.3.4:53: bind: cannot assign requested address":                                                                  "address-not-on-host",
		`plugin/forward: failed to resolve "a27.0.0.1": lookup a27.0.0.1 on 10.0.0.1:53: dial udp 10.0.0.1:53: connect: network is unreachable`: "needs-network",
		"plugin/sign: open /etc/coredns/keys/Kexample.org.key: no such file or directory":                                                       "missing-file",
		`plugin/autopath: failed to parse "": open : no such file or directory`:                                                                 "",
		"plugin/loadbalance: weight file open error":                                                                                            "missing-file",
		"plugin/cache: cache TTL can not be zero or negative: 0":                                                                                "",
	} {
		if got := Classify(&Recorded{Verdict: Refused, Error: line}); got != want {
			t.Errorf("%q: %q, want %q", line, got, want)
		}
		if _, ok := EnvReasons[want]; want != "" && !ok {
			t.Errorf("%q is no reason of EnvReasons", want)
		}
	}
	if got := Classify(&Recorded{Verdict: Started, Error: ""}); got != "" {
		t.Errorf("a started case classified %q", got)
	}
	// `bind 1.2.3.4 lo` is refused only because the run added 1.2.3.4 to the loopback.
	twice := "cannot serve dns://.:53 on 1.2.3.4 - it is already defined"
	if got := Classify(&Recorded{Verdict: Refused, Error: twice, Addresses: []string{"1.2.3.4"}}); got != "added-address" {
		t.Errorf("an address the run added: %q, want added-address", got)
	}
	if got := Classify(&Recorded{Verdict: Refused, Error: twice}); got != "" {
		t.Errorf("an address the host has: %q, want the Corefile's", got)
	}
}

// TestStaleRecord: the committed record must hold exactly the extracted cases with their
// verdicts; a changed case or environment reason makes it stale.
func TestStaleRecord(t *testing.T) {
	a := recorded("cache/TestSetup/0", "a", Started, "")
	b := recorded("cache/TestSetup/1", "b", Refused, "plugin/azure: MSI not available")
	rec := &Record{Version: "1.14.7", Cases: []*Recorded{a, b}}
	merged, todo := Merge(rec, []*Case{&a.Case, &b.Case}, true)
	if len(todo) != 0 || staleRecord(rec, merged) != "" {
		t.Fatalf("fresh record: todo %d, stale %q", len(todo), staleRecord(rec, merged))
	}
	if got := staleRecord(rec, merged[:1]); got != "it holds other cases" {
		t.Errorf("a case gone: %q", got)
	}
	old := *b
	old.Env = ""
	rec.Cases[1] = &old
	if got := staleRecord(rec, merged); got != "cache/TestSetup/1 changed" {
		t.Errorf("environment reason changed: %q", got)
	}
	// A Corefile of invalid bytes reads back with U+FFFD: not stale.
	bad := recorded("sign/TestParseRejectsInvalidDbfileToken", "sign \"\xff\"", Refused, "x")
	path := filepath.Join(t.TempDir(), "r.json")
	if err := (&Record{Version: "1.14.7", Cases: []*Recorded{bad}}).Write(path); err != nil {
		t.Fatal(err)
	}
	back, err := ReadRecord(path, "1.14.7")
	if err != nil {
		t.Fatal(err)
	}
	if got := staleRecord(back, []*Recorded{bad}); got != "" {
		t.Errorf("invalid UTF-8: %q", got)
	}
	rec.Cases[1] = b
	relabelled := *a
	relabelled.Label = LabelError
	rec.Cases[0] = &relabelled
	if got := staleRecord(rec, merged); got != "cache/TestSetup/0 changed" {
		t.Errorf("label changed: %q", got)
	}
}
