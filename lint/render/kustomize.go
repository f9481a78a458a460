package render

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	yaml "go.yaml.in/yaml/v3"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"

	"github.com/dnslint/dnslint/lint/source"
)

// kustomizationNames are the names kustomize reads a kustomization from.
var kustomizationNames = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

// kustomizationIn returns the kustomization file of dir, "" when it has none.
func kustomizationIn(dir string) string {
	for _, n := range kustomizationNames {
		if info, err := os.Lstat(filepath.Join(dir, n)); err == nil && info.Mode().IsRegular() {
			return filepath.Join(dir, n)
		}
	}
	return ""
}

// kustomizeBuild is one kustomize build: its output objects, the files it read, and
// what it left out.
type kustomizeBuild struct {
	dir       string
	resources []builtObject
	// read are the files the build read (absolute), in order.
	read []string
	// remote are the remote bases and resources left out, with the kustomization that
	// names them and its line.
	remote []remoteRef
	// refused are files of a directory the build listed that the guarded reader refused.
	refused []source.Problem
}

type builtObject struct {
	yaml   []byte
	origin string // the file that holds the resource (absolute), "" when generated
	kind   string
	name   string
}

type remoteRef struct {
	file string
	line int
	ref  string
}

// maxKustomizeFiles and maxKustomizeBytes bound what one build may read.
const (
	maxKustomizeFiles = 4096
	maxKustomizeBytes = 64 << 20
)

// buildKustomization builds dir with kustomize on an in-memory file system that the
// guarded reader fills, one directory at a time as the build looks into it, from the
// run's roots only. Remote bases and resources are left out of the kustomizations it
// serves (and reported); the top kustomization asks for origin annotations.
func buildKustomization(dir string, roots source.Roots) (*kustomizeBuild, error) {
	fs := &guardedFS{FileSystem: filesys.MakeFsInMemory(), roots: roots, loaded: map[string]bool{}, top: dir}
	b := &kustomizeBuild{dir: dir}
	fs.build = b
	m, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(fs, dir)
	if fs.err != nil {
		return b, fs.err
	}
	if err != nil {
		return b, err
	}
	for _, r := range m.Resources() {
		y, err := r.AsYAML()
		if err != nil {
			return b, err
		}
		o := builtObject{yaml: y, kind: r.GetKind(), name: r.GetName()}
		if org, err := r.GetOrigin(); err == nil && org != nil && org.Repo == "" && org.Path != "" {
			o.origin = filepath.Join(dir, filepath.FromSlash(org.Path))
		}
		b.resources = append(b.resources, o)
	}
	return b, nil
}

// guardedFS is kustomize's in-memory file system, filled through the guarded reader: a
// directory is listed and its regular files read when the build first looks into it,
// inside the run's roots and never through a hidden name.
type guardedFS struct {
	filesys.FileSystem
	roots  source.Roots
	top    string
	build  *kustomizeBuild
	mu     sync.Mutex
	loaded map[string]bool
	files  int
	bytes  int64
	err    error
}

func (g *guardedFS) load(path string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	path = filepath.Clean(path)
	g.loadDir(filepath.Dir(path))
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		g.loadDir(path)
	}
}

// loadDir copies the visible regular files of dir (not its subdirectories' files)
// into memory, once.
func (g *guardedFS) loadDir(dir string) {
	if g.loaded[dir] || g.err != nil {
		return
	}
	g.loaded[dir] = true
	if g.roots.Check(dir) != nil {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	_ = g.FileSystem.MkdirAll(dir)
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if e.IsDir() {
			_ = g.FileSystem.MkdirAll(p)
			continue
		}
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			continue // a link to a directory is not followed
		}
		b, err := g.roots.Read(p)
		if err != nil {
			g.build.refused = append(g.build.refused, source.Problem{Path: source.Display(p), Err: err})
			continue
		}
		g.files++
		g.bytes += int64(len(b))
		if g.files > maxKustomizeFiles || g.bytes > maxKustomizeBytes {
			g.err = fmt.Errorf("%w: the build reads more than %d files or %d bytes", ErrLimit, maxKustomizeFiles, maxKustomizeBytes)
			return
		}
		_ = g.FileSystem.WriteFile(p, b)
	}
}

// ReadFile serves a file, records it as read, and serves a kustomization without its
// remote references.
func (g *guardedFS) ReadFile(path string) ([]byte, error) {
	g.load(path)
	b, err := g.FileSystem.ReadFile(path)
	if err != nil {
		return b, err
	}
	g.mu.Lock()
	g.build.read = append(g.build.read, filepath.Clean(path))
	g.mu.Unlock()
	if slices.Contains(kustomizationNames, filepath.Base(path)) {
		return g.localOnly(path, b), nil
	}
	return b, nil
}

