package model

// Input is everything one run read, normalized: the value of `input` in Rego.
type Input struct {
	// Corefiles are the effective Corefiles: plain files and ConfigMap keys, each after
	// snippets and imports were expanded and coredns-custom keys were composed in.
	Corefiles []*Corefile `json:"corefiles"`
	// Customs are the coredns-custom ConfigMaps, key by key.
	Customs []*Custom `json:"customs"`
	// Autoscalers are cluster-proportional-autoscaler ConfigMaps.
	Autoscalers []*Autoscaler `json:"autoscalers"`
	// Workloads are the objects that carry a pod spec.
	Workloads []*Workload `json:"workloads"`
	// ResolvConfs are resolv.conf files.
	ResolvConfs []*ResolvConf `json:"resolv_confs"`
	// ParseErrors are inputs that could not be read; the `<format>/syntax` rules report them.
	ParseErrors []*ParseError `json:"parse_errors"`
	// DuplicateKeys are mapping keys written twice in the fields dnslint reads (at most
	// 256 a file).
	DuplicateKeys []*DuplicateKey `json:"duplicate_keys"`
}

// ParseError is a file (or embedded text) that its parser rejected.
type ParseError struct {
	// Format is corefile, yaml, resolv, autoscaler, or limit: past one of dnslint's own
	// limits (a Corefile of more than 65536 tokens, say), which is then not linted.
	Format  string `json:"format"`
	Message string `json:"message"`
	Pos     Pos    `json:"pos"`
	// Related are other places the error concerns, each with what it is there (where in
	// the platform's default Corefile a coredns-custom took it past a limit): the related
	// locations of its finding. The message names them, never their lines.
	Related []*Place `json:"related"`
}

// Place is another place an error points at, with what stands there.
type Place struct {
	Message string `json:"message"`
	Pos     Pos    `json:"pos"`
}
