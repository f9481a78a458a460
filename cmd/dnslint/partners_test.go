package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// repoCorednsWithLog is a repository's coredns ConfigMap: its .:53 block has nsid (the
// AKS default has not; CoreDNS allows it once per block) and no cache (the AKS default has
// cache 30).
const repoCorednsWithLog = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        nsid
        forward . /etc/resolv.conf
        import custom/*.override
        cache 5
    }
    import custom/*.server
`

func customWith(key, value string) string {
	return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n  " + key + ": |\n    " + value + "\n"
}

// gitInit makes dir a git work tree (the repository the partner is searched in).
func gitInit(t *testing.T, dir string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
}

// TestRepositoryPartner: a coredns-custom linted alone is composed with the coredns
// ConfigMap of its repository, not with a platform default; the partner's own findings
// are not reported; the finding names the partner file.
func TestRepositoryPartner(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gitInit(t, dir)
	writeFiles(t, dir, map[string]string{
		"clusters/prod/coredns.yaml": repoCorednsWithLog,
		"clusters/prod/custom.yaml":  customWith("nsid.override", "nsid"),
		"clusters/dev/custom.yaml":   customWith("cache.override", "cache 10"),
	})
	custom := filepath.Join(dir, "clusters/prod/custom.yaml")
	got, r := findings(t, "", custom)
	want := custom + ":8:5 error custom/override-duplicates-plugin"
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, want) }) {
		t.Fatalf("want %q (log twice, composed with the repository's coredns.yaml), got %q\n%s", want, got, r)
	}
	if strings.Contains(r.stdout, "cache/low-ttl") || strings.Contains(r.stdout, "aks default") {
		t.Errorf("the partner's own finding, or the AKS default, is in the report:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "composed with key Corefile of ConfigMap coredns in "+filepath.Join(dir, "clusters/prod/coredns.yaml")+", found in the repository") {
		t.Errorf("the finding does not name the partner file:\n%s", r.stdout)
	}

	// Dev has no coredns ConfigMap of its own: the nearest one, prod's, is the partner;
	// its cache 5 (not the AKS default's cache 30) is what cache 10 collides with.
	_, r = findings(t, "", filepath.Join(dir, "clusters/dev/custom.yaml"))
	if !strings.Contains(r.stdout, "the block already has its own `cache`") || strings.Contains(r.stdout, "AKS default") || !strings.Contains(r.stdout, "found in the repository") {
		t.Errorf("dev's cache.override: want it composed with prod's coredns.yaml, got\n%s", r.stdout)
	}
}

// TestRepositoryPartnerChoice: two coredns ConfigMaps, neither above it, are no partner (the AKS
// default answers); compose: in .dnslint.yaml names where to look; the partner that
// imports nothing makes the coredns-custom never read.
func TestRepositoryPartnerChoice(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gitInit(t, dir)
	noImport := strings.Replace(strings.Replace(repoCorednsWithLog, "        import custom/*.override\n", "", 1), "    import custom/*.server\n", "", 1)
	writeFiles(t, dir, map[string]string{
		"a/coredns.yaml":    repoCorednsWithLog,
		"b/coredns.yaml":    noImport,
		"custom/log.yaml":   customWith("nsid.override", "nsid"),
		"custom/cache.yaml": customWith("cache.override", "cache 10"),
	})
	got, _ := findings(t, "", filepath.Join(dir, "custom/cache.yaml"))
	if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "custom/override-duplicates-plugin") }) {
		t.Errorf("two partners as near: want the AKS default (its cache 30 collides with cache 10), got %q", got)
	}
	writeFiles(t, dir, map[string]string{".dnslint.yaml": "compose: [b/*.yaml]\n"})
	log := filepath.Join(dir, "custom/log.yaml")
	got, r := findings(t, "", "--config", filepath.Join(dir, ".dnslint.yaml"), log)
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, log+":2:7 warning custom/not-imported") }) {
		t.Errorf("compose: b/*.yaml names a Corefile that imports nothing: want custom/not-imported, got %q\n%s", got, r)
	}
}

// TestRepositoryPartnerStaysInRoots: the search reads no hidden directory and follows no
// link out of the repository.
func TestRepositoryPartnerStaysInRoots(t *testing.T) {
	t.Parallel()
	outside := t.TempDir()
	writeFiles(t, outside, map[string]string{"coredns.yaml": repoCorednsWithLog})
	dir := t.TempDir()
	gitInit(t, dir)
	writeFiles(t, dir, map[string]string{
		".hidden/coredns.yaml": repoCorednsWithLog,
		"custom.yaml":          customWith("nsid.override", "nsid"),
	})
	if err := os.Symlink(filepath.Join(outside, "coredns.yaml"), filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	got, r := findings(t, "", filepath.Join(dir, "custom.yaml"))
	if slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "override-duplicates-plugin") }) || strings.Contains(r.stdout, "found in the repository") {
		t.Errorf("a partner was read from a hidden directory or through a link out of the repository: %q\n%s", got, r.stdout)
	}
}
