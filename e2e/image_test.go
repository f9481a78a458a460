package e2e

// The webhook from the container image (DNSLINT_E2E_IMAGE=dist/dnslint-image.tar, set by
// `make e2e E2E_WEBHOOK=image`). Podman cannot run a container in this sandbox (crun:
// `setrlimit `RLIMIT_NOFILE`: Operation not permitted`, then the same for RLIMIT_NPROC
// with --ulimit), so the image runs as a runtime would run it without one: umoci unpacks
// the OCI archive into a runtime bundle (rootfs/ and config.json, made from the image's
// config), and the bundle's process — its args, its user and group — is started chrooted
// into rootfs, on the host's network like `podman run --network host`. The webhook's
// certificate, key and kubeconfig are copied into the rootfs as a mounted Secret would
// be, readable by the image's user only.

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// imageBundle is an unpacked image: its root filesystem and the process its config runs.
type imageBundle struct {
	rootfs   string
	args     []string
	uid, gid uint32
}

// unpackImage unpacks the OCI archive (its only tag) into dir/bundle with umoci.
func unpackImage(archive, dir string) (*imageBundle, error) {
	umoci, err := exec.LookPath(envOr("UMOCI", "umoci"))
	if err != nil {
		return nil, fmt.Errorf("umoci: %w (e2e/run.sh installs it)", err)
	}
	layout := filepath.Join(dir, "oci-layout")
	if err := os.MkdirAll(layout, 0o700); err != nil {
		return nil, err
	}
	if out, err := exec.Command("tar", "-xf", archive, "-C", layout).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("extracting %s: %v\n%s", archive, err, out)
	}
	tag, err := onlyTag(layout)
	if err != nil {
		return nil, err
	}
	bundle := filepath.Join(dir, "bundle")
	if out, err := exec.Command(umoci, "unpack", "--image", layout+":"+tag, bundle).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("umoci unpack: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(bundle, "config.json"))
	if err != nil {
		return nil, err
	}
	var spec struct {
		Process struct {
			Args []string `json:"args"`
			User struct {
				UID uint32 `json:"uid"`
				GID uint32 `json:"gid"`
			} `json:"user"`
		} `json:"process"`
	}
	if err := json.Unmarshal(b, &spec); err != nil {
		return nil, fmt.Errorf("bundle config.json: %w", err)
	}
	if len(spec.Process.Args) == 0 {
		return nil, fmt.Errorf("the image's config runs nothing")
	}
	return &imageBundle{rootfs: filepath.Join(bundle, "rootfs"), args: spec.Process.Args,
		uid: spec.Process.User.UID, gid: spec.Process.User.GID}, nil
}

// onlyTag reads the tag of the single image in an OCI layout's index.json.
func onlyTag(layout string) (string, error) {
	b, err := os.ReadFile(filepath.Join(layout, "index.json"))
	if err != nil {
		return "", err
	}
	var idx struct {
		Manifests []struct {
			Annotations map[string]string `json:"annotations"`
		} `json:"manifests"`
	}
	if err := json.Unmarshal(b, &idx); err != nil {
		return "", err
	}
	if len(idx.Manifests) != 1 {
		return "", fmt.Errorf("%s: %d images, want 1", layout, len(idx.Manifests))
	}
	tag := idx.Manifests[0].Annotations["org.opencontainers.image.ref.name"]
	if tag == "" {
		return "", fmt.Errorf("%s: the image has no tag", layout)
	}
	return tag, nil
}

// mount copies host files into the rootfs under /etc/dnslint, owned by the image's user
// with mode 0400, and returns their paths inside the container.
func (b *imageBundle) mount(files ...string) (map[string]string, error) {
	dir := filepath.Join(b.rootfs, "etc", "dnslint")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	inside := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		dst := filepath.Join(dir, filepath.Base(f))
		if err := os.WriteFile(dst, data, 0o400); err != nil {
			return nil, err
		}
		if err := os.Chown(dst, int(b.uid), int(b.gid)); err != nil {
			return nil, err
		}
		inside[f] = "/etc/dnslint/" + filepath.Base(f)
	}
	return inside, nil
}

// command is the image's process with args appended, as its user, chrooted into rootfs.
func (b *imageBundle) command(args ...string) *exec.Cmd {
	cmd := exec.Command(b.args[0], append(b.args[1:], args...)...)
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Chroot: b.rootfs,
		Credential: &syscall.Credential{Uid: b.uid, Gid: b.gid, NoSetGroups: true}}
	return cmd
}

// startWebhook runs `dnslint webhook` with args as the process name (its log dir/name.log):
// the binary, or the image when one is set. Paths of files in c.dir among args are
// rewritten to where the image sees them.
func (c *cluster) startWebhook(name string, args ...string) error {
	if c.image == nil {
		return c.start(name, c.dnslint, append([]string{"webhook"}, args...)...)
	}
	var files []string
	for _, a := range args {
		if _, v, ok := strings.Cut(a, "="); ok && strings.HasPrefix(v, c.dir+string(os.PathSeparator)) {
			files = append(files, v)
		}
	}
	inside, err := c.image.mount(files...)
	if err != nil {
		return err
	}
	rewritten := []string{"webhook"}
	for _, a := range args {
		if k, v, ok := strings.Cut(a, "="); ok && inside[v] != "" {
			a = k + "=" + inside[v]
		}
		rewritten = append(rewritten, a)
	}
	return c.startCmd(name, c.image.command(rewritten...))
}
