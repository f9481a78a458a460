package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{
		"Corefile": Corefile, "dir/Corefile.prod": Corefile, "x.corefile": Corefile, "X.COREFILE": Corefile,
		"resolv.conf": Resolv, "node.resolv.conf": Resolv, "a.yaml": YAML, "b.YML": YAML, "c.json": YAML,
		"README.md": "", "corefile.txt": "", "resolv.conf.bak": "",
	} {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestSniff(t *testing.T) {
	for body, want := range map[string]Format{
		"apiVersion: v1\nkind: Pod\n":                    YAML,
		"{\"kind\": \"Pod\"}\n":                          "",
		"# node\nnameserver 10.0.0.1\noptions ndots:2\n": Resolv,
		".:53 {\n    forward . 1.1.1.1\n}\n":             Corefile,
		"just some text\n":                               "",
		"server {\n    listen 80;\n}\n":                  "", // nginx: the ConfigMap sniffer's verdict too
		"\x00\x01\x02":                                   "",
	} {
		if got := Sniff([]byte(body)); got != want {
			t.Errorf("Sniff(%q) = %q, want %q", body, got, want)
		}
	}
}

func TestWalkPicksFilesByName(t *testing.T) {
	root := tree(t, map[string]string{
		"a/Corefile": ".:53 {}\n", "a/cm.yaml": "kind: ConfigMap\n", "a/resolv.conf": "nameserver 1.1.1.1\n",
		"a/README.md": "x", ".git/config.yaml": "x", "b/.hidden/x.yaml": "x",
	})
	w := &Walker{}
	files, problems := w.Collect([]string{root})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(root, f.Abs)
		got = append(got, filepath.ToSlash(rel)+"="+string(f.Format))
	}
	if want := "a/Corefile=corefile a/cm.yaml=yaml a/resolv.conf=resolv"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestHostileTrees(t *testing.T) {
	root := tree(t, map[string]string{"ok.yaml": "kind: Pod\n", "big.yaml": strings.Repeat("# x\n", 100), "loop/x.yaml": "kind: Pod\n"})
	// A symlink loop and a dangling link inside the walked tree.
	if err := os.Symlink(filepath.Join(root, "loop"), filepath.Join(root, "loop", "again")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "missing.yaml"), filepath.Join(root, "dangling.yaml")); err != nil {
		t.Fatal(err)
	}
	// A loop of file links, and a link to a good file (followed).
	if err := os.Symlink(filepath.Join(root, "b.yaml"), filepath.Join(root, "a.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "a.yaml"), filepath.Join(root, "b.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "ok.yaml"), filepath.Join(root, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	w := &Walker{MaxSize: 200}
	files, problems := w.Collect([]string{root, filepath.Join(root, "big.yaml"), filepath.Join(root, "nope.yaml")})
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f.Path))
	}
	if strings.Join(names, " ") != "link.yaml x.yaml ok.yaml" {
		t.Errorf("files %v", names)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"big.yaml: file too large: 400 bytes, the limit is 200", "nope.yaml: no such file or directory",
		"dangling.yaml: broken symbolic link: no such file or directory", "a.yaml: broken symbolic link: too many levels of symbolic links"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
	// big.yaml is named twice (walked and given): reported for each naming is fine, but
	// it must never be read.
	for _, p := range problems {
		if !errors.Is(p.Err, ErrTooLarge) && !strings.Contains(p.Err.Error(), "no such file") && !strings.Contains(p.Err.Error(), "symbolic link") {
			t.Errorf("unexpected problem %v", p)
		}
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file; permission errors cannot be produced")
	}
	root := tree(t, map[string]string{"secret.yaml": "kind: Pod\n"})
	if err := os.Chmod(filepath.Join(root, "secret.yaml"), 0); err != nil {
		t.Fatal(err)
	}
	_, problems := (&Walker{}).Collect([]string{root})
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "permission denied") {
		t.Fatalf("problems %v", problems)
	}
}

func TestStdin(t *testing.T) {
	w := &Walker{Stdin: strings.NewReader("apiVersion: v1\nkind: Pod\n"), StdinName: "prod/pod.yaml"}
	files, problems := w.Collect([]string{"-"})
	if len(problems) != 0 || len(files) != 1 || files[0].Path != "prod/pod.yaml" || files[0].Format != YAML {
		t.Fatalf("%+v %v", files, problems)
	}
	w = &Walker{Stdin: strings.NewReader("hello"), MaxSize: 3}
	if _, problems := w.Collect([]string{"-"}); len(problems) != 1 || !errors.Is(problems[0].Err, ErrTooLarge) {
		t.Fatalf("oversized stdin: %v", problems)
	}
	w = &Walker{Stdin: strings.NewReader("hello world")}
	if _, problems := w.Collect([]string{"-"}); len(problems) != 1 || !strings.Contains(problems[0].Error(), "--stdin-filename") {
		t.Fatalf("unknown stdin format: %v", problems)
	}
}

func TestExplicitFileOfUnknownName(t *testing.T) {
	root := tree(t, map[string]string{"dns.conf": ".:53 {\n    forward . 1.1.1.1\n}\n", "notes.txt": "hello\n"})
	files, problems := (&Walker{}).Collect([]string{filepath.Join(root, "dns.conf"), filepath.Join(root, "notes.txt")})
	if len(files) != 1 || files[0].Format != Corefile {
		t.Errorf("files %+v", files)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "notes.txt: cannot tell the format") {
		t.Errorf("problems %v", problems)
	}
}
