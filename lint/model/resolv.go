package model

// ResolvConf is a resolv.conf file.
type ResolvConf struct {
	File        string  `json:"file"`
	Nameservers []Token `json:"nameservers"`
	// Search is the effective search list (the last search or domain line wins, as in glibc).
	Search []Token `json:"search"`
	// SearchLines and DomainLines are every search/domain line, in order.
	SearchLines []*ResolvLine `json:"search_lines"`
	DomainLines []*ResolvLine `json:"domain_lines"`
	// Options are every option of every options line, in order.
	Options []*ResolvOption `json:"options"`
	// Sortlist are the sortlist lines, in order (glibc reads up to 10 address/netmask pairs).
	Sortlist []*ResolvLine `json:"sortlist"`
	// Unknown are lines whose keyword libc does not know or skips (ignored by the resolver).
	Unknown []*ResolvLine `json:"unknown"`
}

// ResolvLine is one line: its keyword and arguments.
type ResolvLine struct {
	Keyword Token   `json:"keyword"`
	Args    []Token `json:"args"`
}

// ResolvOption is `name` or `name:value` on an options line.
type ResolvOption struct {
	Name  string  `json:"name"`
	Value *string `json:"value"`
	Token Token   `json:"token"`
}
