package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes/fake"
	"k8s.io/client-go/rest"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/kubeapi"
)

func TestFetchClusterAndLint(t *testing.T) {
	yes := true
	ndots := "12"
	client := fake.NewClientset(
		&corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "coredns", Namespace: "kube-system"}, Data: map[string]string{
			"Corefile": ".:53 {\n    errors\n    forward . /etc/resolv.conf\n    cache 30\n    import custom/*.override\n}\n",
		}},
		&corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "coredns-custom", Namespace: "kube-system"}, Data: map[string]string{
			"upstream.override": "force_tcp\n",
		}},
		&corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "app", Namespace: "shop"}, Data: map[string]string{"x": "y"}},
		&appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "coredns", Namespace: "kube-system"}, Spec: appsv1.DeploymentSpec{
			Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "coredns", Image: "registry.k8s.io/coredns/coredns:v1.11.3"}}}},
		}},
		&appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "web", Namespace: "shop"}, Spec: appsv1.DeploymentSpec{
			Template: corev1.PodTemplateSpec{Spec: corev1.PodSpec{
				Containers: []corev1.Container{{Name: "web", Image: "nginx"}},
				DNSConfig:  &corev1.PodDNSConfig{Options: []corev1.PodDNSConfigOption{{Name: "ndots", Value: &ndots}}},
			}},
		}},
		&appsv1.ReplicaSet{ObjectMeta: metav1.ObjectMeta{Name: "web-1", Namespace: "shop",
			OwnerReferences: []metav1.OwnerReference{{Kind: "Deployment", Name: "web", Controller: &yes}}}},
		&corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "debug", Namespace: "shop"}, Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "sh", Image: "busybox"}}}},
	)
	objs, problems, err := fetchCluster(context.Background(), client, &auditFlags{dnsNS: "kube-system"})
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	var ids []string
	for _, o := range objs {
		ids = append(ids, o.ID)
	}
	got := strings.Join(ids, " ")
	for _, want := range []string{"kube-system/ConfigMap/coredns", "kube-system/ConfigMap/coredns-custom", "kube-system/Deployment/coredns", "shop/Deployment/web", "shop/Pod/debug"} {
		if !strings.Contains(got+" ", want+" ") {
			t.Errorf("%s not fetched: %s", want, got)
		}
	}
	if strings.Contains(got, "web-1") || strings.Contains(got, "shop/ConfigMap/app") {
		t.Errorf("fetched an owned ReplicaSet or a ConfigMap outside kube-system: %s", got)
	}
	if v := corednsRelease(objs, "kube-system"); v != "1.11.3" {
		t.Errorf("CoreDNS release %q", v)
	}

	l, err := lint.New(context.Background(), lint.Options{CoreDNSVersion: "1.11.3"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Lint(context.Background(), kubeapi.Files(objs))
	if err != nil {
		t.Fatal(err)
	}
	res.Sources = kubeapi.Remap(res.Findings, res.Sources, objs)
	found := map[string]string{}
	for _, f := range res.Findings {
		found[f.RuleID] = f.Pos.String()
	}
	if found["forward/option-outside-block"] != "kube-system/ConfigMap/coredns-custom/upstream.override:1:1" {
		t.Errorf("forward/option-outside-block at %q; findings %v", found["forward/option-outside-block"], found)
	}
	if !strings.HasPrefix(found["pod/high-ndots"], "shop/Deployment/web:") {
		t.Errorf("pod/high-ndots at %q", found["pod/high-ndots"])
	}
}

func TestReleases(t *testing.T) {
	for in, want := range map[string]string{"v1.34.4": "1.34.4", "v1.30.2-eks-1a2b3c": "1.30.2", "v1.31.1+k3s1": "1.31.1", "v0.0.0-master+$Format:%H$": "", "garbage": ""} {
		if got := releaseOf(in); got != want {
			t.Errorf("releaseOf(%q) = %q, want %q", in, got, want)
		}
	}
	for img, want := range map[string]string{
		"registry.k8s.io/coredns/coredns:v1.11.3":                            "1.11.3",
		"mcr.microsoft.com/oss/v2/kubernetes/coredns:v1.9.4-hotfix.20240704": "1.9.4",
		"coredns/coredns:1.12.0@sha256:0123abcd":                             "1.12.0",
		"registry.k8s.io/coredns/coredns:latest":                             "",
		"localhost:5000/coredns":                                             "",
	} {
		m := imageRelease.FindStringSubmatch(img)
		got := ""
		if m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("%s: %q, want %q", img, got, want)
		}
	}
}

// TestAuditClusterVersion: audit reads the API server's release from /version and names a
// cluster older than the webhook's minimum (1.28) on standard error, from a real
// discovery client against an HTTP server.
func TestAuditClusterVersion(t *testing.T) {
	for _, tc := range []struct{ body, release, notice string }{
		{`{"major":"1","minor":"34","gitVersion":"v1.34.4"}`, "1.34.4", ""},
		{`{"major":"1","minor":"27+","gitVersion":"v1.27.16-eks-2f008fe"}`, "1.27.16", "the cluster runs Kubernetes 1.27 (v1.27.16-eks-2f008fe); dnslint's webhook needs 1.28 or later"},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(tc.body))
		}))
		d, err := discovery.NewDiscoveryClientForConfig(&rest.Config{Host: srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		release, notice := clusterVersion(d)
		srv.Close()
		if release != tc.release || !strings.HasPrefix(notice, tc.notice) || (tc.notice == "") != (notice == "") {
			t.Errorf("%s: %q %q", tc.body, release, notice)
		}
	}
}
