package integration

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
)

// release is a local copy of a GitHub release as goreleaser names its assets
// (.goreleaser.yaml), served on 127.0.0.1: <url>/v<version>/<asset>.
type release struct {
	url      string
	requests atomic.Int64
}

const releaseVersion = "1.2.3"

// serveRelease builds dnslint, packs it as the release archive for this OS/arch and
// writes the checksums file; tamper replaces the archive after its checksum was taken.
func serveRelease(t *testing.T, tamper bool) *release {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "dnslint")
	// Stripped (-s -w) as .goreleaser.yaml builds a release: half the bytes to pack.
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -X main.version="+releaseVersion, "-o", bin, "./cmd/dnslint")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	asset := fmt.Sprintf("dnslint_%s_%s_%s.tar.gz", releaseVersion, runtime.GOOS, runtime.GOARCH)
	assets := filepath.Join(dir, "v"+releaseVersion)
	if err := os.MkdirAll(assets, 0o755); err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(assets, asset)
	packTarGz(t, archive, map[string]string{"dnslint": bin, "README.md": filepath.Join("..", "..", "README.md")})
	b, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	sums := fmt.Sprintf("%x  dnslint_%s_other_arch.tar.gz\n%x  %s\n", sha256.Sum256([]byte("other")), releaseVersion, sha256.Sum256(b), asset)
	if err := os.WriteFile(filepath.Join(assets, "dnslint_"+releaseVersion+"_checksums.txt"), []byte(sums), 0o644); err != nil {
		t.Fatal(err)
	}
	if tamper {
		// Same binary, one more file: a different archive than the one the checksum is of.
		packTarGz(t, archive, map[string]string{"dnslint": bin, "README.md": filepath.Join("..", "..", "README.md"), "extra": bin})
	}
	r := &release{}
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.requests.Add(1)
		files.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	r.url = srv.URL
	return r
}

func packTarGz(t *testing.T, out string, files map[string]string) {
	t.Helper()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, _ := gzip.NewWriterLevel(f, gzip.BestSpeed) // a valid archive is all the test needs
	tw := tar.NewWriter(gz)
	for name, src := range files {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(b))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
}

func cachedBinary(toolCache string) string {
	return filepath.Join(toolCache, "dnslint", releaseVersion, runtime.GOARCH, "dnslint")
}

// TestActionDownloadsRelease: used at a release tag, the action downloads that release's
// archive, verifies its SHA-256 against the checksums file, keeps the binary in the tool
// cache and lints with it; the next run takes it from the cache without a request.
func TestActionDownloadsRelease(t *testing.T) {
	if runnerArch[runtime.GOARCH] == "" {
		t.Skipf("no release for %s", runtime.GOARCH)
	}
	rel := serveRelease(t, false)
	rn := runner{actionRef: "v" + releaseVersion, toolCache: t.TempDir()}
	inputs := map[string]string{"paths": "dns", "fail-on": "none", "download-url": rel.url}

	res := runActionOn(t, workspace(t), inputs, rn)
	if res.failed || res.outputs["errors"] != "1" {
		t.Fatalf("failed=%v outputs=%v\n%s", res.failed, res.outputs, res.stdout)
	}
	if !strings.Contains(res.stdout, "verified against dnslint_"+releaseVersion+"_checksums.txt") {
		t.Errorf("no checksum verification reported:\n%s", res.stdout)
	}
	if strings.Contains(res.stdout, "building from source") {
		t.Errorf("built from source although used at a release tag:\n%s", res.stdout)
	}
	out, err := exec.Command(cachedBinary(rn.toolCache), "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "dnslint "+releaseVersion+"\n") {
		t.Fatalf("tool cache binary: %v %q", err, out)
	}
	if _, err := os.Stat(filepath.Join(rn.toolCache, "dnslint", releaseVersion, runtime.GOARCH+".complete")); err != nil {
		t.Errorf("tool cache entry not marked complete: %v", err)
	}
	if n := rel.requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2 (archive and checksums)", n)
	}

	again := runActionOn(t, workspace(t), inputs, rn)
	if again.failed || again.outputs["errors"] != "1" || !strings.Contains(again.stdout, "from the tool cache") {
		t.Errorf("second run: failed=%v outputs=%v\n%s", again.failed, again.outputs, again.stdout)
	}
	if n := rel.requests.Load(); n != 2 {
		t.Errorf("the cached binary was downloaded again: %d requests", n)
	}
}

// TestActionRejectsTamperedArchive: an archive whose SHA-256 is not the checksums file's
// fails the step before dnslint runs, and nothing enters the tool cache.
func TestActionRejectsTamperedArchive(t *testing.T) {
	if runnerArch[runtime.GOARCH] == "" {
		t.Skipf("no release for %s", runtime.GOARCH)
	}
	rel := serveRelease(t, true)
	rn := runner{toolCache: t.TempDir()}
	res := runActionOn(t, workspace(t), map[string]string{"paths": "dns", "fail-on": "none", "download-url": rel.url, "version": "v" + releaseVersion}, rn)
	if !res.failed {
		t.Fatalf("a tampered archive passed:\n%s", res.stdout)
	}
	if res.outputs["errors"] != "" {
		t.Errorf("dnslint ran from a tampered archive: outputs %v", res.outputs)
	}
	if _, err := os.Stat(cachedBinary(rn.toolCache)); !os.IsNotExist(err) {
		t.Errorf("the tampered binary entered the tool cache: %v", err)
	}
}

// TestActionVersionSource: `version: source` builds from source even when the action is
// used at a release tag; no release is fetched.
func TestActionVersionSource(t *testing.T) {
	rel := serveRelease(t, false)
	rn := runner{actionRef: "v" + releaseVersion, toolCache: t.TempDir()}
	res := runActionOn(t, workspace(t), map[string]string{"paths": "dns", "fail-on": "none", "download-url": rel.url, "version": "source"}, rn)
	if res.failed || res.outputs["errors"] != "1" || !strings.Contains(res.stdout, "building from source") {
		t.Errorf("failed=%v outputs=%v\n%s", res.failed, res.outputs, res.stdout)
	}
	if n := rel.requests.Load(); n != 0 {
		t.Errorf("%d requests to the release server, want 0", n)
	}
	if _, err := os.Stat(cachedBinary(rn.toolCache)); !os.IsNotExist(err) {
		t.Errorf("a release binary entered the tool cache: %v", err)
	}
}
