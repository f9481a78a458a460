package model

// DuplicateKey is a mapping key written twice in a field dnslint reads (`dnsPolicy` twice
// in one pod spec, a ConfigMap data key twice). kubectl converts YAML to JSON with
// sigs.k8s.io/yaml, which keeps the last value and drops the others without a word;
// kustomize (yaml.v3) refuses the file.
type DuplicateKey struct {
	// Object is the object the mapping belongs to.
	Object Object `json:"object"`
	File   string `json:"file"`
	// Key is the dropped occurrence, with its position.
	Key Token `json:"key"`
	// Value is the dropped value: a scalar's text, "{…}" for a mapping, "[…]" for a list.
	Value string `json:"value"`
	// Kept is the occurrence that wins (the last one), and KeptValue its value.
	Kept      Token  `json:"kept"`
	KeptValue string `json:"kept_value"`
}
