package compose

import (
	"path"
	"strings"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/kube"
)

// A ConfigMap's role comes from the run, not from its name alone: which CoreDNS
// Deployment mounts which of its keys at which path (mounts.go).

// customMap is a ConfigMap in the role of coredns-custom, and the directory its keys are
// files of.
type customMap struct {
	*kube.CustomConfigMap
	dir string
}

// roles splits the ConfigMaps named coredns-custom: one that a CoreDNS container of the
// run loads as its Corefile (`-conf` names a file of it) is a Corefile ConfigMap whatever
// its name, and its Corefile keys join the embedded Corefiles; every other one is a
// coredns-custom, mounted where a CoreDNS container of its namespace mounts it (else
// CustomDir).
func roles(named []*kube.CustomConfigMap, embedded []*kube.CorefileText, m *runMounts) ([]*customMap, []*kube.CorefileText) {
	var customs []*customMap
	embedded = append([]*kube.CorefileText{}, embedded...)
	for _, c := range named {
		if ct := loadedAsCorefile(c, m); ct != nil {
			embedded = append(embedded, ct)
			continue
		}
		dir := CustomDir
		for _, p := range m.byDir[c.Custom.Object.Name] {
			if d := p.dirOf(c.Custom.Object.Name); d != "" && p.in(c.Custom.Object.Namespace) {
				dir = d
				break
			}
		}
		customs = append(customs, &customMap{CustomConfigMap: c, dir: dir})
	}
	return customs, embedded
}

// loadedAsCorefile is the Corefile key of c that a CoreDNS container of its namespace
// loads, or nil.
func loadedAsCorefile(c *kube.CustomConfigMap, m *runMounts) *kube.CorefileText {
	obj := c.Custom.Object
	for _, p := range m.byConf[obj.Name] {
		k, ok := p.corefile()
		if !ok || k.configMap != obj.Name || !p.in(obj.Namespace) {
			continue
		}
		for _, ct := range c.Corefiles {
			if ct.Key == k.key {
				return ct
			}
		}
	}
	return nil
}

// partner decides the Corefile that reads coredns-custom c: the one precedence of
// dnslint, written once here (docs/architecture.md, "Composition"); the first step
// that answers wins.
//
//  1. The run's files: a Corefile ConfigMap of c's namespace that imports from c's
//     directory (importer); else one that cannot but be c's partner and imports none of
//     it — named coredns, or loaded by a CoreDNS container that mounts c.
//  2. The mounts of the run's Deployments: the Corefile ConfigMap that a CoreDNS
//     container mounting c loads, when that ConfigMap is not in the run (known by name).
//  3. The repository the files come from (repositoryPartner).
//  4. The platform's default Corefile, composed with c here.
func (o *Output) partner(c *customMap, importer *kube.CorefileText, embedded []*kube.CorefileText, m *runMounts, repo Repository, platform string) (*model.Partner, error) {
	if p := runPartner(c, importer, embedded, m); p != nil {
		return p, nil
	}
	if p := mountPartner(c, m); p != nil {
		return p, nil
	}
	if p := o.repositoryPartner(c, repo); p != nil {
		return p, nil
	}
	return o.composeWithPlatform(c, platform)
}

// runPartner is step 1 of partner.
func runPartner(c *customMap, importer *kube.CorefileText, embedded []*kube.CorefileText, m *runMounts) *model.Partner {
	if importer != nil {
		return &model.Partner{Source: "run", Object: importer.Object, Key: importer.Key, File: importer.Text.File, Imports: true}
	}
	loaded := loadedBy(c, m)
	for _, e := range embedded {
		if !sameNamespace(e.Object.Namespace, c.Custom.Object.Namespace) {
			continue
		}
		if e.Object.Name == "coredns" && e.Key == "Corefile" || loaded[mountedKey{e.Object.Name, e.Key}] {
			return &model.Partner{Source: "run", Object: e.Object, Key: e.Key, File: e.Text.File}
		}
	}
	return nil
}

// loadedBy are the Corefile keys that the CoreDNS containers mounting c load.
func loadedBy(c *customMap, m *runMounts) map[mountedKey]bool {
	out := map[mountedKey]bool{}
	for _, p := range m.byDir[c.Custom.Object.Name] {
		if !p.in(c.Custom.Object.Namespace) || p.dirOf(c.Custom.Object.Name) == "" {
			continue
		}
		if k, ok := p.corefile(); ok {
			out[k] = true
		}
	}
	return out
}

