package dnslint.lib.kubernetes_test

import data.dnslint.lib.kubernetes

test_search_limits_follow_the_version if {
	kubernetes.search_limits.max_paths == 32 with data.dnslint.config as {}
	kubernetes.search_limits.max_paths == 6 with data.dnslint.config as {"kubernetes_version": "1.25.3"}
	kubernetes.search_limits.max_chars == 2048 with data.dnslint.config as {"kubernetes_version": "1.26.0"}
}

test_search_limits_name_the_feature_gate if {
	contains(kubernetes.search_limits.gate, "off by default") with data.dnslint.config as {"kubernetes_version": "1.24.0"}
	contains(kubernetes.search_limits.gate, "on by default") with data.dnslint.config as {"kubernetes_version": "1.27.2"}
	kubernetes.search_limits.gate == "" with data.dnslint.config as {"kubernetes_version": "1.28.0"}
	kubernetes.search_limits.gate == "" with data.dnslint.config as {"kubernetes_version": "1.21.0"}
}

test_relaxed_search_from_1_33 if {
	kubernetes.relaxed_search with data.dnslint.config as {"kubernetes_version": "1.33.0"}
	not kubernetes.relaxed_search with data.dnslint.config as {"kubernetes_version": "1.32.9"}
}

test_ip_literals if {
	every t in ["10.96.0.10", "010.000.000.053", "::1", "fd00:10:96::a", "2001:db8::ffff"] {
		kubernetes.ip(t)
	}
	every t in ["10.96.0.10:53", "256.1.1.1", "1.2.3", "fe80::1%eth0", "2001:db8::/64", "dns.google", "", "[::1]:53"] {
		not kubernetes.ip(t)
	}
}

test_unsupported_message if {
	kubernetes.unsupported("x", ["A", "B"]) == `Unsupported value: "x": supported values: "A", "B"`
}
