package demo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coredns/caddy"
	"github.com/coredns/coredns/plugin/test"
)

const upstream = "192.0.2.1"

type tableCase struct {
	input     string
	shouldErr bool
}

func TestTable(t *testing.T) {
	tests := []struct {
		input     string
		shouldErr bool
		other     int
	}{
		{`demo`, false, 1},
		{pluginName + " " + upstream, false, defaultTTL},
		{fmt.Sprintf("%s {\n ttl %d\n}", pluginName, defaultTTL), true, 0},
		{input: "demo " + strings.Repeat("a ", 2), shouldErr: true},
	}
	for i, test := range tests {
		c := caddy.NewTestController("dns", test.input)
		if _, err := parse(c); (err != nil) != test.shouldErr {
			t.Errorf("test %d", i)
		}
	}
}

func TestNamed(t *testing.T) {
	for _, tc := range []tableCase{{"demo x", true}} {
		c := caddy.NewTestController("dns", "cache {\n"+tc.input+"\n}")
		_ = c
	}
}

func TestPlain(t *testing.T) {
	c := caddy.NewTestController("dns", `demo`)
	if err := setup(c); err != nil {
		t.Fatalf("Expected no errors, but got: %v", err)
	}
	c = caddy.NewTestController("dns", `demo bad`)
	c.ServerBlockKeys = []string{"example.org.:1053", "dns://.:53"}
	if err := setup(c); err == nil {
		t.Fatalf("Expected errors")
	}
	c = caddy.NewTestController("dns", `demo unchecked`)
	_ = c
}

func TestWantOK(t *testing.T) {
	tests := []struct {
		name   string
		key    string
		wantOk bool
	}{
		{name: "with key", key: "example.org", wantOk: true},
		{name: "no key", wantOk: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := caddy.NewTestController("dns", `demo`)
			if tt.key != "" {
				c.ServerBlockKeys = []string{tt.key}
			}
		})
	}
}

func TestFiles(t *testing.T) {
	zone, rm, err := test.TempFile(".", "example.org. 3600 IN SOA a b 1 2 3 4 5\n")
	if err != nil {
		t.Fatal(err)
	}
	defer rm()
	resolv := filepath.Join(t.TempDir(), "resolv.conf")
	if err := os.WriteFile(resolv, []byte("nameserver 192.0.2.1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "key %s\n", "k1")
	b.WriteString("key k2\n")
	tests := []struct {
		input       string
		expectedErr string
	}{
		{"demo " + zone, ""},
		{"demo " + resolv + " {\n" + b.String() + "}", "boom"},
		{"demo " + os.Getenv("HOME"), ""},
	}
	for _, test := range tests {
		c := caddy.NewTestController("dns", test.input)
		_ = c
	}
}

func TestTree(t *testing.T) {
	c := caddy.NewTestController("dns", "demo testdata/db.example.org {\n key testdata/Kdemo\n}")
	if err := setup(c); err != nil {
		t.Fatal(err)
	}
}

func TestFailing(t *testing.T) {
	for _, test := range []struct {
		config  string
		failing bool
	}{
		{`demo`, false},
		{`demo a b c`, true},
	} {
		c := caddy.NewTestController("dns", test.config)
		_ = c
	}
}
