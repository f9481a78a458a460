package source

import "testing"

func TestLooksLikeCorefile(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"kubeadm", ".:53 {\n    errors\n    forward . /etc/resolv.conf\n}\n", true},
		{"comment first", "# CoreDNS\n\n.:53 {\n  cache 30\n}\n", true},
		{"zone and port", "cluster.local:53 {\n  kubernetes cluster.local\n}\n", true},
		{"several keys", "example.com, example.net:5353 {\n  hosts {\n    fallthrough\n  }\n}\n", true},
		{"scheme", "dns://. {\n  forward . 1.1.1.1\n}\n", true},
		{"tls scheme", "tls://.:853 {\n  forward . 9.9.9.9\n}\n", true},
		{"port only", ":53 {\n  forward . 8.8.8.8\n}\n", true},
		{"reverse zone", "10.in-addr.arpa {\n  forward . 10.0.0.1\n}\n", true},
		{"brace glued", "example.org{\n  forward . 1.1.1.1\n}\n", true},
		{"snippet", "(common) {\n  errors\n  cache 30\n}\n.:53 {\n  import common\n}\n", true},
		{"no known directive", ".:53 {\n  whoami\n}\n", false},
		{"nginx", "server {\n    listen 80;\n    rewrite ^/old /new;\n    location / { proxy_pass http://backend; }\n}\n", false},
		{"nginx with dotted name", "example.com {\n    rewrite ^ /x;\n    log off;\n}\n", false},
		{"caddy", "example.com {\n    reverse_proxy localhost:8080\n    log\n    rewrite * /x\n}\n", false},
		{"json", `{"forward": "x", "cache": 1}`, false},
		{"yaml", "forward: 1\ncache: 30\n", false},
		{"shell", "#!/bin/sh\nforward . x {\n", false},
		{"empty", "", false},
		{"header only", ".:53 {\n", false},
		{"empty block", ".:53 {\n}\n", true},
		{"empty nginx block", "server {\n}\n", false},
		{"unknown directive and close", ".:53 {\n  whoami\n}\n", false},
	}
	for _, tt := range tests {
		if got := LooksLikeCorefile(tt.text); got != tt.want {
			t.Errorf("%s: LooksLikeCorefile = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestOpensServerBlock(t *testing.T) {
	for text, want := range map[string]bool{
		".:53 {\n    header {\n        response set aa\n    }\n}\n": true,
		"# c\n(common) {\n}\n":          true,
		"server {\n    listen 80;\n}\n": false,
		"nameserver 10.0.0.1\n":         false,
		"":                              false,
	} {
		if got := OpensServerBlock(text); got != want {
			t.Errorf("OpensServerBlock(%q) = %v, want %v", text, got, want)
		}
	}
}
