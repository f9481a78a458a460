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
			for _, m := range c.VolumeMounts {
				p.mount(w.Pod.Volumes, m)
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

// mount records the ConfigMap files that volumeMount m of the container shows.
func (p *corednsPod) mount(volumes []*model.Volume, m *model.VolumeMount) {
	for _, v := range volumes {
		if v.Name.Text != m.Name.Text || v.ConfigMap == nil {
			continue
		}
		cm, dir := v.ConfigMap.Text, path.Clean(m.MountPath.Text)
		// The files of the volume: each item at its path, else every key at its name.
		file := func(rel string) (string, bool) {
			for _, it := range v.Items {
				if path.Clean(it.Path.Text) == path.Clean(rel) {
					return it.Key.Text, true
				}
			}
			return rel, len(v.Items) == 0 && !strings.Contains(rel, "/")
		}
		switch {
		case m.SubPath != nil && m.SubPath.Text != "":
			if key, ok := file(m.SubPath.Text); ok {
				p.files[dir] = mountedKey{cm, key}
			}
		case len(v.Items) > 0:
			for _, it := range v.Items {
				p.files[path.Join(dir, it.Path.Text)] = mountedKey{cm, it.Key.Text}
			}
		default:
			p.dirs[dir] = cm
		}
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
