package setuptests

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestExtract extracts the fixture testdata/coredns/plugin/demo/setup_test.go, written
// in the shapes CoreDNS's setup tests use: tables with positional and keyed fields,
// `+`, fmt.Sprintf, strings.Repeat and package constants (some in the plugin's other
// files), named table types, t.Run, plain tests that check err, c.ServerBlockKeys, an
// `if` on a table field, files the test writes (test.TempFile, os.WriteFile into
// t.TempDir()), a strings.Builder, and a snippet that cannot be evaluated.
func TestExtract(t *testing.T) {
	cases, err := Extract(filepath.Join("testdata", "coredns"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cases {
		line := fmt.Sprintf("%s %s %s %q", c.ID, c.Pos, c.Label, c.Corefile)
		if c.Skip != "" {
			line = fmt.Sprintf("%s %s %s skip: %s", c.ID, c.Pos, c.Label, c.Skip)
		}
		var files []string
		for n, content := range c.Files {
			files = append(files, fmt.Sprintf("%s=%q", n, content))
		}
		sort.Strings(files)
		for n, sum := range c.Tree {
			files = append(files, fmt.Sprintf("tree:%s=%s", n, sum[:8]))
		}
		sort.Strings(files)
		if len(files) > 0 {
			line += " files: " + strings.Join(files, " ")
		}
		got = append(got, line)
	}
	want := []string{
		`demo/TestTable/0 plugin/demo/setup_test.go:33 ok ".:53 {\ndemo\n}\n"`,
		`demo/TestTable/1 plugin/demo/setup_test.go:33 ok ".:53 {\ndemo 192.0.2.1\n}\n"`,
		`demo/TestTable/2 plugin/demo/setup_test.go:33 error ".:53 {\ndemo {\n ttl 30\n}\n}\n"`,
		`demo/TestTable/3 plugin/demo/setup_test.go:33 error ".:53 {\ndemo a a \n}\n"`,
		`demo/TestNamed/0 plugin/demo/setup_test.go:42 error ".:53 {\ncache {\ndemo x\n}\n}\n"`,
		`demo/TestPlain plugin/demo/setup_test.go:48 ok ".:53 {\ndemo\n}\n"`,
		`demo/TestPlain.1 plugin/demo/setup_test.go:52 error "example.org.:1053 dns://.:53 {\ndemo bad\n}\n"`,
		`demo/TestPlain.2 plugin/demo/setup_test.go:57 unknown ".:53 {\ndemo unchecked\n}\n"`,
		`demo/TestWantOK/0 plugin/demo/setup_test.go:72 ok "example.org {\ndemo\n}\n"`,
		`demo/TestWantOK/1 plugin/demo/setup_test.go:72 error ".:53 {\ndemo\n}\n"`,
		`demo/TestFiles/0 plugin/demo/setup_test.go:102 ok ".:53 {\ndemo testfile1\n}\n" files: testfile1="example.org. 3600 IN SOA a b 1 2 3 4 5\n"`,
		`demo/TestFiles/1 plugin/demo/setup_test.go:102 error ".:53 {\ndemo resolv.conf {\nkey k1\nkey k2\n}\n}\n" files: resolv.conf="nameserver 192.0.2.1\n"`,
		`demo/TestFiles/2 plugin/demo/setup_test.go:102 ok skip: cannot evaluate test.input: call os.Getenv`,
		`demo/TestTree plugin/demo/setup_test.go:108 ok ".:53 {\ndemo testdata/db.example.org {\n key testdata/Kdemo\n}\n}\n" files: tree:testdata/Kdemo.key=` + sha("pub\n") + ` tree:testdata/Kdemo.private=` + sha("priv\n") + ` tree:testdata/db.example.org=` + sha("example.org. 3600 IN SOA a b 1 2 3 4 5\n"),
		`demo/TestFailing/0 plugin/demo/setup_test.go:122 ok ".:53 {\ndemo\n}\n"`,
		`demo/TestFailing/1 plugin/demo/setup_test.go:122 error ".:53 {\ndemo a b c\n}\n"`,
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("extracted:\n%s\n\nwant:\n%s", g, w)
	}
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:8]
}

// TestLayout lays a case out as CoreDNS and dnslint see it: the Corefile, the files the
// test writes, the source files it names; a source file that changed since it was
// recorded is refused.
func TestLayout(t *testing.T) {
	cases, err := Extract(filepath.Join("testdata", "coredns"))
	if err != nil {
		t.Fatal(err)
	}
	c := cases[len(cases)-3]
	dir := t.TempDir()
	if err := c.Layout(dir, filepath.Join("testdata", "coredns")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Corefile": c.Corefile, "testdata/Kdemo.key": "pub\n", "testdata/db.example.org": "example.org. 3600 IN SOA a b 1 2 3 4 5\n"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != want {
			t.Errorf("%s: %q %v", name, b, err)
		}
	}
	c.Tree["testdata/Kdemo.key"] = sha("other")
	if err := c.Layout(t.TempDir(), filepath.Join("testdata", "coredns")); err == nil || !strings.Contains(err.Error(), "is not the file recorded") {
		t.Errorf("changed source file: %v", err)
	}
	files := cases[len(cases)-6]
	if files.ID != "demo/TestFiles/0" {
		t.Fatalf("case %s, want demo/TestFiles/0", files.ID)
	}
	dir = t.TempDir()
	if err := files.Layout(dir, filepath.Join("testdata", "coredns")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "testfile1")); err != nil || !strings.Contains(string(b), "SOA") {
		t.Errorf("testfile1: %q %v", b, err)
	}
}

// TestExtractCoreDNS extracts every pinned version's setup tests when their source is
// in the module cache: the suite keeps its size, and at most 1% of the snippets cannot
// be evaluated.
func TestExtractCoreDNS(t *testing.T) {
	out, err := goEnv("GOMODCACHE")
	if err != nil {
		t.Skip(err)
	}
	for _, v := range []string{"1.9.3", "1.11.3", "1.14.7"} {
		dir := ModuleDir(out, v)
		if _, err := os.Stat(dir); err != nil {
			t.Logf("CoreDNS %s source not in the module cache: skipped", v)
			continue
		}
		cases, err := Extract(dir)
		if err != nil {
			t.Fatal(err)
		}
		skipped := 0
		ids := map[string]bool{}
		for _, c := range cases {
			if ids[c.ID] {
				t.Errorf("CoreDNS %s: case id %s twice", v, c.ID)
			}
			ids[c.ID] = true
			if c.Skip != "" {
				skipped++
			}
		}
		if len(cases) < 400 || skipped*100 > len(cases) {
			t.Errorf("CoreDNS %s: %d cases, %d not evaluated: want at least 400, at most 1%% not evaluated", v, len(cases), skipped)
		}
	}
}
