package rules

import (
	"encoding/json"
	"fmt"
	"sync"
)

// Data is the part of the shipped data (data/*.json) that Go code reads — the one typed
// accessor of it; the rules read all of it as OPA's data document.
type Data struct {
	CoreDNS struct {
		Latest string `json:"latest"`
		// Plugins by name: Order is the plugin's place in CoreDNS's plugin.cfg.
		Plugins map[string]struct {
			Order int `json:"order"`
		} `json:"plugins"`
	}
	Kubernetes struct {
		Latest       string `json:"latest"`
		SearchLimits []struct {
			From string `json:"from"`
		} `json:"search_limits"`
		Resolvers struct {
			MuslImageMarkers []string `json:"musl_image_markers"`
		} `json:"resolvers"`
	}
}

// ShippedData decodes the shipped data once.
var ShippedData = sync.OnceValues(func() (*Data, error) {
	d := &Data{}
	for file, into := range map[string]any{"data/coredns.json": &d.CoreDNS, "data/kubernetes.json": &d.Kubernetes} {
		b, err := FS.ReadFile(file)
		if err == nil {
			err = json.Unmarshal(b, into)
		}
		if err != nil {
			return nil, fmt.Errorf("rules/%s: %w", file, err)
		}
	}
	return d, nil
})

// MustData is ShippedData for code with no error to return: the data is embedded at
// build time and TestShippedData proves it decodes, so it panics only in a broken build.
func MustData() *Data {
	d, err := ShippedData()
	if err != nil {
		panic(err)
	}
	return d
}
