// Package compose owns the views that span documents: the effective Corefile that CoreDNS
// loads once its imports are resolved — coredns-custom keys standing in for the files
// under custom/, even when the two ConfigMaps come from different files of a run — and,
// for a coredns-custom ConfigMap linted without its Corefile, the platform's default
// Corefile as the one that imports it.
package compose

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/corefile"
	"github.com/dnslint/dnslint/lint/parse/kube"
	"github.com/dnslint/dnslint/lint/source"
)

//go:embed platform/*.corefile
var platforms embed.FS

// CustomDir is where a CoreDNS pod mounts the coredns-custom ConfigMap.
const CustomDir = "/etc/coredns/custom"

// Input is what composition reads.
type Input struct {
	// Plain are Corefile files; their imports are read from disk through Disk (the
	// run's roots; nil: nothing is read).
	Plain []*source.Text
	Disk  corefile.Files
	// Embedded are Corefiles held in ConfigMaps.
	Embedded []*kube.CorefileText
	// Customs are the ConfigMaps named coredns-custom.
	Customs []*kube.CustomConfigMap
	// Workloads are the run's workloads: which ConfigMap key a CoreDNS Deployment mounts
	// at which path decides roles and partners (roles.go).
	Workloads []*model.Workload
	// Repository finds the Corefile of a coredns-custom that the run lacks, in the
	// repository the run's files come from (nil: none is looked for).
	Repository Repository
	// Platform picks the default Corefile that imports a coredns-custom linted alone.
	Platform string
	// Budget is what all Corefiles of the run may spend, their imports included (nil:
	// only the per-Corefile limits).
	Budget *corefile.Budget
}

// Output is the composed view.
type Output struct {
	Corefiles []*model.Corefile
	// Customs are the coredns-custom ConfigMaps, each with its Partner. A ConfigMap named
	// coredns-custom that a CoreDNS Deployment of the run loads as its Corefile is not
	// one: its Corefile is among Corefiles.
	Customs []*model.Custom
	Errors  []*model.ParseError

	budget *corefile.Budget
}

// Compose parses every Corefile with its imports resolved.
func Compose(in Input) (*Output, error) {
	out := &Output{budget: in.Budget}
	for _, t := range in.Plain {
		out.add(t, corefile.DiskFS{Files: in.Disk}, nil, "")
	}
	mounts := indexMounts(corednsPods(in.Workloads))
	customs, embedded := roles(in.Customs, in.Embedded, mounts)
	importers := map[*customMap]*kube.CorefileText{}
	for _, e := range embedded {
		fs, paired := customFS(customs, e.Object.Namespace)
		cf := out.add(e.Text, fs, &e.Object, e.Key)
		for _, c := range paired {
			// A Corefile that imports from the custom directory takes the ConfigMap, even
			// when it fails to parse (its error is the one to report) or imports none of
			// the keys; the first one is its partner.
			if importers[c] == nil && importsFrom(e.Text, c.dir) {
				importers[c] = e
			}
			if cf != nil {
				markImports(cf, c)
			}
		}
		if cf != nil {
			markReads(cf, paired)
		}
	}
	for _, c := range customs {
		out.Customs = append(out.Customs, c.Custom)
		p, err := out.partner(c, importers[c], embedded, mounts, in.Repository, in.Platform)
		if err != nil {
			return nil, err
		}
		c.Custom.Partner = p
	}
	return out, nil
}

// add parses one Corefile text, recording a parse error instead of the Corefile when
// CoreDNS would reject it.
func (o *Output) add(t *source.Text, fs corefile.FS, obj *model.Object, key string) *model.Corefile {
	res, err := corefile.ParseWithin(t, fs, o.budget)
	var perr *corefile.Error
	var lerr *corefile.LimitError
	switch {
	case errors.As(err, &lerr):
		o.Errors = append(o.Errors, &model.ParseError{Format: "limit", Message: lerr.Msg, Pos: lerr.Pos})
		return nil
	case errors.As(err, &perr):
		o.Errors = append(o.Errors, &model.ParseError{Format: "corefile", Message: perr.Msg, Pos: perr.Pos})
		return nil
	case err != nil:
		o.Errors = append(o.Errors, &model.ParseError{Format: "corefile", Message: err.Error(), Pos: t.Pos(1, 1, 1, 1)})
		return nil
	}
	cf := &model.Corefile{File: t.File, Object: obj, Key: key, ServerBlocks: res.Blocks, Imports: res.Imports, Tokens: res.Tokens}
	if cf.ServerBlocks == nil {
		cf.ServerBlocks = []*model.ServerBlock{}
	}
	if cf.Imports == nil {
		cf.Imports = []*model.Import{}
	}
	o.Corefiles = append(o.Corefiles, cf)
	return cf
}

