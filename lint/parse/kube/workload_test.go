package kube

import (
	"testing"
)

const corednsDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
spec:
  replicas: 2
  template:
    spec:
      terminationGracePeriodSeconds: 45
      containers:
      - name: coredns
        image: registry.k8s.io/coredns/coredns:v1.11.1
        args: [ "-conf", "/etc/coredns/Corefile" ]
        ports:
        - containerPort: 8181
          name: readiness
        resources:
          limits:
            memory: 170Mi
          requests:
            memory: "70e6"
        livenessProbe:
          httpGet:
            path: /health
            port: 8080
        readinessProbe:
          httpGet:
            path: /ready
            port: readiness
      - name: sidecar
        command: /bin/sh
        livenessProbe:
          exec:
            command: [true]
      volumes:
      - name: config-volume
        configMap:
          name: coredns
      - name: tmp
        emptyDir: {}
`

func TestWorkloadContainers(t *testing.T) {
	data := []byte(corednsDeployment)
	res, err := Parse("coredns.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Workloads) != 1 {
		t.Fatalf("got %d workloads", len(res.Workloads))
	}
	w := res.Workloads[0]
	if w.Replicas == nil || w.Replicas.Value != 2 || textAt(data, w.Replicas.Pos) != "2" {
		t.Errorf("replicas = %+v", w.Replicas)
	}
	pod := w.Pod
	if g := pod.TerminationGracePeriodSeconds; g == nil || g.Value != 45 || textAt(data, g.Pos) != "45" {
		t.Errorf("terminationGracePeriodSeconds = %+v", g)
	}
	if len(pod.ContainerSpecs) != 2 {
		t.Fatalf("got %d containers", len(pod.ContainerSpecs))
	}
	c := pod.ContainerSpecs[0]
	checkToken(t, data, c.Name)
	checkToken(t, data, *c.Image)
	if c.Name.Text != "coredns" || c.Init || len(c.Args) != 2 || c.Args[1].Text != "/etc/coredns/Corefile" {
		t.Errorf("container = %+v", c)
	}
	for _, a := range c.Args {
		checkToken(t, data, a)
	}
	if m := c.Resources.MemoryLimit; m == nil || m.Text != "170Mi" || m.Bytes == nil || *m.Bytes != 170<<20 || textAt(data, m.Pos) != "170Mi" {
		t.Errorf("memory limit = %+v", m)
	}
	if m := c.Resources.MemoryRequest; m == nil || m.Bytes == nil || *m.Bytes != 70e6 {
		t.Errorf("memory request = %+v", m)
	}
	l := c.LivenessProbe
	if l == nil || l.HTTPGet == nil || l.HTTPGet.Path.Text != "/health" || l.HTTPGet.PortNumber != 8080 {
		t.Fatalf("liveness probe = %+v", l)
	}
	checkToken(t, data, *l.HTTPGet.Path)
	checkToken(t, data, *l.HTTPGet.Port)
	r := c.ReadinessProbe
	if r == nil || r.HTTPGet == nil || r.HTTPGet.Port.Text != "readiness" || r.HTTPGet.PortNumber != 8181 {
		t.Errorf("readiness probe = %+v", r)
	}
	s := pod.ContainerSpecs[1]
	if s.Image != nil || len(s.Command) != 1 || s.Command[0].Text != "/bin/sh" || s.LivenessProbe == nil || s.LivenessProbe.HTTPGet != nil || s.ReadinessProbe != nil {
		t.Errorf("sidecar = %+v", s)
	}
	if len(pod.Volumes) != 2 || pod.Volumes[0].ConfigMap == nil || pod.Volumes[0].ConfigMap.Text != "coredns" || pod.Volumes[1].ConfigMap != nil {
		t.Errorf("volumes = %+v", pod.Volumes)
	}
}

func TestWorkloadUnset(t *testing.T) {
	res, err := Parse("pod.yaml", []byte("kind: Pod\nspec:\n  containers:\n  - image: nginx\n---\nkind: Deployment\nspec:\n  replicas: \"3\"\n  template:\n    spec: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Workloads) != 2 {
		t.Fatalf("got %d workloads", len(res.Workloads))
	}
	for _, w := range res.Workloads {
		if w.Replicas != nil || w.Pod.TerminationGracePeriodSeconds != nil {
			t.Errorf("%s: replicas %+v, grace period %+v", w.Object.Kind, w.Replicas, w.Pod.TerminationGracePeriodSeconds)
		}
	}
	c := res.Workloads[0].Pod.ContainerSpecs[0]
	if c.Name.Text != "" || c.Resources.MemoryLimit != nil || c.LivenessProbe != nil {
		t.Errorf("container = %+v", c)
	}
}

func TestQuantityValue(t *testing.T) {
	for in, want := range map[string]int64{
		"170Mi": 170 << 20, "1Gi": 1 << 30, "128974848": 128974848, "129e6": 129000000, "129M": 129000000,
		"123Mi": 128974848, "0.5Ki": 512, "1.5": 2, "100m": 1, "1E": 1e18, "1e3": 1000, "+1k": 1000, ".5k": 500,
	} {
		if got := quantityValue(in); got == nil || *got != want {
			t.Errorf("quantityValue(%q) = %v, want %d", in, got, want)
		}
	}
	for _, in := range []string{"", "__DNS__MEMORY__LIMIT__", "170MB", "1.2.3", "Mi", "1e99", "9Ei", "170 Mi"} {
		if got := quantityValue(in); got != nil {
			t.Errorf("quantityValue(%q) = %d, want nil", in, *got)
		}
	}
}

func TestWorkloadOddShapes(t *testing.T) {
	in := "kind: Deployment\nspec:\n  template:\n    spec:\n      volumes:\n      - emptyDir: {}\n      - &v {name: cm, configMap: {name: coredns}}\n      - *v\n      - plain\n" +
		"      containers:\n      - ports: [{containerPort: x}, 53]\n        livenessProbe: {httpGet: {port: dns}}\n        readinessProbe: {httpGet: {path: /ready}}\n      - [not, a, container]\n"
	res, err := Parse("odd.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	pod := res.Workloads[0].Pod
	if len(pod.Volumes) != 3 || pod.Volumes[0].Name.Text != "" || pod.Volumes[0].Name.Pos.Line != 6 || pod.Volumes[2].ConfigMap.Text != "coredns" {
		t.Errorf("volumes = %+v", pod.Volumes)
	}
	if len(pod.ContainerSpecs) != 1 {
		t.Fatalf("containers = %+v", pod.ContainerSpecs)
	}
	c := pod.ContainerSpecs[0]
	if len(c.Ports) != 1 || c.Ports[0].ContainerPort != nil || c.LivenessProbe.HTTPGet.PortNumber != 0 || c.ReadinessProbe.HTTPGet.Port != nil {
		t.Errorf("container = %+v", c)
	}
}
