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
	// CustomReads are the plugin arguments that name a file in the directory where the
	// coredns-custom ConfigMap of this Corefile is mounted (`file /etc/coredns/custom/db.x`).
	CustomReads []*CustomRead `json:"custom_reads"`
	// Tokens counts the Corefile's words and braces, imports and snippets expanded: what
	// the rules' work on it grows with (not part of the rules' input).
	Tokens int `json:"-"`
}

// Weight is what evaluating the Corefile costs, relative to other elements (the engine
// fills its chunks by it).
func (c *Corefile) Weight() int { return c.Tokens }

// CustomRead is a plugin argument naming a file of the mounted coredns-custom ConfigMap.
type CustomRead struct {
	// Path is the argument as written.
	Path string `json:"path"`
	// Key is the data key the path names.
	Key string `json:"key"`
	// Custom names the coredns-custom ConfigMap (namespace/name) the path is read from.
	Custom string `json:"custom"`
	// Found is false when that ConfigMap has no such key: CoreDNS finds no file there.
	Found bool `json:"found"`
	// Plugin is the directive the argument belongs to.
	Plugin string   `json:"plugin"`
	Via    []string `json:"via"`
	Pos    Pos      `json:"pos"`
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
	// Truncated are the words of the block (keys, directives and their blocks, imported
	// lines included) that a `#` cuts short.
	Truncated []*Truncated `json:"truncated"`
}

// Truncated is a word with a `#` inside it. Caddy's lexer ends the word at the `#` and
// skips the rest of that word as a comment: `1.2.3.4#53` is read as `1.2.3.4`.
type Truncated struct {
	// Text is what CoreDNS reads ("1.2.3.4").
	Text string `json:"text"`
	// Dropped is what it skips, from the `#` to the end of the word ("#53").
	Dropped string `json:"dropped"`
	// Pos is where the dropped part stands.
	Pos Pos `json:"pos"`
	// Via is the import chain that brought the word in.
	Via []string `json:"via"`
}

// ServerKey is one address of a server block: [SCHEME://]ZONE[:PORT], read the way
// CoreDNS 1.14.7 reads it (core/dnsserver/register.go, plugin.SplitHostPort).
type ServerKey struct {
	Text string `json:"text"`
	// Scheme is the transport prefix as written ("dns" when there is none). CoreDNS
	// knows dns, tls, quic, grpc, https and https3, case-sensitively; with any other
	// prefix it reads the whole key as a zone name.
	Scheme string `json:"scheme"`
	// Zone is lower-case and fully qualified ("." for the root, "example.org."); a
	// reverse CIDR (10.0.0.0/24) is its reverse zone ("0.0.10.in-addr.arpa.").
	Zone string `json:"zone"`
	// Zones are all the zones the key serves: Zone, or the reverse zones a CIDR that
	// does not end on an octet (nibble for IPv6) boundary expands to.
	Zones []string `json:"zones"`
	// ZoneWritten is Zone with the case as written: CoreDNS before 1.14.7 compares
	// zones case-sensitively.
	ZoneWritten string `json:"zone_written"`
	// Port is the port written, or the scheme's default ("53" for dns; "" for an
	// unknown scheme). CoreDNS takes the text after the last colon as the port only
	// when it is a number; otherwise it is part of the zone.
	Port string `json:"port"`
	// PortExplicit tells whether the key spelled out the port.
	PortExplicit bool `json:"port_explicit"`
	// Error is the message CoreDNS exits with when it cannot read the key ("zone is not
	// a valid domain name: …"), "" when it can.
	Error string `json:"error"`
	Pos   Pos    `json:"pos"`
}

// Directive is a plugin line with its arguments and, when present, its `{ }` block,
// whose lines are Directives again (a block line's Name is its first word).
type Directive struct {
	Name  string       `json:"name"`
	Args  []Token      `json:"args"`
	Block []*Directive `json:"block"`
	// HasBlock is true when `{ }` followed, even if empty.
	HasBlock bool `json:"has_block"`
	// Via is the import chain (snippet names "(name)" and file/key names) that brought the
	// line in, outermost first: at most 32 steps, then "…".
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
	// into a directory dnslint does not see, a file it did not read).
	Resolved bool `json:"resolved"`
	// Unread lists what the import names that dnslint did not read.
	Unread []*Unread `json:"unread"`
	Pos    Pos       `json:"pos"`
}

// Unread is a file or pattern an import names that dnslint did not read.
type Unread struct {
	// Path is the file, or the pattern when dnslint did not look for matches.
	Path string `json:"path"`
	// Reason is "outside" (not inside the run's roots: dnslint reads nothing else),
	// "hidden" (through a hidden file or directory, such as .git or .env) or
	// "too-large" (over the run's file size limit).
	Reason string `json:"reason"`
	// Message says why in words.
	Message string `json:"message"`
	// Pos is the import's argument.
	Pos Pos `json:"pos"`
}
