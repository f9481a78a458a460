package render

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Helm templates are programs: `{{ range 1000000000 }}x{{ end }}` loops without calling
// a function, and Helm's engine renders each template into a buffer of its own that no
// caller can bound. So a chart is rendered in a child process — this binary again,
// started with childEnv set (the init below serves it before anything else runs) —
// whose address space is limited (Limits.Memory), which is killed at the deadline
// (Limits.Timeout, and the caller's context), and whose output is counted
// (Limits.Output): past any of them the chart gets an error finding, never a pass.

// childEnv names the environment variable that makes this binary render one chart.
const childEnv = "DNSLINT_RENDER_CHILD"

func init() {
	if os.Getenv(childEnv) == "helm" {
		os.Exit(serveChild(os.Stdin, os.Stdout))
	}
}

// Limits bound the rendering of one chart; zero fields take the defaults.
type Limits struct {
	// Timeout is the time one chart may render in (default 30 s).
	Timeout time.Duration
	// Output is the size of one chart's rendered output (default 16 MiB).
	Output int64
	// Memory is the address space of the process that renders it (default 2 GiB).
	Memory int64
}

// The defaults of Limits.
const (
	DefaultTimeout = 30 * time.Second
	DefaultOutput  = 16 << 20
	DefaultMemory  = 2 << 30
)

func (l Limits) withDefaults() Limits {
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	if l.Output <= 0 {
		l.Output = DefaultOutput
	}
	if l.Memory <= 0 {
		l.Memory = DefaultMemory
	}
	return l
}

// helmRequest is what the child renders: the chart's files (read by the parent through
// the guarded reader), the values files in the order they apply, and the release.
type helmRequest struct {
	Files     map[string][]byte `json:"files"`
	Values    [][]byte          `json:"values"`
	Release   string            `json:"release"`
	Namespace string            `json:"namespace"`
	// KubeVersion is Options.KubeVersion.
	KubeVersion string `json:"kube_version"`
	Memory      int64  `json:"memory"`
}

// helmResponse is the child's answer.
type helmResponse struct {
	Rendered map[string]string `json:"rendered"`
	// Missing are the dependencies of Chart.yaml that the chart does not vendor.
	Missing []string `json:"missing"`
	Error   string   `json:"error"`
}

// ErrLimit is a render or build past one of its limits.
var ErrLimit = errors.New("past a limit")

// renderInChild renders a chart in a child process within limits.
func renderInChild(ctx context.Context, req helmRequest, lim Limits) (*helmResponse, error) {
	lim = lim.withDefaults()
	req.Memory = lim.Memory
	in, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("cannot start the renderer: %w", err)
	}
	ctx, cancel := context.WithTimeoutCause(ctx, lim.Timeout, fmt.Errorf("%w: rendering took longer than %s", ErrLimit, lim.Timeout))
	defer cancel()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = []string{childEnv + "=helm", "GOMAXPROCS=1"}
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &limitedBuffer{buf: &stderr, max: 4096}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot start the renderer: %w", err)
	}
	body, readErr := io.ReadAll(io.LimitReader(out, lim.Output+1))
	over := int64(len(body)) > lim.Output
	if over {
		_ = cmd.Process.Kill()
	}
	waitErr := cmd.Wait()
	switch {
	case over:
		return nil, fmt.Errorf("%w: the rendered output passed %d bytes", ErrLimit, lim.Output)
	case context.Cause(ctx) != nil:
		return nil, context.Cause(ctx)
	case readErr != nil:
		return nil, readErr
	}
	var resp helmResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if waitErr != nil && (strings.Contains(msg, "out of memory") || strings.Contains(msg, "cannot allocate memory")) {
			return nil, fmt.Errorf("%w: rendering needed more than %d bytes of memory", ErrLimit, lim.Memory)
		}
		if msg == "" && waitErr != nil {
			msg = waitErr.Error()
		}
		return nil, fmt.Errorf("the renderer stopped: %s", cut(msg, 400))
	}
	return &resp, nil
}

// serveChild renders one request from in to out; it runs in the child process.
func serveChild(in io.Reader, out io.Writer) int {
	var req helmRequest
	if err := json.NewDecoder(in).Decode(&req); err != nil {
		fmt.Fprintln(os.Stderr, "dnslint renderer:", err)
		return 2
	}
	if req.Memory > 0 {
		if err := limitMemory(req.Memory); err != nil {
			fmt.Fprintln(os.Stderr, "dnslint renderer: cannot limit its memory:", err)
			return 2
		}
	}
	resp := renderHelm(req)
	if err := json.NewEncoder(out).Encode(resp); err != nil {
		return 2
	}
	return 0
}

// limitedBuffer keeps the first max bytes written to it.
type limitedBuffer struct {
	buf *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.buf.Len(); room > 0 {
		l.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}
