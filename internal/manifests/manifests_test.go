package manifests

import (
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

func TestDecode(t *testing.T) {
	docs := [][]byte{
		[]byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n"),
		[]byte("apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata: {name: b}\nspec: {selfSigned: {}}\n"),
		[]byte("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c}\n"),
	}
	o, err := Decode(docs)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(o.Kinds, ",") != "ConfigMap,Issuer,Deployment" || len(o.Other) != 1 {
		t.Errorf("kinds %v, other %v", o.Kinds, o.Other)
	}
	if cm := One[*corev1.ConfigMap](o); cm == nil || cm.Data["k"] != "v" {
		t.Errorf("ConfigMap %+v", cm)
	}
	if d := All[*appsv1.Deployment](o); len(d) != 1 || d[0].Name != "c" {
		t.Errorf("Deployments %+v", d)
	}
	if s := One[*corev1.Service](o); s != nil {
		t.Errorf("Service %+v, want none", s)
	}
}

// An unknown field is an error, as with the API server's strict field validation.
func TestDecodeIsStrict(t *testing.T) {
	_, err := Decode([][]byte{[]byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndatta: {k: v}\n")})
	if err == nil || !strings.Contains(err.Error(), `unknown field "datta"`) {
		t.Errorf("err %v", err)
	}
}