// mountPartner is step 2 of partner: the Corefile ConfigMap is known by name only, and
// what it imports is not known.
func mountPartner(c *customMap, m *runMounts) *model.Partner {
	for _, p := range m.byDir[c.Custom.Object.Name] {
		if !p.in(c.Custom.Object.Namespace) || p.dirOf(c.Custom.Object.Name) == "" {
			continue
		}
		if k, ok := p.corefile(); ok {
			ns := p.workload.Object.Namespace
			return &model.Partner{Source: "mount", Object: model.Object{Kind: "ConfigMap", Name: k.configMap, Namespace: ns}, Key: k.key}
		}
	}
	return nil
}

// repositoryPartner is step 3 of partner: the coredns ConfigMap of c's namespace in the
// repository the run's files come from, composed with c as the run's own would be. It is
// not a file of the run: its own findings are dropped with those of any file the run did
// not name, and the partner names it. A search that passed its limit is an error on c,
// and the platform's default answers.
func (o *Output) repositoryPartner(c *customMap, repo Repository) *model.Partner {
	if repo == nil {
		return nil
	}
	obj := c.Custom.Object
	ct, err := repo.Corefile(obj.Namespace, obj.Pos.File)
	if err != nil {
		o.Errors = append(o.Errors, &model.ParseError{Format: "limit", Message: err.Error(), Pos: obj.Pos})
		return nil
	}
	if ct == nil {
		return nil
	}
	fs, paired := customFS([]*customMap{c}, "")
	if cf := o.add(ct.Text, fs, &ct.Object, ct.Key); cf != nil {
		markImports(cf, c)
		markReads(cf, paired)
	}
	return &model.Partner{Source: "repository", Object: ct.Object, Key: ct.Key, File: ct.Text.File, Imports: importsFrom(ct.Text, c.dir)}
}

// Repository finds what a run lacks in the repository its files come from (step 3 of
// partner); nil in Input: nothing is looked for (the webhook, standard input).
type Repository interface {
	// Corefile returns the coredns ConfigMap's Corefile of namespace ("" matches any)
	// nearest to file (the coredns-custom's) in the repository, nil when there is none or
	// more than one is as near; an error when the search passed its limit.
	Corefile(namespace, file string) (*kube.CorefileText, error)
}

// markReads records the plugin arguments of cf that name a file of the directory of a
// coredns-custom ConfigMap of paired (`file /etc/coredns/custom/db.example.lan`): on the
// key, as a use of it; on the Corefile, with whether the key exists.
func markReads(cf *model.Corefile, paired []*customMap) {
	var walk func(top string, ds []*model.Directive)
	walk = func(top string, ds []*model.Directive) {
		for _, d := range ds {
			plugin := top
			if plugin == "" {
				plugin = d.Name
			}
			for _, a := range d.Args {
				markRead(cf, paired, plugin, d.Via, a)
			}
			walk(plugin, d.Block)
		}
	}
	for _, b := range cf.ServerBlocks {
		walk("", b.Directives)
	}
}

// markRead records argument a when it names a file of a coredns-custom directory.
func markRead(cf *model.Corefile, paired []*customMap, plugin string, via []string, a model.Token) {
	if !strings.HasPrefix(a.Text, "/") {
		return
	}
	dir, key := path.Split(path.Clean(a.Text))
	dir = strings.TrimSuffix(dir, "/")
	var r *model.CustomRead
	for _, c := range paired {
		if c.dir != dir {
			continue
		}
		if r == nil {
			obj := c.Custom.Object
			r = &model.CustomRead{Path: a.Text, Key: key, Custom: obj.Namespace + "/" + obj.Name, Plugin: plugin, Via: via, Pos: a.Pos}
		}
		for _, k := range c.Custom.Keys {
			if k.Key.Text == key {
				k.ReadBy = append(k.ReadBy, a.Pos.String())
				r.Found = true
			}
		}
	}
	if r != nil {
		cf.CustomReads = append(cf.CustomReads, r)
	}
}
