package explain

import (
	"fmt"
	"strings"
)

// MaxNameLength is the longest domain name in text form, without the trailing dot
// (RFC 1035 §2.3.4: 255 octets on the wire); MaxLabelLength the longest label.
const (
	MaxNameLength  = 253
	MaxLabelLength = 63
)

// CheckName refuses a name a resolver would not look up: empty, longer than 253
// characters or with a label longer than 63 (RFC 1035 §2.3.4), an empty label, or a
// character other than a letter, digit, hyphen or underscore (RFC 1123 §2.1 host names;
// underscore for service labels such as _http._tcp).
func CheckName(name string) error {
	n := strings.TrimSuffix(name, ".")
	switch {
	case n == "":
		return fmt.Errorf("name %q: empty", name)
	case len(n) > MaxNameLength:
		return fmt.Errorf("name of %d characters: a domain name has at most %d", len(n), MaxNameLength)
	}
	for _, label := range strings.Split(n, ".") {
		switch {
		case label == "":
			return fmt.Errorf("name %q: empty label (two dots in a row, or a leading dot)", name)
		case len(label) > MaxLabelLength:
			return fmt.Errorf("name %q: label of %d characters; a label has at most %d", name, len(label), MaxLabelLength)
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return fmt.Errorf("name %q: %q is not a letter, digit, hyphen or underscore (RFC 1123 host names)", name, r)
			}
		}
	}
	return nil
}
