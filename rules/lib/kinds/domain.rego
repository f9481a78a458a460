# domain: miekg/dns IsDomainName (a leading dot except for the root, two dots back to back, a
# label of 64 octets or more, a name longer than 255 octets). Names with escapes (\) are left
# alone.
package dnslint.lib.kinds

import data.dnslint.lib.plugins

error(t, v) := plugins.text(t.message, v, {}) if {
	t.kind == "domain"
	not domain_name(v)
}

fix["domain"] := "Write a domain name: labels of 1 to 63 characters separated by single dots"

# domain_name holds for a name dns.IsDomainName accepts (or one with escapes, not judged).
domain_name(v) if contains(v, `\`)

domain_name(v) if {
	not contains(v, `\`)
	v != ""
	count(v) <= 255
	not bad_dots(v)
	every label in split(trim_suffix(v, "."), ".") {
		count(label) < 64
	}
}

bad_dots(v) if contains(v, "..")

bad_dots(v) if {
	startswith(v, ".")
	v != "."
}
