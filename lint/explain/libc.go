package explain

import (
	"encoding/json"
	"strings"
	"sync"

	"github.com/dnslint/dnslint/rules"
)

// muslMarkers are the image name parts that say musl libc, from the rules' data
// (resolvers.musl_image_markers): the one list lint's rules and explain share.
var muslMarkers = sync.OnceValue(func() []string {
	var d struct {
		Resolvers struct {
			MuslImageMarkers []string `json:"musl_image_markers"`
		} `json:"resolvers"`
	}
	b, err := rules.FS.ReadFile("data/kubernetes.json")
	if err != nil {
		panic("explain: embedded rules data: " + err.Error())
	}
	if err := json.Unmarshal(b, &d); err != nil {
		panic("explain: embedded rules data: " + err.Error())
	}
	return d.Resolvers.MuslImageMarkers
})

// LibcOfImages is the resolver of a pod with these images, as lint decides it: musl when
// an image's name says so (Alpine), else glibc.
func LibcOfImages(images []string) Libc {
	for _, img := range images {
		for _, m := range muslMarkers() {
			if strings.Contains(strings.ToLower(img), m) {
				return Musl
			}
		}
	}
	return Glibc
}
