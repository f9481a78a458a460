package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"helm.sh/helm/v4/pkg/ignore"

	"github.com/dnslint/dnslint/lint/source"
)

// maxChartFiles and maxChartBytes bound what one chart may hold.
const (
	maxChartFiles = 4096
	maxChartBytes = 64 << 20
)

// renderChart renders the chart in dir and returns a rendered text per template, whose
// findings are reported only in the files of only when it is not nil, and the notes
// about the chart.
func renderChart(ctx context.Context, dir, root string, maxSize int64, only map[string]bool, name func(string) string, opts Options) ([]*source.File, []source.Problem) {
	roots := source.Roots{Dirs: []string{root}, MaxSize: maxSize}
	chartFile := filepath.Join(dir, "Chart.yaml")
	files, problems, err := readChart(dir, roots)
	note := func(format, msg string, line int) []*source.File {
		return []*source.File{noteFile(chartFile, name(chartFile), root, files["Chart.yaml"], line, format, msg)}
	}
	if err != nil {
		return note("limit", err.Error(), 1), problems
	}
	values, valueTexts, probs := readValues(dir, root, roots, opts.Values)
	problems = append(problems, probs...)
	req := helmRequest{Files: files, Values: values, Release: or(opts.Release, "release-name"), Namespace: or(opts.Namespace, "default"), KubeVersion: opts.KubeVersion}
	resp, err := renderInChild(ctx, req, opts.Limits)
	switch {
	case errors.Is(err, ErrLimit) || errors.Is(err, context.DeadlineExceeded):
		return note("limit", fmt.Sprintf("the Helm chart was not rendered: %v", err), 1), problems
	case err != nil:
		return note(NotRendered, fmt.Sprintf("the Helm chart was not rendered: %v", err), 1), problems
	}
	chartKeys := scanKeys(string(files["Chart.yaml"]))
	var notes []*source.File
	for _, m := range resp.Missing {
		notes = append(notes, note(Skipped, fmt.Sprintf("dependency %s is not vendored in charts/: dnslint reaches no chart repository, so the chart is linted without it (helm dependency build vendors it)", m), dependencyLine(chartKeys, m))...)
	}
	if resp.Error != "" {
		return append(notes, note(NotRendered, "Helm cannot render the chart: "+resp.Error, 1)...), problems
	}
	out := mergeNotes(notes)
	// The values files a rendered value may come from, the one that wins first.
	var vfiles []*textFile
	edited := map[string][]byte{}
	for i := len(valueTexts) - 1; i >= 0; i-- {
		vfiles = append(vfiles, &textFile{path: valueTexts[i].path, keys: scanKeys(string(valueTexts[i].data))})
		edited[valueTexts[i].path] = valueTexts[i].data
	}
	if b, ok := files["values.yaml"]; ok {
		p := name(filepath.Join(dir, "values.yaml"))
		vfiles = append(vfiles, &textFile{path: p, keys: scanKeys(string(b))})
		edited[p] = b
	}
	for _, key := range slices.Sorted(maps.Keys(resp.Rendered)) {
		text := resp.Rendered[key]
		rel := templateFile(key)
		if strings.TrimSpace(text) == "" || source.FormatOf(rel) != source.YAML {
			continue
		}
		tmplPath, tmplText := name(filepath.Join(dir, filepath.FromSlash(rel))), files[rel]
		if tmplText == nil { // a template of an archived subchart
			tmplPath, tmplText = name(chartFile), files["Chart.yaml"]
		}
		tmpl := &textFile{path: tmplPath, keys: scanKeys(string(tmplText))}
		o := &origin{rendered: scanKeys(text), primary: tmplPath, primaryLine: tmpl.keys.text(1), tmpl: tmpl,
			candidates: func(doc int) []candidate { return []candidate{{file: tmpl, doc: doc}} }}
		if strings.HasPrefix(rel, "templates/") {
			o.values = vfiles
		}
		ed := map[string][]byte{tmplPath: tmplText}
		for k, v := range edited {
			ed[k] = v
		}
		out = append(out, &source.File{Path: tmplPath + "#rendered", Abs: filepath.Join(dir, filepath.FromSlash(rel)), Format: source.YAML,
			Data: []byte(text), Root: root, Origin: o, Edited: ed, Only: only})
	}
	return out, problems
}

