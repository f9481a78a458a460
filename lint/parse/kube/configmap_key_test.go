package kube

import "testing"

func TestIsCorefileKey(t *testing.T) {
	for key, want := range map[string]bool{
		"Corefile": true, "corefile": true, "cluster.corefile": true, "Corefile.base": true,
		"NodeHosts": false, "Corefile-old": false, "mycorefile": false, "config": false,
	} {
		if got := isCorefileKey(key); got != want {
			t.Errorf("isCorefileKey(%q) = %v, want %v", key, got, want)
		}
	}
}