func (g *guardedFS) Exists(path string) bool { g.load(path); return g.FileSystem.Exists(path) }
func (g *guardedFS) IsDir(path string) bool  { g.load(path); return g.FileSystem.IsDir(path) }
func (g *guardedFS) ReadDir(path string) ([]string, error) {
	g.load(path)
	return g.FileSystem.ReadDir(path)
}
func (g *guardedFS) CleanedAbs(path string) (filesys.ConfirmedDir, string, error) {
	g.load(path)
	return g.FileSystem.CleanedAbs(path)
}
func (g *guardedFS) Glob(pattern string) ([]string, error) {
	g.load(filepath.Dir(pattern))
	return g.FileSystem.Glob(pattern)
}
func (g *guardedFS) Open(path string) (filesys.File, error) {
	g.load(path)
	return g.FileSystem.Open(path)
}

// errNoWrite refuses the writes kustomize would make: a build only reads.
var errNoWrite = errors.New("dnslint's kustomize build writes nothing")

func (g *guardedFS) Create(string) (filesys.File, error) { return nil, errNoWrite }
func (g *guardedFS) WriteFile(string, []byte) error      { return errNoWrite }
func (g *guardedFS) RemoveAll(string) error              { return errNoWrite }

// localOnly drops the remote entries of a kustomization's resources, bases and
// components (recorded with their line), and asks the top kustomization for origin
// annotations.
func (g *guardedFS) localOnly(path string, b []byte) []byte {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return b
	}
	m := doc.Content[0]
	changed := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		switch m.Content[i].Value {
		case "resources", "bases", "components":
		default:
			continue
		}
		list := m.Content[i+1]
		if list.Kind != yaml.SequenceNode {
			continue
		}
		kept := list.Content[:0]
		for _, e := range list.Content {
			if e.Kind == yaml.ScalarNode && remote(e.Value, filepath.Dir(path)) {
				g.build.remote = append(g.build.remote, remoteRef{file: path, line: e.Line, ref: e.Value})
				changed = true
				continue
			}
			kept = append(kept, e)
		}
		list.Content = kept
	}
	if filepath.Dir(path) == g.top {
		m.Content = append(m.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: "buildMetadata"},
			&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: types.OriginAnnotations}}})
		dropKey(m, "buildMetadata", 1)
		changed = true
	}
	if !changed {
		return b
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		return b
	}
	return out
}

// dropKey removes the occurrences of key in mapping m but the last keep ones.
func dropKey(m *yaml.Node, key string, keep int) {
	n := 0
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			n++
		}
	}
	for i := 0; i+1 < len(m.Content) && n > keep; {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			n--
			continue
		}
		i += 2
	}
}

// remote tells whether a kustomization entry names something kustomize would fetch (a
// URL, a git repository) rather than a path below dir.
func remote(ref, dir string) bool {
	if strings.Contains(ref, "://") || strings.HasPrefix(ref, "git@") || strings.Contains(ref, "?") || strings.Contains(ref, "//") {
		return true
	}
	if filepath.IsAbs(ref) {
		return false
	}
	if _, err := os.Lstat(filepath.Join(dir, ref)); err == nil {
		return false
	}
	first, _, _ := strings.Cut(ref, "/")
	return strings.Contains(first, ".") && first != "." && first != ".."
}

// buildAll builds the kustomizations that hold the files read (by directory) and
// returns their objects as rendered texts, the files the builds did not read as plain
// files, and the notes. A kustomization that another one of the run builds from (a
// base of an overlay) is not reported on its own.
func buildAll(kusts map[string][]*source.File, named map[string]bool) ([]*source.File, []source.Problem) {
	var out []*source.File
	var problems []source.Problem
	builds := map[string]*kustomizeBuild{}
	consumed := map[string]bool{}
	for _, dir := range slices.Sorted(maps.Keys(kusts)) {
		fs := kusts[dir]
		root, name := fs[0].Root, namer(dir, fs[0])
		b, err := buildKustomization(dir, source.Roots{Dirs: []string{root}})
		builds[dir] = b
		problems = append(problems, b.refused...)
		kfile := kustomizationIn(dir)
		kdata, _ := source.Roots{Dirs: []string{root}}.Read(kfile)
		var notes []*source.File
		for _, r := range b.remote {
			rd, _ := source.Roots{Dirs: []string{root}}.Read(r.file)
			notes = append(notes, noteFile(r.file, name(r.file), root, rd, r.line, Skipped,
				fmt.Sprintf("remote base %q is not fetched: dnslint reads no network, so the kustomization is built without it", r.ref)))
		}
		if err != nil {
			format := NotRendered
			if errors.Is(err, ErrLimit) {
				format = "limit"
			}
			notes = append(notes, noteFile(kfile, name(kfile), root, kdata, 1, format, "kustomize cannot build the kustomization: "+err.Error()))
			b.resources = nil
		}
		out = append(out, notes...)
		for _, r := range b.read {
			if r != kfile {
				consumed[r] = true
			}
		}
		if err != nil {
			for _, f := range fs {
				consumed[f.Abs] = true // a build that failed: its error says why nothing was linted
			}
		}
	}
	for _, dir := range slices.Sorted(maps.Keys(kusts)) {
		if consumed[kustomizationIn(dir)] {
			continue // built as a base of another kustomization of the run
		}
		only := onlyNamed(kusts[dir], named, func(f *source.File) bool { return !slices.Contains(kustomizationNames, filepath.Base(f.Abs)) })
		for _, f := range objectFiles(builds[dir], kusts[dir][0].Root, namer(dir, kusts[dir][0])) {
			f.Only = only
			out = append(out, f)
		}
	}
	for _, dir := range slices.Sorted(maps.Keys(kusts)) {
		for _, f := range kusts[dir] {
			if !consumed[f.Abs] && !slices.Contains(kustomizationNames, filepath.Base(f.Abs)) {
				out = append(out, f)
			}
		}
	}
	return out, problems
}

