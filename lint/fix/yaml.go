package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	yaml "go.yaml.in/yaml/v3"
)

// CheckYAML refuses fixed YAML that no longer parses while the original did: the last
// guard against an edit the YAML parser reads otherwise than its rule meant (a quirk such
// as a tab-only line after a quoted scalar). A file that did not parse before is left to
// the yaml/syntax rule.
func CheckYAML(file string, before, after []byte) error {
	if parses(before) && !parses(after) {
		return fmt.Errorf("%s: the fixes would leave YAML that does not parse; not fixed", file)
	}
	return nil
}

func parses(b []byte) bool {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return false
		}
	}
}
