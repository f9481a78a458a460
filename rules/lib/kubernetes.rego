# Helpers over the Kubernetes release a run targets.
package dnslint.lib.kubernetes

# version is the Kubernetes release the run targets.
version := data.dnslint.config.kubernetes_version if {
	data.dnslint.config.kubernetes_version
} else := data.dnslint.kubernetes.latest

# search_limits are the API server's limits on dnsConfig.searches for that release:
# {max_paths, max_chars} (6/256 before expanded DNS config was on by default, 32/2048 after).
search_limits := applicable[count(applicable) - 1]

applicable := [l |
	some l in data.dnslint.kubernetes.search_limits
	semver.compare(version, l.from) >= 0
]
