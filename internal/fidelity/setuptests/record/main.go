// Command record starts the real CoreDNS binary of each pinned version on every case
// extracted from that version's plugin/*/setup_test.go and writes the verdicts to
// testdata/fidelity/setup/<version>.json (make fidelity-setup-record). It is
// incremental: a case whose content hash already has a verdict is not started again,
// and the file is rewritten as the run goes, so an interrupted run resumes. Each case
// runs in its own network and mount namespace (scripts/fidelity/run-coredns.sh, as
// make fidelity does). Needs root.
//
//	go run ./internal/fidelity/setuptests/record [-jobs N] [-versions 1.14.7,1.9.3]
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dnslint/dnslint/internal/fidelity"
	"github.com/dnslint/dnslint/internal/fidelity/setuptests"
)

func main() {
	root := flag.String("root", ".", "the dnslint repository")
	versions := flag.String("versions", "", "comma-separated CoreDNS versions (default: scripts/fidelity/versions)")
	jobs := flag.Int("jobs", 4, "cases started at once (CoreDNS mostly waits)")
	checkpoint := flag.Int("checkpoint", 20, "rewrite the record after this many new verdicts")
	rerun := flag.String("rerun", "", "also start again the cases whose id matches this regexp")
	flag.Parse()
	log.SetFlags(log.Ltime)
	// An interrupt stops the run: the CoreDNS processes are killed, the verdicts so far kept.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	again, err := regexp.Compile(*rerun)
	if err != nil {
		log.Fatal(err)
	}
	if *rerun == "" {
		again = nil
	}
	if err := run(ctx, *root, *versions, *jobs, *checkpoint, again); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, root, versionList string, jobs, checkpoint int, again *regexp.Regexp) error {
	var versions []string
	if versionList != "" {
		versions = strings.Split(versionList, ",")
	} else {
		var err error
		if versions, err = fidelity.ReadVersions(filepath.Join(root, "scripts", "fidelity", "versions")); err != nil {
			return err
		}
	}
	if os.Geteuid() != 0 {
		return fmt.Errorf("CoreDNS runs in its own network and mount namespaces: run as root")
	}
	cache := os.Getenv("DNSLINT_CACHE")
	if cache == "" {
		cache = filepath.Join(root, ".cache")
	}
	script, err := filepath.Abs(filepath.Join(root, "scripts", "fidelity", "run-coredns.sh"))
	if err != nil {
		return err
	}
	runner := &fidelity.Runner{Script: script, Settle: 2 * time.Second, Timeout: 45 * time.Second}
	for _, v := range versions {
		bin := filepath.Join(cache, "coredns", v, "coredns")
		if _, err := os.Stat(bin); err != nil {
			return fmt.Errorf("CoreDNS %s not built: run scripts/fidelity/install-coredns.sh %s: %v", v, v, err)
		}
		if err := recordVersion(ctx, root, v, bin, runner, jobs, checkpoint, again); err != nil {
			return err
		}
	}
	return nil
}

func recordVersion(ctx context.Context, root, version, bin string, runner *fidelity.Runner, jobs, checkpoint int, again *regexp.Regexp) error {
	src, err := setuptests.Source(version)
	if err != nil {
		return err
	}
	cases, err := setuptests.Extract(src)
	if err != nil {
		return err
	}
	path := setuptests.RecordPath(filepath.Join(root, "testdata", "fidelity", "setup"), version)
	rec, err := setuptests.ReadRecord(path, version)
	if err != nil {
		return err
	}
	merged, todo := setuptests.Merge(rec, cases, false)
	work, err := filepath.Abs(filepath.Join(root, ".cache", "setup-cases"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	if again != nil {
		queued := map[string]bool{}
		for _, c := range todo {
			queued[c.Hash] = true
		}
		for _, c := range merged {
			if c.Skip == "" && again.MatchString(c.ID) {
				c.Verdict, c.Error, c.Addresses, c.Env = "", "", nil, ""
				if !queued[c.Hash] {
					queued[c.Hash] = true
					todo = append(todo, c)
				}
			}
		}
	}
	log.Printf("CoreDNS %s: %d cases, %d contents to start", version, len(merged), len(todo))
	var mu sync.Mutex
	done := map[string]*setuptests.Recorded{}
	save := func() error {
		mu.Lock()
		defer mu.Unlock()
		out := &setuptests.Record{Version: version}
		for _, c := range merged {
			c := *c
			if d := done[c.Hash]; d != nil && c.Verdict == "" {
				c.Verdict, c.Error, c.Addresses = d.Verdict, d.Error, d.Addresses
			}
			c.Env = setuptests.Classify(&c)
			out.Cases = append(out.Cases, &c)
		}
		return out.Write(path)
	}
	ch := make(chan *setuptests.Recorded)
	var wg sync.WaitGroup
	var saveErr error
	for range max(jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for queued := range ch {
				c := *queued // merged holds queued: save reads it under mu
				start(ctx, &c, work, src, version, bin, runner)
				if ctx.Err() != nil {
					continue // interrupted: no verdict
				}
				mu.Lock()
				done[c.Hash] = &c
				n := len(done)
				mu.Unlock()
				log.Printf("%s %d/%d %s: %s %s", version, n, len(todo), c.ID, c.Verdict, c.Error)
				if n%checkpoint == 0 {
					if err := save(); err != nil {
						mu.Lock()
						saveErr = err
						mu.Unlock()
					}
				}
			}
		}()
	}
	for _, c := range todo {
		if ctx.Err() != nil {
			break
		}
		ch <- c
	}
	close(ch)
	wg.Wait()
	if saveErr != nil {
		return saveErr
	}
	if err := save(); err != nil {
		return err
	}
	return ctx.Err()
}

// start lays the case out (Corefile and the files the test writes) and starts CoreDNS.
func start(ctx context.Context, c *setuptests.Recorded, work, src, version, bin string, runner *fidelity.Runner) {
	// Outside /tmp: the namespace gets an empty /tmp of its own (auto { directory /tmp }
	// must not walk the host's).
	dir, err := os.MkdirTemp(work, "case-")
	if err != nil {
		c.Verdict, c.Error = setuptests.Undecided, err.Error()
		return
	}
	defer os.RemoveAll(dir)
	if err := c.Layout(dir, src); err != nil {
		c.Verdict, c.Error = setuptests.Undecided, err.Error()
		return
	}
	if err := os.WriteFile(filepath.Join(dir, ".fidelity-private-tmp"), nil, 0o644); err != nil {
		c.Verdict, c.Error = setuptests.Undecided, err.Error()
		return
	}
	res := runner.Run(ctx, bin, version, dir)
	// An address the host lacks is recreated, not excluded: added to the namespace's
	// loopback (run-coredns.sh), and the case started again.
	for range 4 {
		a := setuptests.MissingAddress(res.Error)
		if res.Outcome != fidelity.Crash || a == "" || slices.Contains(c.Addresses, a) {
			break
		}
		c.Addresses = append(c.Addresses, a)
		if err := os.WriteFile(filepath.Join(dir, ".fidelity-addresses"), []byte(strings.Join(c.Addresses, "\n")+"\n"), 0o644); err != nil {
			c.Verdict, c.Error = setuptests.Undecided, err.Error()
			return
		}
		res = runner.Run(ctx, bin, version, dir)
	}
	switch res.Outcome {
	case fidelity.Start:
		c.Verdict = setuptests.Started
	case fidelity.Crash:
		c.Verdict, c.Error = setuptests.Refused, fidelity.Stable(res.Error, dir)
	default:
		c.Verdict, c.Error = setuptests.Undecided, res.Note
	}
}
