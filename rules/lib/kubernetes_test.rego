package dnslint.lib.kubernetes_test

import data.dnslint.lib.kubernetes

test_search_limits_follow_the_version if {
	kubernetes.search_limits.max_paths == 32 with data.dnslint.config as {}
	kubernetes.search_limits.max_paths == 6 with data.dnslint.config as {"kubernetes_version": "1.25.3"}
	kubernetes.search_limits.max_chars == 2048 with data.dnslint.config as {"kubernetes_version": "1.26.0"}
}
