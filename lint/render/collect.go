package render

import (
	"context"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// Options say what Collect renders, and how.
type Options struct {
	// NoHelm reads no chart: its files are left out (a template is never parsed as
	// YAML). NoKustomize builds no kustomization: its files are read as plain files.
	NoHelm, NoKustomize bool
	// Values are Helm values files, applied after each chart's values.yaml in order:
	// a values file inside a chart's directory to that chart, any other to every chart.
	Values []string
	// Release and Namespace name the release (default release-name and default, as
	// `helm template`).
	Release, Namespace string
	// KubeVersion is the cluster's Kubernetes release charts are rendered for
	// (.Capabilities.KubeVersion, and Chart.yaml's kubeVersion checked against it, as
	// `helm template --kube-version`); "" leaves the Helm SDK's default.
	KubeVersion string
	Limits      Limits
}

// Collect reads paths as w.Collect does, renders the Helm charts and builds the
// kustomizations that hold the files read, and returns the plain files with the
// rendered texts in place of the files they consumed. What could not be rendered is a
// finding (a parse error of format "render"), carried by a file that holds it.
func Collect(ctx context.Context, w *source.Walker, paths []string, opts Options) ([]*source.File, []source.Problem) {
	files, problems := w.Collect(paths)
	named := map[string]bool{}
	stdin := "" // standard input is read as it is, whatever --stdin-filename names
	for _, p := range paths {
		if p == "-" {
			stdin, _ = filepath.Abs(w.StdinName)
		}
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			if abs, err := filepath.Abs(p); err == nil {
				named[abs] = true
			}
		}
	}
	charts := map[string][]*source.File{}
	kusts := map[string][]*source.File{}
	var plain []*source.File
	for _, f := range files {
		if f.Origin != nil || f.Root == "" || f.Abs == "" || f.Abs == stdin {
			plain = append(plain, f)
			continue
		}
		dir := chartOf(f.Abs, f.Root)
		if dir == "" {
			// A template named alone, outside a work tree: its chart lies above the
			// file's own root, and is the root of its rendering.
			dir = chartAbove(f.Abs)
		}
		if dir != "" {
			if !opts.NoHelm {
				charts[dir] = append(charts[dir], f)
			}
			continue
		}
		if dir := kustomizationOf(f.Abs, f.Root); dir != "" && !opts.NoKustomize {
			kusts[dir] = append(kusts[dir], f)
			continue
		}
		plain = append(plain, f)
	}
	out := plain
	for _, dir := range slices.Sorted(maps.Keys(charts)) {
		fs := charts[dir]
		only := onlyTemplates(dir, fs, named)
		root := fs[0].Root
		if _, ok := under(root, dir); !ok {
			root = dir
		}
		rendered, probs := renderChart(ctx, dir, root, w.MaxSize, only, namer(dir, fs[0]), opts)
		out = append(out, rendered...)
		problems = append(problems, probs...)
	}
	kout, kprobs := buildAll(kusts, named)
	out = append(out, kout...)
	problems = append(problems, kprobs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, problems
}

// onlyTemplates returns the templates named on the command line when every file of the
// chart read was named and each is a template (pre-commit passes the staged files):
// only their findings are reported. Nil reports the whole chart (a values file or
// Chart.yaml changes every template).
func onlyTemplates(dir string, fs []*source.File, named map[string]bool) map[string]bool {
	return onlyNamed(fs, named, func(f *source.File) bool {
		rel, err := filepath.Rel(dir, f.Abs)
		return err == nil && strings.HasPrefix(filepath.ToSlash(rel), "templates/")
	})
}

// onlyNamed returns the display paths of fs when each was named on the command line
// and may be reported alone (alone), else nil.
func onlyNamed(fs []*source.File, named map[string]bool, alone func(*source.File) bool) map[string]bool {
	only := map[string]bool{}
	for _, f := range fs {
		if !named[f.Abs] || !alone(f) {
			return nil
		}
		only[f.Path] = true
	}
	return only
}

// chartOf returns the outermost directory from root down to the file's that holds a
// Chart.yaml (a subchart renders with its parent), "" when none.
func chartOf(file, root string) string {
	for _, d := range ancestors(file, root) {
		if info, err := os.Lstat(filepath.Join(d, "Chart.yaml")); err == nil && info.Mode().IsRegular() {
			return d
		}
	}
	return ""
}

// chartAbove returns the nearest directory above a file that holds a Chart.yaml and
// whose templates/ holds the file, "" when none.
func chartAbove(file string) string {
	for d := filepath.Dir(file); d != filepath.Dir(d); d = filepath.Dir(d) {
		if filepath.Base(d) != "templates" {
			continue
		}
		chart := filepath.Dir(d)
		if info, err := os.Lstat(filepath.Join(chart, "Chart.yaml")); err == nil && info.Mode().IsRegular() {
			return chart
		}
	}
	return ""
}

// under tells whether path lies in dir (both absolute), and where.
func under(dir, path string) (string, bool) {
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// kustomizationOf returns the innermost directory from the file's up to root that holds
// a kustomization, "" when none.
func kustomizationOf(file, root string) string {
	as := ancestors(file, root)
	for i := len(as) - 1; i >= 0; i-- {
		if kustomizationIn(as[i]) != "" {
			return as[i]
		}
	}
	return ""
}

// ancestors lists the directories from root (outermost) down to the file's.
func ancestors(file, root string) []string {
	var out []string
	for d := filepath.Dir(file); ; d = filepath.Dir(d) {
		rel, err := filepath.Rel(root, d)
		if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
			break
		}
		out = append(out, d)
		if d == root || d == filepath.Dir(d) {
			break
		}
	}
	slices.Reverse(out)
	return out
}

// NotRendered and Skipped are the formats of the parse errors Collect reports: a chart
// or kustomization that could not be rendered (an error), and a dependency or a remote
// base that dnslint does not fetch (info). Rule dnslint/not-rendered reports both.
const (
	NotRendered = "render"
	Skipped     = "render-skipped"
)

// noteFile is a file of the run that carries one finding about a chart or a
// kustomization, at line of path.
func noteFile(path, display, root string, data []byte, line int, format, msg string) *source.File {
	return &source.File{Path: display, Abs: path, Format: source.YAML, Root: root, Data: data,
		Notes: []*model.ParseError{{Format: format, Message: msg, Pos: model.Pos{File: display, Line: line, Col: 1, EndLine: line, EndCol: 1}}}}
}

// namer names the files of dir (and those its kustomization reaches beside it) the way
// the user named f, a file read in it: relative paths stay relative to the same place.
func namer(dir string, f *source.File) func(abs string) string {
	rel, err := filepath.Rel(dir, f.Abs)
	prefix, ok := strings.CutSuffix(f.Path, filepath.ToSlash(rel))
	if err != nil || !ok {
		return source.Display
	}
	return func(abs string) string {
		r, err := filepath.Rel(dir, abs)
		if err != nil {
			return source.Display(abs)
		}
		return path.Clean(prefix + filepath.ToSlash(r))
	}
}
