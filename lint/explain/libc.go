package explain

import (
	"strings"

	"github.com/dnslint/dnslint/rules"
)

// LibcOfImages is the resolver of a pod with these images, as lint decides it: musl when
// an image's name says so (Alpine; the rules' data resolvers.musl_image_markers, the one
// list lint's rules and explain share), else glibc.
func LibcOfImages(images []string) Libc {
	for _, img := range images {
		for _, m := range rules.MustData().Kubernetes.Resolvers.MuslImageMarkers {
			if strings.Contains(strings.ToLower(img), m) {
				return Musl
			}
		}
	}
	return Glibc
}
