package model

// Corefile is one effective Corefile: what CoreDNS would load.
type Corefile struct {
	// File is the file that holds the main Corefile text.
	File string `json:"file"`
	// Object is set when the Corefile is a ConfigMap key.
	Object *Object `json:"object,omitempty"`
	// Key is the ConfigMap data key holding the Corefile ("Corefile" for coredns).
	Key string `json:"key,omitempty"`
	// ServerBlocks in file order, with imported .server blocks where their import stood.
	ServerBlocks []*ServerBlock `json:"server_blocks"`
	// Imports lists every import statement and what it resolved to.
	Imports []*Import `json:"imports"`
}

// ServerBlock is `KEYS { DIRECTIVES }`.
type ServerBlock struct {
	Keys []*ServerKey `json:"keys"`
	// Directives in the order they are written (CoreDNS runs them in plugin.cfg order;
	// only the relative order of the same directive matters to it).
	Directives []*Directive `json:"directives"`
	// Via is the import chain that brought the block in, outermost first (e.g. the
	// coredns-custom key "custom/x.server"); empty for blocks written in File.
	Via []string `json:"via"`
	Pos Pos      `json:"pos"`
}

// ServerKey is one address of a server block: [SCHEME://]ZONE[:PORT].
type ServerKey struct {
	Text   string `json:"text"`
	Scheme string `json:"scheme"`
	// Zone is lower-case and fully qualified ("." for the root, "example.org.").
	Zone string `json:"zone"`
	// Port is the port written, or the scheme's default ("53" for dns).
	Port string `json:"port"`
	// PortExplicit tells whether the key spelled out the port.
	PortExplicit bool `json:"port_explicit"`
	Pos          Pos  `json:"pos"`
}

// Directive is a plugin line with its arguments and, when present, its `{ }` block,
// whose lines are Directives again (a block line's Name is its first word).
type Directive struct {
	Name  string       `json:"name"`
	Args  []Token      `json:"args"`
	Block []*Directive `json:"block"`
	// HasBlock is true when `{ }` followed, even if empty.
	HasBlock bool `json:"has_block"`
	// Via is the import chain (snippet names and file/key names) that brought the line in.
	Via []string `json:"via"`
	Pos Pos      `json:"pos"`
}

// Import is one `import PATTERN` statement.
type Import struct {
	Pattern string `json:"pattern"`
	// Kind is "snippet", "file" or "glob".
	Kind string `json:"kind"`
	// Matched are the files or keys it expanded to, in order.
	Matched []string `json:"matched"`
	// Resolved is false when the import's target could not be known in this run (a glob
	// into a directory dnslint does not see).
	Resolved bool `json:"resolved"`
	Pos      Pos  `json:"pos"`
}
