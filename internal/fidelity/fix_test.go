package fidelity

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFixedFixturesStart: every fix fixture (testdata/fix) whose bad file crashes a real
// CoreDNS starts it once fixed — the fix does what the finding said CoreDNS needed.
// Fixtures CoreDNS does not read (pod specs, autoscaler ConfigMaps) are skipped; at least
// one bad file must crash, or the test proves nothing.
func TestFixedFixturesStart(t *testing.T) {
	if os.Getenv("DNSLINT_FIDELITY") != "1" {
		t.Skip("set DNSLINT_FIDELITY=1 (make fidelity) to start real CoreDNS builds")
	}
	if os.Geteuid() != 0 {
		t.Fatal("the fidelity suite runs CoreDNS in its own network and mount namespaces: run it as root")
	}
	versions, err := ReadVersions(versionsFile)
	if err != nil {
		t.Fatal(err)
	}
	bads, err := filepath.Glob(filepath.Join(root, "testdata", "fix", "*", "bad.*"))
	if err != nil || len(bads) == 0 {
		t.Fatalf("no fix fixtures: %v", err)
	}
	script, _ := filepath.Abs(runScript)
	runner := &Runner{Script: script, Settle: 2 * time.Second, Timeout: 45 * time.Second}
	crashed := 0
	for _, bad := range bads {
		dir := filepath.Dir(bad)
		ext := filepath.Ext(bad)
		name := filepath.Base(dir) + ext
		before, _ := os.ReadFile(bad)
		after, err := os.ReadFile(filepath.Join(dir, "fixed"+ext))
		if err != nil {
			t.Fatal(err)
		}
		if ext == ".yaml" {
			if _, _, err := configMaps(before); err != nil {
				continue // no Corefile or coredns-custom ConfigMap: CoreDNS does not read it
			}
		}
		for _, v := range versions {
			bin := filepath.Join(cacheDir(), "coredns", v, "coredns")
			if _, err := os.Stat(bin); err != nil {
				t.Fatalf("CoreDNS %s not built: run scripts/fidelity/install-coredns.sh: %v", v, err)
			}
			res := startCase(t, runner, bin, v, &Case{Name: name, Data: before})
			if res.Outcome != Crash {
				continue
			}
			crashed++
			fixed := startCase(t, runner, bin, v, &Case{Name: name, Data: after})
			if fixed.Outcome != Start {
				t.Errorf("%s on CoreDNS %s: the bad file crashes (%s) and the fixed one does not start: %s %s\n%s",
					filepath.Base(dir), v, res.Error, fixed.Outcome, fixed.Note, fixed.Output)
				continue
			}
			t.Logf("%s on CoreDNS %s: bad crashes (%s), fixed starts", filepath.Base(dir), v, strings.TrimSpace(res.Error))
		}
	}
	if crashed == 0 {
		t.Fatal("no fix fixture crashes CoreDNS: the test proves nothing")
	}
}

func startCase(t *testing.T, runner *Runner, bin, version string, c *Case) Result {
	t.Helper()
	dir := t.TempDir()
	if err := Materialize(c, dir, aksDefault); err != nil {
		t.Fatal(err)
	}
	return runner.Run(context.Background(), bin, version, dir)
}
