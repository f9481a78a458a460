//go:build attack

package attack

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// policyOutputRSSCap is the peak memory a run with a hostile policy may reach: generous
// (a plain run of dnslint stays well under 100 MiB), far below what the attacks asked
// for (gigabytes).
const policyOutputRSSCap = 512 << 20

// policyOutputPolicy is a user policy that reports each forward argument when cond
// holds; msg is its message.
func policyOutputPolicy(cond, msg string) string {
	return `# METADATA
# title: Attack
# description: A hostile policy.
# custom:
#   severity: error
package dnslint.rules.acme["attack"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

report contains report.finding(a.pos, msg) if {
	some x in corefile.directives("forward")
	some a in x.directive.args
	` + cond + `
	msg := ` + msg + `
}
`
}

// policyOutputRun lints a one-line-forward Corefile with the policy.
func policyOutputRun(t *testing.T, policy string, args ...string) result {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"policies/attack.rego": policy,
		"Corefile":             ".:53 {\n    forward . 10.0.0.53\n}\n",
	})
	return run(t, dir, nil, append([]string{"lint", "--policy", "policies", "Corefile"}, args...)...)
}

// Issue 10, item 8: count(numbers.range(1, 1e9)) reached 3 GB and a fatal OOM.
func TestPolicyRangeFailsClosedInBoundedMemory(t *testing.T) {
	r := policyOutputRun(t, policyOutputPolicy(`count(numbers.range(1, 1e9)) > 0`, `"x"`))
	if r.exit != 2 || !bytes.Contains(r.stderr, []byte("policies/attack.rego:14: dnslint_limit_exceeded: numbers.range would build 1000000000 elements: dnslint allows at most 262144 per call")) {
		t.Fatalf("want exit 2 naming the builtin, its cap and the policy's line; got exit %d, stderr %s", r.exit, r.stderr)
	}
	if r.maxRSS > policyOutputRSSCap {
		t.Errorf("peak RSS %d MiB, over %d MiB", r.maxRSS>>20, policyOutputRSSCap>>20)
	}
	t.Logf("peak RSS %d MiB", r.maxRSS>>20)
}

// Issue 10, item 8: a policy could emit a 100 MB message. Building it (a string doubled
// 27 times) stops at the byte cap with an error; a message under that cap is cut to
// 4 KiB in the report.
func TestPolicyHugeMessageIsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(`s0 := "x"`)
	for i := 1; i <= 27; i++ { // 2^27 bytes: 128 MiB
		b.WriteString("\n\ts" + strconv.Itoa(i) + ` := concat("", [s` + strconv.Itoa(i-1) + `, s` + strconv.Itoa(i-1) + `])`)
	}
	r := policyOutputRun(t, policyOutputPolicy(b.String(), "s27"))
	if r.exit != 2 || !bytes.Contains(r.stderr, []byte("concat would build 33554432 bytes: dnslint allows at most 16777216 per call")) {
		t.Fatalf("want exit 2 naming concat and its cap; got exit %d, stderr %s", r.exit, r.stderr)
	}
	if r.maxRSS > policyOutputRSSCap {
		t.Errorf("peak RSS %d MiB, over %d MiB", r.maxRSS>>20, policyOutputRSSCap>>20)
	}

	// 2^20 bytes: under the builtin cap, far over the message cap.
	r = policyOutputRun(t, policyOutputPolicy(strings.SplitN(b.String(), "\n\ts21 ", 2)[0], "s20"), "--format", "json")
	var out struct {
		Findings []struct{ Rule, Message string }
	}
	if err := json.Unmarshal(r.stdout, &out); err != nil || r.exit != 1 {
		t.Fatalf("exit %d, %v, stderr %s", r.exit, err, r.stderr)
	}
	n := 0
	for _, f := range out.Findings {
		if f.Rule != "acme/attack" {
			continue
		}
		n++
		if len(f.Message) > 4096 || !strings.HasSuffix(f.Message, "… [message cut at 4096 bytes]") {
			t.Errorf("message of %d bytes, ending %q", len(f.Message), f.Message[max(len(f.Message)-40, 0):])
		}
	}
	if n != 2 {
		t.Errorf("want a finding for each argument of the forward, got %d", n)
	}
	if len(r.stdout) > 64<<10 {
		t.Errorf("report of %d bytes", len(r.stdout))
	}
}

// Issue 10, item 8: crypto.x509.parse_and_verify_certificates (reads the clock) was
// still allowed.
func TestPolicyX509VerifyRefusedAtLoad(t *testing.T) {
	for _, name := range []string{"crypto.x509.parse_and_verify_certificates", "crypto.x509.parse_and_verify_certificates_with_options"} {
		call := name + `(a.text)[0]`
		if strings.HasSuffix(name, "_with_options") {
			call = name + `(a.text, {})[0]`
		}
		r := policyOutputRun(t, policyOutputPolicy(call, `"x"`))
		if r.exit != 2 || !bytes.Contains(r.stderr, []byte("policies/attack.rego:14: "+name+" is not allowed")) {
			t.Errorf("%s: want exit 2 naming it; got exit %d, stderr %s", name, r.exit, r.stderr)
		}
	}
}

// policyOutputHostile holds what a file could use to drive a terminal: an OSC title, a
// clear screen, a bell, a C1 CSI and a right-to-left override.
const policyOutputHostile = "\x1b]0;pwned\x07\x1b[2J\u009b6n\u202e"

