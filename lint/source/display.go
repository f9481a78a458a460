package source

import (
	"os"
	"path/filepath"
	"strings"
)

// Display returns the name findings use for a path: relative to the working directory
// when the file lies below it, slash-separated, otherwise the path as given.
func Display(name string) string {
	if filepath.IsAbs(name) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
				name = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(name))
}