// objectFiles turns the objects of a build into rendered texts placed in the files
// that hold them: the patches the build read that name the object (the last read
// first), then the resource file it came from.
func objectFiles(b *kustomizeBuild, root string, name func(string) string) []*source.File {
	texts := map[string]*textFile{}
	edited := map[string][]byte{}
	read := func(p string) *textFile {
		if t, ok := texts[p]; ok {
			return t
		}
		data, err := source.Roots{Dirs: []string{root}}.Read(p)
		if err != nil {
			return nil
		}
		t := &textFile{path: name(p), keys: scanKeys(string(data))}
		texts[p], edited[t.path] = t, data
		return t
	}
	origins := map[string]bool{}
	for _, o := range b.resources {
		origins[o.origin] = true
	}
	var patches []*textFile
	for i := len(b.read) - 1; i >= 0; i-- {
		p := b.read[i]
		if origins[p] || slices.Contains(kustomizationNames, filepath.Base(p)) || source.FormatOf(p) != source.YAML {
			continue
		}
		if t := read(p); t != nil && !slices.Contains(patches, t) {
			patches = append(patches, t)
		}
	}
	kfile := name(kustomizationIn(b.dir))
	var out []*source.File
	for _, o := range b.resources {
		var cands []candidate
		for _, p := range patches {
			if doc, ok := p.keys.object(o.kind, o.name); ok {
				cands = append(cands, candidate{file: p, doc: doc})
			}
		}
		primary := kfile
		if o.origin == "" {
			cands = append(cands, generated(b, o, read)...)
		}
		if o.origin != "" {
			if t := read(o.origin); t != nil {
				primary = t.path
				if doc, ok := t.keys.object(o.kind, o.name); ok {
					cands = append(cands, candidate{file: t, doc: doc})
				}
			}
		}
		if primary == kfile {
			read(kustomizationIn(b.dir))
		}
		ed := map[string][]byte{}
		for _, c := range cands {
			ed[c.file.path] = edited[c.file.path]
		}
		ed[primary] = edited[primary]
		first := ""
		if t := texts[kustomizationIn(b.dir)]; primary == kfile && t != nil {
			first = t.keys.text(1)
		} else if t := texts[o.origin]; t != nil {
			first = t.keys.text(1)
		}
		out = append(out, &source.File{
			Path: fmt.Sprintf("%s#%s/%s", kfile, o.kind, o.name), Abs: kustomizationIn(b.dir), Format: source.YAML,
			Data: o.yaml, Root: root, Edited: ed,
			Origin: &origin{rendered: scanKeys(string(o.yaml)), primary: primary, primaryLine: first,
				candidates: func(int) []candidate { return cands }},
		})
	}
	return out
}

// object finds the document of an object by kind and name (the name kustomize gave it
// may carry a prefix, a suffix or a hash).
func (ix *keyIndex) object(kind, name string) (int, bool) {
	kinds, names := map[int]string{}, map[int]string{}
	for n := 1; n < len(ix.lines); n++ {
		k := ix.lines[n]
		_, v, _ := strings.Cut(k.Text, ":")
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		switch k.Path {
		case "kind":
			kinds[k.Doc] = v
		case "metadata.name":
			names[k.Doc] = v
		}
	}
	best, found := 0, false
	for doc, k := range kinds {
		n := names[doc]
		switch {
		case k != kind || n == "":
		case n == name:
			return doc, true
		case strings.Contains(name, n) && !found:
			best, found = doc, true
		}
	}
	return best, found
}

// generated returns the files a generated ConfigMap or Secret holds as its keys: each
// file the build read whose name is a key of the object (configMapGenerator files:).
func generated(b *kustomizeBuild, o builtObject, read func(string) *textFile) []candidate {
	if o.kind != "ConfigMap" && o.kind != "Secret" {
		return nil
	}
	var out []candidate
	for _, p := range b.read {
		if slices.Contains(kustomizationNames, filepath.Base(p)) {
			continue
		}
		key := "data." + filepath.Base(p)
		if !strings.Contains(string(o.yaml), "\n  "+filepath.Base(p)+":") {
			continue
		}
		if t := read(p); t != nil {
			out = append(out, candidate{file: &textFile{path: t.path, keys: t.keys, rawKey: key}})
		}
	}
	return out
}
