package model

// Autoscaler is a cluster-proportional-autoscaler ConfigMap (`ladder` or `linear`).
type Autoscaler struct {
	Object Object `json:"object"`
	File   string `json:"file"`
	// Keys are the ConfigMap's data keys (CPA needs exactly one, ladder or linear).
	Keys []Token `json:"keys"`
	// Mode is "ladder", "linear" or "" when neither key is present.
	Mode string `json:"mode"`
	// Params is the decoded JSON object of the mode key (nil when it does not decode).
	Params map[string]any `json:"params"`
	// Fields maps each top-level JSON key to its position.
	Fields map[string]Pos `json:"fields"`
	// ValuePos is the position of the JSON text.
	ValuePos Pos `json:"value_pos"`
}
