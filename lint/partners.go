package lint

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/kube"
	"github.com/dnslint/dnslint/lint/source"
)

// Limits of the search of a partner in the repository: past one, the coredns-custom gets
// a dnslint/limit-exceeded error (name the files with compose: in .dnslint.yaml).
const (
	DefaultPartnerFiles = 10000
	maxPartnerBytes     = 256 << 20
)

// repository is compose.Repository over the run's roots: the first question walks them
// once, as a directory given to lint is walked (hidden, excluded and outside paths
// skipped; the guarded reader), keeping the Corefiles of the coredns ConfigMaps of the
// YAML and JSON files that are not the run's own (and match .dnslint.yaml compose:).
type repository struct {
	walker *source.Walker
	roots  []string
	cfg    *config.Config
	own    map[string]bool // the run's files, by absolute path
	limit  int             // files read at most

	once  sync.Once
	found []candidate
	err   error
}

type candidate struct {
	ct  *kube.CorefileText
	dir string // absolute directory of its file
}

// newRepository is the repository of a run's files, or nil when they have no root
// (standard input, the webhook): then nothing is looked for.
func newRepository(files []*source.File, cfg *config.Config, maxSize int64, limit int) compose.Repository {
	roots := rootsOf(files)
	if len(roots) == 0 {
		return nil
	}
	if cfg == nil {
		cfg = &config.Config{}
	}
	own := map[string]bool{}
	for _, f := range files {
		own[f.Abs] = true
	}
	if limit <= 0 {
		limit = DefaultPartnerFiles
	}
	return &repository{walker: &source.Walker{MaxSize: maxSize, Exclude: cfg.Excluded}, roots: roots, cfg: cfg, own: own, limit: limit}
}

// Corefile implements compose.Repository. The partner is the coredns ConfigMap in the
// coredns-custom's directory, else in the nearest directory above it; else the only one
// of the namespace in the repository. Two at the same nearest level, or several
// elsewhere and none above, are no answer: dnslint does not guess which cluster's
// Corefile reads the file (compose: in .dnslint.yaml says).
func (r *repository) Corefile(namespace, file string) (*kube.CorefileText, error) {
	r.once.Do(r.search)
	if r.err != nil {
		return nil, r.err
	}
	from, _ := filepath.Abs(filepath.Dir(file))
	var above, elsewhere []candidate
	for _, c := range r.found {
		if ns := c.ct.Object.Namespace; namespace != "" && ns != "" && ns != namespace {
			continue
		}
		if within(from, c.dir) {
			above = append(above, c)
		} else {
			elsewhere = append(elsewhere, c)
		}
	}
	if len(above) > 0 {
		nearest := slices.MaxFunc(above, func(a, b candidate) int { return len(a.dir) - len(b.dir) })
		if slices.ContainsFunc(above, func(c candidate) bool { return c.ct != nearest.ct && c.dir == nearest.dir }) {
			return nil, nil
		}
		return nearest.ct, nil
	}
	if len(elsewhere) == 1 {
		return elsewhere[0].ct, nil
	}
	return nil, nil
}

func (r *repository) search() {
	files, size := 0, int64(0)
	for _, root := range r.roots {
		r.walker.Scan(root, func(f *source.File) bool {
			if r.own[f.Abs] || f.Format != source.YAML || !r.cfg.ComposeCandidate(f.Abs) {
				return true
			}
			files++
			size += int64(len(f.Data))
			if files > r.limit || size > maxPartnerBytes {
				r.err = fmt.Errorf("the search of the repository for the coredns ConfigMap this coredns-custom is composed with stopped after %d files (%d MiB): name the files to look in with compose: in .dnslint.yaml, or lint the two together", files-1, size>>20)
				return false
			}
			r.consider(f)
			return true
		})
		if r.err != nil {
			return
		}
	}
}

// consider keeps the coredns ConfigMaps' Corefiles of a file; a file that does not parse
// is no candidate (its own run reports it).
func (r *repository) consider(f *source.File) {
	if !bytes.Contains(f.Data, []byte("Corefile")) {
		return
	}
	res, err := kube.Parse(f.Path, f.Data)
	if err != nil {
		return
	}
	for _, ct := range res.Corefiles {
		if ct.Object.Name == "coredns" && ct.Key == "Corefile" {
			r.found = append(r.found, candidate{ct: ct, dir: filepath.Dir(f.Abs)})
		}
	}
}

// within tells whether dir is dir or one of its ancestors of path.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// notePartners adds to each finding in a coredns-custom ConfigMap that was composed with
// a Corefile of the repository (not of the run) a related location saying which one: the
// finding depends on a file the user did not name.
func notePartners(findings []finding.Finding, customs []*model.Custom) {
	for i := range findings {
		f := &findings[i]
		var owner *model.Custom
		for _, c := range customs {
			if c.Object.Pos.File == f.Pos.File && c.Object.Pos.Line <= max(f.Pos.Line, 1) && (owner == nil || c.Object.Pos.Line > owner.Object.Pos.Line) {
				owner = c
			}
		}
		if owner == nil || owner.Partner == nil || owner.Partner.Source != "repository" {
			continue
		}
		p := owner.Partner
		f.Related = append(f.Related, finding.Related{
			Message: fmt.Sprintf("composed with key %s of ConfigMap %s in %s, found in the repository", p.Key, p.Object.Name, p.File),
			Pos:     p.Object.Pos,
		})
	}
}
