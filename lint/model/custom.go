package model

// Custom is a coredns-custom ConfigMap: each key becomes a file under custom/ next to the
// Corefile, and only *.server and *.override keys are imported by it.
type Custom struct {
	Object Object       `json:"object"`
	File   string       `json:"file"`
	Keys   []*CustomKey `json:"keys"`
	// Partner is the Corefile that reads this ConfigMap's keys, as composition decided it
	// (see package compose: the run's files, the mounts of the run's Deployments, the
	// repository, the platform's default, in that order).
	Partner *Partner `json:"partner"`
}

// Partner is the Corefile of a coredns-custom ConfigMap.
type Partner struct {
	// Source is where it was found: "run" (a Corefile ConfigMap of the run's files),
	// "mount" (named by a Deployment of the run that mounts both; not in the run),
	// "repository" or "platform" (the platform's default Corefile).
	Source string `json:"source"`
	// Platform is the platform named (source "platform"): aks, k3s, eks, ...
	Platform string `json:"platform,omitempty"`
	// Object is the Corefile's ConfigMap.
	Object Object `json:"object"`
	// Key is its data key holding the Corefile; "" when the ConfigMap is not in the run.
	Key string `json:"key"`
	// File is the file that holds it ("<aks default Corefile>" for the platform's); ""
	// when it is not in the run.
	File string `json:"file"`
	// Imports is true when it imports from the directory the keys are mounted in; false
	// when it imports nothing from there, or (source "mount") when what it imports is not
	// known.
	Imports bool `json:"imports"`
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
	// ReadBy lists the plugin arguments (file:line:col) of the partner Corefile that
	// name this key's file by its path (`file /etc/coredns/custom/db.example.lan`).
	ReadBy   []string `json:"read_by"`
	ValuePos Pos      `json:"value_pos"`
	// ScalarPos is where the value starts as written: a block scalar's header (|, >-), a
	// quoted scalar's opening quote, a plain scalar's first line.
	ScalarPos Pos `json:"scalar_pos"`
	// Joined is true when YAML joined line breaks of the value into spaces — a folded (>)
	// block whose lines run together, or a plain or quoted scalar continued on the next
	// lines — so that CoreDNS reads several lines of the file as one.
	Joined bool `json:"joined"`
	// Unbraced is, for a .server key (and a key of neither suffix, whose content it
	// tells apart: server blocks or plugin lines), the first address of a server block written without
	// `{ }`: CoreDNS takes every line after it, up to the end of the Corefile, as that
	// block's plugins. Null when every block has braces.
	Unbraced *Token `json:"unbraced"`
}
