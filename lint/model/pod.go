package model

// Workload is a Kubernetes object that carries a pod spec (Pod, Deployment, CronJob, …).
type Workload struct {
	Object Object `json:"object"`
	File   string `json:"file"`
	// Replicas is spec.replicas of a Deployment, StatefulSet, ReplicaSet or
	// ReplicationController; nil when unset (the API server defaults it to 1), not an
	// integer, or for a kind without one.
	Replicas *Int   `json:"replicas"`
	Pod      PodDNS `json:"pod"`
}

// PodDNS is the DNS-relevant part of a pod spec, with what the rules about the CoreDNS
// Deployment itself read. Unset fields are nil.
type PodDNS struct {
	// Path is the field path of the pod spec in the object (e.g. spec.template.spec).
	Path        string     `json:"path"`
	DNSPolicy   *Token     `json:"dns_policy"`
	HostNetwork *Bool      `json:"host_network"`
	DNSConfig   *DNSConfig `json:"dns_config"`
	// Images are the images of every init container and container, in that order.
	Images []Token `json:"images"`
	// ContainerSpecs are the init containers (Init set) and the containers, in that order.
	ContainerSpecs []*Container `json:"containers"`
	// TerminationGracePeriodSeconds is nil when unset (the API server defaults it to 30).
	TerminationGracePeriodSeconds *Int `json:"termination_grace_period_seconds"`
	// Volumes are the pod's volumes, with the ConfigMap each one mounts.
	Volumes []*Volume `json:"volumes"`
	Pos     Pos       `json:"pos"`
}

// Bool is a boolean field and its position.
type Bool struct {
	Value bool `json:"value"`
	Pos   Pos  `json:"pos"`
}

// Int is an integer field and its position.
type Int struct {
	Value int64 `json:"value"`
	Pos   Pos   `json:"pos"`
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

// Container is one container of a pod spec.
type Container struct {
	// Name is the container's name; Pos is where the container's mapping starts.
	Name  Token  `json:"name"`
	Image *Token `json:"image"`
	// Init is set for an init container.
	Init    bool    `json:"init"`
	Command []Token `json:"command"`
	Args    []Token `json:"args"`
	Ports   []*Port `json:"ports"`
	// VolumeMounts are where the container mounts the pod's volumes.
	VolumeMounts []*VolumeMount `json:"volume_mounts"`
	// Resources holds the memory limit and request.
	Resources      Resources `json:"resources"`
	LivenessProbe  *Probe    `json:"liveness_probe"`
	ReadinessProbe *Probe    `json:"readiness_probe"`
	Pos            Pos       `json:"pos"`
}

// Port is one containerPort.
type Port struct {
	// Name is nil for an unnamed port.
	Name          *Token `json:"name"`
	ContainerPort *Int   `json:"container_port"`
	Protocol      string `json:"protocol"`
}

// Resources is what the rules read of a container's resources.
type Resources struct {
	MemoryLimit   *Quantity `json:"memory_limit"`
	MemoryRequest *Quantity `json:"memory_request"`
}

// Quantity is a Kubernetes resource quantity ("170Mi", "1G", "512e6").
type Quantity struct {
	Text string `json:"text"`
	// Bytes is the value rounded up to a whole number, as the API server stores it; nil
	// when the text is not a quantity (a template placeholder, a typo).
	Bytes *int64 `json:"bytes"`
	Pos   Pos    `json:"pos"`
}

// Probe is a liveness or readiness probe.
type Probe struct {
	// HTTPGet is nil for an exec, tcpSocket or grpc probe.
	HTTPGet *HTTPGet `json:"http_get"`
	Pos     Pos      `json:"pos"`
}

// HTTPGet is a probe's httpGet action.
type HTTPGet struct {
	// Path is nil when unset (the kubelet requests /).
	Path *Token `json:"path"`
	// Port is as written: a number or the name of a container port.
	Port *Token `json:"port"`
	// PortNumber is the port, a named one looked up in the container's ports; 0 when
	// it is unset or names no port of the container.
	PortNumber int64 `json:"port_number"`
	Pos        Pos   `json:"pos"`
}

// Volume is one volume of a pod spec.
type Volume struct {
	Name Token `json:"name"`
	// ConfigMap is the name of the ConfigMap it mounts, or nil.
	ConfigMap *Token `json:"config_map"`
	// Items are the configMap's items: only these keys are mounted, each at its path.
	// Empty: every key is mounted under its own name.
	Items []*KeyToPath `json:"items"`
}

// KeyToPath is one item of a configMap volume: the key's file is Path (relative to the
// mount path).
type KeyToPath struct {
	Key  Token `json:"key"`
	Path Token `json:"path"`
}

// VolumeMount is one volumeMount of a container.
type VolumeMount struct {
	// Name is the volume's name.
	Name      Token `json:"name"`
	MountPath Token `json:"mount_path"`
	// SubPath is the file or directory of the volume mounted at MountPath; nil: all of it.
	SubPath *Token `json:"sub_path"`
}
