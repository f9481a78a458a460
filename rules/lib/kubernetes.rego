# Helpers over the Kubernetes release a run targets and what its API server accepts.
package dnslint.lib.kubernetes

# version is the Kubernetes release the run targets.
version := data.dnslint.config.kubernetes_version if {
	data.dnslint.config.kubernetes_version
} else := data.dnslint.kubernetes.latest

# search_limits are the API server's limits on dnsConfig.searches for that release:
# {max_paths, max_chars, gate} (6/256 before expanded DNS config was on by default, 32/2048
# after); gate says how a feature gate can change them in that release, or is "".
search_limits := applicable[count(applicable) - 1]

applicable := [l |
	some l in data.dnslint.kubernetes.search_limits
	semver.compare(version, l.from) >= 0
]

# relaxed_search holds when the release validates search domains with
# RelaxedDNSSearchValidation on by default: `_` allowed, a lone `.` accepted.
relaxed_search if semver.compare(version, data.dnslint.kubernetes.relaxed_search_validation_from) >= 0

# dns_policies are the values the API server accepts for dnsPolicy, in the order its
# `Unsupported value` message lists them.
dns_policies := data.dnslint.kubernetes.dns_policies

# ip holds for text that the API server accepts as an IP address (validation.IsValidIP):
# an IPv4 or IPv6 literal, IPv4 octets with leading zeros included; no port, no zone, no name.
ip(text) if {
	regex.match(`^[0-9]+(\.[0-9]+){3}$`, text)
	every octet in split(text, ".") {
		to_number(octet) <= 255
	}
}

ip(text) if {
	contains(text, ":")
	not contains(text, "/")
	net.cidr_is_valid(sprintf("%s/128", [text]))
}

# unsupported is the text of a field.NotSupported error: `Unsupported value: "x": supported
# values: "a", "b"`.
unsupported(value, valid) := sprintf("Unsupported value: %q: supported values: %s", [
	value, concat(", ", [sprintf("%q", [v]) | some v in valid]),
])
