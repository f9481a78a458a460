package model

// Custom is a coredns-custom ConfigMap: each key becomes a file under custom/ next to the
// Corefile, and only *.server and *.override keys are imported by it.
type Custom struct {
	Object Object       `json:"object"`
	File   string       `json:"file"`
	Keys   []*CustomKey `json:"keys"`
}

// CustomKey is one data key of a coredns-custom ConfigMap.
type CustomKey struct {
	Key Token `json:"key"`
	// Kind is "server", "override" or "other" (never imported).
	Kind string `json:"kind"`
	// Style is the YAML scalar style of the value: literal, folded, plain, single or double.
	Style string `json:"style"`
	// Lines is the number of lines of the value.
	Lines int `json:"lines"`
	// ImportedBy lists the Corefiles (file:line of the import) that pull this key in.
	ImportedBy []string `json:"imported_by"`
	ValuePos   Pos      `json:"value_pos"`
}