// customFS serves the keys of the coredns-custom ConfigMaps of a namespace (an unset
// namespace matches any) as the files of the directory each is mounted in.
func customFS(customs []*customMap, namespace string) (corefile.MemFS, []*customMap) {
	fs := corefile.MemFS{Files: map[string]*source.Text{}, Dirs: map[string]bool{}}
	var paired []*customMap
	for _, c := range customs {
		if !sameNamespace(c.Custom.Object.Namespace, namespace) {
			continue
		}
		paired = append(paired, c)
		fs.Dirs[c.dir] = true
		for key, t := range c.Texts {
			fs.Files[path.Join(c.dir, key)] = t
		}
	}
	return fs, paired
}

// sameNamespace tells whether two objects may be in one namespace: an unset one matches any.
func sameNamespace(a, b string) bool { return a == "" || b == "" || a == b }

// importsFrom tells whether a Corefile text imports from directory dir (custom/ next to
// the Corefile, or the path).
func importsFrom(t *source.Text, dir string) bool {
	return bytes.Contains(t.Body, []byte(path.Base(dir)+"/"))
}

// markImports records, on each key of c, the import statements of cf that pull it in.
func markImports(cf *model.Corefile, c *customMap) {
	for _, imp := range cf.Imports {
		for _, m := range imp.Matched {
			dir, key := path.Split(m)
			if strings.TrimSuffix(dir, "/") != c.dir {
				continue
			}
			for _, k := range c.Custom.Keys {
				if k.Key.Text == key {
					k.ImportedBy = append(k.ImportedBy, imp.Pos.String())
				}
			}
		}
	}
}

// composeWithPlatform composes a coredns-custom ConfigMap with the platform's default
// Corefile. Findings in the default itself point at no user file and are dropped later;
// so an error of the composition that points into the default (a limit passed at its
// `import custom/*`, because of what the keys bring in) is moved to the ConfigMap.
func (o *Output) composeWithPlatform(c *customMap, platform string) (*model.Partner, error) {
	if platform == "" {
		platform = DefaultPlatform
	}
	if err := CheckPlatform(platform); err != nil {
		return nil, err
	}
	obj := model.Object{Kind: "ConfigMap", Name: "coredns", Namespace: "kube-system"}
	if !slices.Contains(Platforms, platform) {
		// The platform's CoreDNS never reads the ConfigMap: nothing to compose.
		return &model.Partner{Source: "platform", Platform: platform, Object: obj, Key: "Corefile"}, nil
	}
	body, err := platforms.ReadFile("platform/" + platform + ".corefile")
	if err != nil {
		return nil, err
	}
	t := &source.Text{File: "<" + platform + " default Corefile>", Name: "/etc/coredns/Corefile", Body: body}
	fs, paired := customFS([]*customMap{c}, "")
	errs := len(o.Errors)
	if cf := o.add(t, fs, &obj, "Corefile"); cf != nil {
		markImports(cf, c)
		markReads(cf, paired)
	}
	for _, e := range o.Errors[errs:] {
		if e.Pos.File == t.File {
			e.Message = fmt.Sprintf("%s (in the %s this coredns-custom is composed with)", e.Message, t.File)
			e.Related = append(e.Related, &model.Place{Message: "here in the " + t.File, Pos: e.Pos})
			e.Pos = c.Custom.Object.Pos
		}
	}
	return &model.Partner{Source: "platform", Platform: platform, Object: obj, Key: "Corefile", File: t.File, Imports: true}, nil
}
