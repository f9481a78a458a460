package compose

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/dnslint/dnslint/lint/model"
)

// corednsPod is a CoreDNS container of a workload of the run and the ConfigMap files it
// sees: what its volumes, their items and its volumeMounts put where.
type corednsPod struct {
	workload *model.Workload
	// conf is the Corefile its -conf flag names; "" when unset (CoreDNS then reads
	// `Corefile` in a working directory dnslint does not know).
	conf string
	// files are single keys mounted at a path (items, subPath): path → ConfigMap key.
	files map[string]mountedKey
	// dirs are ConfigMaps mounted whole: directory → ConfigMap name.
	dirs map[string]string
}

// runMounts are the CoreDNS containers of the run, by the ConfigMap they mount whole
// (byDir) and by the ConfigMap whose key they load as their Corefile (byConf).
type runMounts struct {
	byDir, byConf map[string][]*corednsPod
}

func indexMounts(pods []*corednsPod) *runMounts {
	m := &runMounts{byDir: map[string][]*corednsPod{}, byConf: map[string][]*corednsPod{}}
	for _, p := range pods {
		seen := map[string]bool{}
		for _, cm := range p.dirs {
			if !seen[cm] {
				seen[cm] = true
				m.byDir[cm] = append(m.byDir[cm], p)
			}
		}
		if k, ok := p.corefile(); ok {
			m.byConf[k.configMap] = append(m.byConf[k.configMap], p)
		}
	}
	return m
}

// mountedKey is one data key of a ConfigMap, as a file of the container.
type mountedKey struct{ configMap, key string }

// corednsPods lists the CoreDNS containers of the run's workloads: not an init
// container, named coredns or with an image that says coredns (as rules/lib/pod.rego).
func corednsPods(workloads []*model.Workload) []*corednsPod {
	var pods []*corednsPod
	for _, w := range workloads {
		for _, c := range w.Pod.ContainerSpecs {
			if c.Init || !isCoreDNS(c) {
				continue
			}
			p := &corednsPod{workload: w, conf: confFlag(c), files: map[string]mountedKey{}, dirs: map[string]string{}}
			volumes := map[string]*model.Volume{} // the first of a name, as the API server would refuse the rest
			for _, v := range w.Pod.Volumes {
				if _, ok := volumes[v.Name.Text]; !ok && v.ConfigMap != nil {
					volumes[v.Name.Text] = v
				}
			}
			for _, m := range c.VolumeMounts {
				if v, ok := volumes[m.Name.Text]; ok {
					p.mount(v, m)
				}
			}
			pods = append(pods, p)
		}
	}
	return pods
}

func isCoreDNS(c *model.Container) bool {
	return c.Name.Text == "coredns" || c.Image != nil && strings.Contains(strings.ToLower(c.Image.Text), "coredns")
}

var confArg = regexp.MustCompile(`^--?conf(?:=(.*))?$`)

// confFlag is the value of the container's -conf flag, "" when unset.
func confFlag(c *model.Container) string {
	args := append(append([]model.Token{}, c.Command...), c.Args...)
	for i, a := range args {
		m := confArg.FindStringSubmatch(a.Text)
		switch {
		case m == nil:
		case strings.Contains(a.Text, "="):
			return m[1]
		case i+1 < len(args):
			return args[i+1].Text
		}
	}
	return ""
}

// mount records the ConfigMap files that volumeMount m of the container shows of
// configMap volume v.
func (p *corednsPod) mount(v *model.Volume, m *model.VolumeMount) {
	cm, dir := v.ConfigMap.Text, path.Clean(m.MountPath.Text)
	switch {
	case m.SubPath != nil && m.SubPath.Text != "":
		// The file at the mount path is the key whose file is subPath: an item's path,
		// or with no items a key's own name.
		sub := path.Clean(m.SubPath.Text)
		for _, it := range v.Items {
			if path.Clean(it.Path.Text) == sub {
				p.files[dir] = mountedKey{cm, it.Key.Text}
				return
			}
		}
		if len(v.Items) == 0 && !strings.Contains(sub, "/") {
			p.files[dir] = mountedKey{cm, sub}
		}
	case len(v.Items) > 0:
		for _, it := range v.Items {
			p.files[path.Join(dir, it.Path.Text)] = mountedKey{cm, it.Key.Text}
		}
	default:
		p.dirs[dir] = cm
	}
}

// file is the ConfigMap key the container sees at path name.
func (p *corednsPod) file(name string) (mountedKey, bool) {
	name = path.Clean(name)
	if k, ok := p.files[name]; ok {
		return k, true
	}
	if cm, ok := p.dirs[path.Dir(name)]; ok {
		return mountedKey{cm, path.Base(name)}, true
	}
	return mountedKey{}, false
}

// corefile is the ConfigMap key the container loads as its Corefile.
func (p *corednsPod) corefile() (mountedKey, bool) {
	if p.conf == "" {
		return mountedKey{}, false
	}
	return p.file(p.conf)
}

// dirOf is where the container mounts ConfigMap name whole, "" when it does not.
func (p *corednsPod) dirOf(name string) string {
	var dirs []string
	for dir, cm := range p.dirs {
		if cm == name {
			dirs = append(dirs, dir)
		}
	}
	slices.Sort(dirs)
	if len(dirs) == 0 {
		return ""
	}
	return dirs[0]
}

// in tells whether the pod runs in namespace ns (an unset namespace matches any).
func (p *corednsPod) in(ns string) bool {
	own := p.workload.Object.Namespace
	return own == "" || ns == "" || own == ns
}
