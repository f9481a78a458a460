package model

// Autoscaler is a cluster-proportional-autoscaler ConfigMap (`ladder` or `linear`).
type Autoscaler struct {
	Object Object `json:"object"`
	File   string `json:"file"`
	// Keys are the ConfigMap's data keys (CPA needs exactly one, ladder or linear).
	Keys []Token `json:"keys"`
	// Mode is "ladder", "linear" or "" when neither key is present (a ConfigMap that holds
	// CPA parameters under another key, such as `Ladder` or `ladder.json`).
	Mode string `json:"mode"`
	// Params is the decoded JSON object of the mode key (nil when it does not decode; an
	// empty object for JSON null, which CPA reads as all fields unset).
	Params map[string]any `json:"params"`
	// Fields maps each top-level JSON key to its position.
	Fields map[string]Pos `json:"fields"`
	// Values maps each top-level JSON key to its value as written, with the elements of
	// arrays down to the numbers of ladder steps.
	Values map[string]*JSONValue `json:"values"`
	// ValuePos is the position of the JSON text.
	ValuePos Pos `json:"value_pos"`
	// ValueKind is the YAML kind of the mode key's value: "string" (what CPA reads),
	// "mapping" or "sequence" (ConfigMap data values must be strings).
	ValueKind string `json:"value_kind"`
	// ErrorPos is where the JSON stops being valid, when it is not (else null).
	ErrorPos *Pos `json:"error_pos"`
}

// JSONValue is a JSON value of an autoscaler's parameters as written, with its position.
type JSONValue struct {
	// Raw is the JSON text of a number, string, boolean or null (e.g. `2.0`, `"2"`); it is
	// empty for arrays and objects.
	Raw string `json:"raw"`
	// Items are the elements of an array, to the depth of ladder steps (else empty).
	Items []*JSONValue `json:"items"`
	Pos   Pos          `json:"pos"`
}
