package fidelity

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	yaml "go.yaml.in/yaml/v3"
)

// Materialize lays a case out in dir as CoreDNS reads it in a pod: a Corefile case is
// copied to dir/Corefile; a ConfigMap case writes the coredns ConfigMap's Corefile key to
// dir/Corefile (the platform default, when the case holds only coredns-custom) and each
// coredns-custom key to dir/custom/<key>, where the pod mounts them. Nothing is rewritten.
func Materialize(c *Case, dir, platformDefault string) error {
	if !c.IsYAML() {
		return os.WriteFile(filepath.Join(dir, "Corefile"), c.Data, 0o644)
	}
	corefile, customs, err := configMaps(c.Data)
	if err != nil {
		return fmt.Errorf("%s: %v", c.Name, err)
	}
	if corefile == nil {
		b, err := os.ReadFile(platformDefault)
		if err != nil {
			return err
		}
		corefile = b
	}
	if err := os.WriteFile(filepath.Join(dir, "Corefile"), corefile, 0o644); err != nil {
		return err
	}
	if len(customs) == 0 {
		return nil
	}
	if err := os.Mkdir(filepath.Join(dir, "custom"), 0o755); err != nil {
		return err
	}
	for k, v := range customs {
		if strings.ContainsAny(k, "/\\") || k == "" || k == "." || k == ".." {
			return fmt.Errorf("%s: coredns-custom key %q is no file name", c.Name, k)
		}
		if err := os.WriteFile(filepath.Join(dir, "custom", k), []byte(v), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// configMaps reads the ConfigMaps of a YAML case with a plain YAML decoder (not dnslint's
// parser): the Corefile key of the ConfigMap that has one, and the keys of coredns-custom.
func configMaps(data []byte) (corefile []byte, customs map[string]string, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc struct {
			Kind     string `yaml:"kind"`
			Metadata struct {
				Name string `yaml:"name"`
			} `yaml:"metadata"`
			Data map[string]string `yaml:"data"`
		}
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		if doc.Kind != "ConfigMap" {
			continue
		}
		if doc.Metadata.Name == "coredns-custom" {
			if customs != nil {
				return nil, nil, fmt.Errorf("two coredns-custom ConfigMaps")
			}
			customs = doc.Data
			if customs == nil {
				customs = map[string]string{}
			}
			continue
		}
		if v, ok := doc.Data["Corefile"]; ok {
			if corefile != nil {
				return nil, nil, fmt.Errorf("two ConfigMaps with a Corefile key")
			}
			corefile = []byte(v)
		}
	}
	if corefile == nil && customs == nil {
		return nil, nil, fmt.Errorf("no ConfigMap with a Corefile key and no coredns-custom ConfigMap")
	}
	return corefile, customs, nil
}

// Result is what one CoreDNS run did.
type Result struct {
	Outcome Outcome // "" when it did neither in time
	// ExitCode of a crash.
	ExitCode int
	// Error is CoreDNS's error line (crash), Output everything it printed.
	Error, Output string
	Elapsed       time.Duration
	// Note explains a run that neither started nor crashed.
	Note string
}

// Runner starts CoreDNS builds on materialized cases.
type Runner struct {
	// Script is scripts/fidelity/run-coredns.sh.
	Script string
	// Settle is how long CoreDNS must keep running after its banner to count as started.
	Settle time.Duration
	// Timeout bounds one run.
	Timeout time.Duration
}

// Run starts the CoreDNS binary bin (of version) on dir/Corefile and waits until it
// crashes, or prints its banner and is still running Settle later.
func (r *Runner) Run(ctx context.Context, bin, version, dir string) Result {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, r.Timeout)
	defer cancel()
	cmd := exec.Command(r.Script, bin, dir)
	// Own process group: killing it ends the shell, unshare and CoreDNS together.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out := &watchBuffer{want: []byte("CoreDNS-" + version), seen: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return Result{Note: err.Error(), Elapsed: time.Since(start)}
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	kill := func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-exited
	}
	var res Result
	var settle <-chan time.Time
	seen := out.seen
	for res.Outcome == "" && res.Note == "" {
		select {
		case err := <-exited:
			res.Output = out.String()
			var ee *exec.ExitError
			switch {
			case errors.As(err, &ee) && ee.ExitCode() > 0:
				res.Outcome, res.ExitCode = Crash, ee.ExitCode()
				res.Error = errorLine(res.Output)
			case err == nil:
				res.Note = "CoreDNS exited 0 without starting"
			default:
				res.Note = "CoreDNS: " + err.Error()
			}
			res.Elapsed = time.Since(start)
			return res
		case <-seen:
			seen = nil
			settle = time.After(r.Settle)
		case <-settle:
			res.Outcome = Start
		case <-ctx.Done():
			res.Note = fmt.Sprintf("neither started nor exited within %s", r.Timeout)
		}
	}
	kill()
	res.Output = out.String()
	res.Elapsed = time.Since(start)
	return res
}

// watchBuffer collects output and closes seen once want appears in it.
type watchBuffer struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want []byte
	seen chan struct{}
	done bool
}

func (w *watchBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.done && bytes.Contains(w.buf.Bytes(), w.want) {
		w.done = true
		close(w.seen)
	}
	return len(p), nil
}

func (w *watchBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// noise are lines that are not CoreDNS's verdict: log lines below error, the automaxprocs
// banner, and client-go's klog lines (the fake service account has no CA file).
var noise = regexp.MustCompile(`^(\[(INFO|WARNING|DEBUG)\]|maxprocs:|[IWE]\d{4} \d\d:\d\d:\d\d)`)

// errorLine is the line CoreDNS exited with: the last line that is no noise.
func errorLine(output string) string {
	lines := strings.Split(strings.TrimSpace(output), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" && !noise.MatchString(l) {
			return l
		}
	}
	if len(lines) > 0 {
		return strings.TrimSpace(lines[len(lines)-1])
	}
	return ""
}

var (
	ephemeralPort = regexp.MustCompile(`(127\.0\.0\.1|\[::1\]):\d+ ->`)
	hinfoProbe    = regexp.MustCompile(`HINFO \d+\.\d+\.`)
)

// Stable makes a message the same from run to run: the case's temporary directory
// becomes <dir>, and the loop plugin's random probe name and source port are masked.
func Stable(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "<dir>")
	s = ephemeralPort.ReplaceAllString(s, "$1:<port> ->")
	return hinfoProbe.ReplaceAllString(s, "HINFO <random>.<random>.")
}