// readChart reads the visible files of a chart directory through the guarded reader,
// by their slash-separated path in the chart, leaving out what the chart's .helmignore
// ignores, as Helm's loader does (helm.sh/helm/v4 pkg/chart/v2/loader/directory.go).
func readChart(dir string, roots source.Roots) (map[string][]byte, []source.Problem, error) {
	files := map[string][]byte{}
	var problems []source.Problem
	rules, err := helmIgnore(dir, roots)
	if err != nil {
		problems = append(problems, source.Problem{Path: source.Display(filepath.Join(dir, ignore.HelmIgnore)), Err: err})
		rules = ignore.Empty()
		rules.AddDefaults()
	}
	var total int64
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, source.Problem{Path: source.Display(p), Err: err})
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if rel, _ := filepath.Rel(dir, p); p != dir {
			if info, err := d.Info(); err == nil && rules.Ignore(filepath.ToSlash(rel), info) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		if d.IsDir() {
			return nil
		}
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			return nil // a link to a directory is not followed
		}
		b, err := roots.Read(p)
		if err != nil {
			problems = append(problems, source.Problem{Path: source.Display(p), Err: err})
			return nil
		}
		total += int64(len(b))
		if len(files) >= maxChartFiles || total > maxChartBytes {
			return fmt.Errorf("%w: the chart holds more than %d files or %d bytes", ErrLimit, maxChartFiles, maxChartBytes)
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = bytes.TrimPrefix(b, utf8BOM)
		return nil
	})
	return files, problems, err
}

// utf8BOM is the byte order mark Helm's loader drops from the start of a chart's files.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// helmIgnore is the chart's .helmignore (none: no rules) with Helm's default rule, which
// ignores the dot files of templates/.
func helmIgnore(dir string, roots source.Roots) (*ignore.Rules, error) {
	rules := ignore.Empty()
	b, err := roots.ReadDotFile(dir, ignore.HelmIgnore)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		if rules, err = ignore.Parse(bytes.NewReader(b)); err != nil {
			return nil, err
		}
	}
	rules.AddDefaults()
	return rules, nil
}

type valuesText struct {
	path string
	data []byte
}

// readValues reads the values files that apply to the chart in dir: those inside it,
// and those in no chart.
func readValues(dir, root string, roots source.Roots, paths []string) ([][]byte, []valuesText, []source.Problem) {
	var values [][]byte
	var texts []valuesText
	var problems []source.Problem
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if owner := chartOf(abs, root); owner != "" && owner != dir {
			continue
		}
		b, err := roots.Read(abs)
		if err != nil {
			problems = append(problems, source.Problem{Path: source.Display(p), Err: fmt.Errorf("helm values file: %w", err)})
			continue
		}
		values = append(values, b)
		texts = append(texts, valuesText{path: source.Display(abs), data: b})
	}
	return values, texts, problems
}

// dependencyLine is the line of Chart.yaml that names a missing dependency ("NAME
// VERSION (REPO)"), 1 when not found.
func dependencyLine(ix *keyIndex, missing string) int {
	name, _, _ := strings.Cut(missing, " ")
	for n := 1; n < len(ix.lines); n++ {
		k := ix.lines[n]
		if strings.HasPrefix(k.Path, "dependencies.") && strings.HasSuffix(k.Path, ".name") && strings.HasSuffix(strings.Trim(k.Text, `"' `), name) {
			return n
		}
	}
	return 1
}

// mergeNotes puts the notes about one file into one file of the run.
func mergeNotes(notes []*source.File) []*source.File {
	if len(notes) < 2 {
		return notes
	}
	for _, n := range notes[1:] {
		notes[0].Notes = append(notes[0].Notes, n.Notes...)
	}
	return notes[:1]
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