// policyOutputRawControl finds the first byte sequence of out a terminal would act
// on: a C0 control other than newline and tab, DEL, a C1 control (UTF-8 or a lone
// byte), a bidi control.
func policyOutputRawControl(out []byte) (string, bool) {
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		switch {
		case r == '\n' || r == '\t':
		case r == utf8.RuneError && size == 1,
			r < 0x20, r >= 0x7f && r <= 0x9f,
			r == '\u061c', r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return string(out[max(i-20, 0):min(i+20, len(out))]), true
		}
		i += size
	}
	return "", false
}

// Issue 10, item 10: text output wrote raw ESC/OSC sequences and control characters
// from the input to the terminal. A Corefile holds them in its name (its findings quote
// the path), a coredns-custom ConfigMap in a key written with YAML escapes (its finding
// quotes the key), and a Corefile in its text, which is refused as binary by content
// (the input error on stderr names it).
func TestTextOutputWritesNoControlCharacters(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"evil" + policyOutputHostile + ".corefile": ".:53 {\n    forward . 10.0.0.53\n}\n",
		"tokens.corefile":                          ".:53 {\n    evil" + policyOutputHostile + " 1\n    forward . 10.0.0.53 " + policyOutputHostile + "\n}\n",
		"custom.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n" +
			`  "evil\e]0;pwned\a\e[2J\u202e": |` + "\n    log\n",
	})
	r := run(t, dir, nil, "lint", ".")
	if r.exit != 2 || len(r.stdout) == 0 || !bytes.Contains(r.stderr, []byte("tokens.corefile: binary file")) {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.exit, r.stdout, r.stderr)
	}
	for name, out := range map[string][]byte{"stdout": r.stdout, "stderr": r.stderr} {
		if at, ok := policyOutputRawControl(out); ok {
			t.Errorf("raw control character on %s near %q:\n%q", name, at, out)
		}
	}
	for _, want := range []string{`evil\x1b]0;pwned\x07\x1b[2J\u009b6n\u202e`, "custom/missing-suffix"} {
		if !bytes.Contains(r.stdout, []byte(want)) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
}

// Issue 10, item 10 (other formats): a message with a newline followed by a workflow
// command must not start a command line of its own in the github format.
func TestGitHubFormatInjectsNoCommand(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"custom.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n" +
			`  "x\n::set-output name=pwned::1\r::add-mask::secret\u2028::error::injected": |` + "\n    log\n",
	})
	pol := policyOutputPolicy(`true`, `"m\n::set-output name=pwned::2\r\n::warning file=x::injected"`)
	writeFiles(t, dir, map[string]string{"policies/attack.rego": pol, "Corefile": ".:53 {\n    forward . 10.0.0.53\n}\n"})
	r := run(t, dir, nil, "lint", "--policy", "policies", "--format", "github", ".")
	if r.exit != 1 {
		t.Fatalf("exit %d, stderr %s", r.exit, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(string(r.stdout), "\n"), "\n")
	n := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error file=") && !strings.HasPrefix(l, "::warning file=") && !strings.HasPrefix(l, "::notice file=") {
			t.Errorf("line that is no annotation of dnslint's: %q", l)
		}
		if strings.Contains(l, "title=acme/attack::") || strings.Contains(l, "title=custom/missing-suffix::") {
			n++
		}
		if strings.ContainsAny(l, "\r\u2028") {
			t.Errorf("raw line break in %q", l)
		}
	}
	if n < 3 {
		t.Errorf("want the policy's two findings and the key's, got %d:\n%s", n, r.stdout)
	}
}

// Issue 10, item 12: input errors reached only stderr and the exit code; JSON had no
// record of them and SARIF no invocations, so code scanning showed a clean run.
func TestInputErrorsInJSONAndSARIF(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": ".:53 {\n    forward . 10.0.0.53\n}\n"})
	r := run(t, dir, nil, "lint", "--format", "json", "--report", "sarif=out.sarif", "Corefile", "missing.yaml")
	if r.exit != 2 || !bytes.Contains(r.stderr, []byte("missing.yaml: no such file or directory")) {
		t.Fatalf("exit %d, stderr %s", r.exit, r.stderr)
	}
	var j struct {
		Errors []struct{ Path, Message string } `json:"errors"`
	}
	if err := json.Unmarshal(r.stdout, &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Errors) != 1 || j.Errors[0].Path != "missing.yaml" || j.Errors[0].Message != "no such file or directory" {
		t.Errorf("json errors %+v", j.Errors)
	}
	sarifFile := filepath.Join(dir, "out.sarif")
	b, err := os.ReadFile(sarifFile)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct {
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	inv := s.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 1 {
		t.Fatalf("sarif invocations %+v", inv)
	}
	n := inv[0].ToolExecutionNotifications[0]
	if n.Level != "error" || n.Message.Text != "missing.yaml: no such file or directory" ||
		len(n.Locations) != 1 || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "missing.yaml" {
		t.Errorf("sarif notification %+v", n)
	}
	if os.Getenv("DNSLINT_SARIF_VALIDATE") != "1" {
		t.Log("set DNSLINT_SARIF_VALIDATE=1 to validate this SARIF with the multitool (lint/report's TestSARIFValidates validates the same shape)")
		return
	}
	out, err := exec.Command("bash", filepath.Join("..", "..", "scripts", "sarif-validate.sh"), sarifFile).CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("scripts/sarif-validate.sh: %v", err)
	}
}
