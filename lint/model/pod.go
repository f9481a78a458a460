package model

// Workload is a Kubernetes object that carries a pod spec (Pod, Deployment, CronJob, …).
type Workload struct {
	Object Object `json:"object"`
	File   string `json:"file"`
	Pod    PodDNS `json:"pod"`
}

// PodDNS is the DNS-relevant part of a pod spec. Unset fields are nil.
type PodDNS struct {
	// Path is the field path of the pod spec in the object (e.g. spec.template.spec).
	Path        string     `json:"path"`
	DNSPolicy   *Token     `json:"dns_policy"`
	HostNetwork *Bool      `json:"host_network"`
	DNSConfig   *DNSConfig `json:"dns_config"`
	Containers  []Token    `json:"images"`
	Pos         Pos        `json:"pos"`
}

// Bool is a boolean field and its position.
type Bool struct {
	Value bool `json:"value"`
	Pos   Pos  `json:"pos"`
}

// DNSConfig is pod.spec.dnsConfig.
type DNSConfig struct {
	Nameservers []Token      `json:"nameservers"`
	Searches    []Token      `json:"searches"`
	Options     []*DNSOption `json:"options"`
	Pos         Pos          `json:"pos"`
}

// DNSOption is one dnsConfig option; Value is nil when no value was given.
type DNSOption struct {
	Name  Token  `json:"name"`
	Value *Token `json:"value"`
	Pos   Pos    `json:"pos"`
}
