package dnslint.lib.custom_test

import data.dnslint.lib.custom

line(name, via) := {"name": name, "via": via, "has_block": false}

override := ["/etc/coredns/custom/a.override"]

test_origin if {
	custom.origin({"via": ["/etc/coredns/custom/a.server"]}) == "/etc/coredns/custom/a.server"
	custom.origin({"via": ["(snippet)", "/etc/coredns/custom/a.override"]}) == "/etc/coredns/custom/a.override"
	not custom.origin({"via": []})
	not custom.origin({"via": ["/etc/coredns/extra.conf"]})
	custom.from_override(line("log", override))
	not custom.from_override(line("log", ["/etc/coredns/custom/a.server"]))
	custom.name("/etc/coredns/custom/a.override") == "a.override"
}

test_override_collision if {
	block := {"directives": [line("cache", []), line("log", []), line("cache", override), line("log", override)]}
	custom.override_collision(block, "cache")
	not custom.override_collision(block, "log")
	not custom.override_collision({"directives": [line("cache", []), line("cache", [])]}, "cache")
	not custom.override_collision({"directives": [line("forward", []), line("forward", override)]}, "forward")
	custom.override_collision({"directives": [line("forward", []), line("forward", override)]}, "forward") with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_override_server_block if {
	custom.override_server_block({"name": "example.com:53", "via": override, "has_block": true})
	custom.override_server_block({"name": ".", "via": override, "has_block": true})
	not custom.override_server_block({"name": "hosts", "via": override, "has_block": true})
	not custom.override_server_block({"name": "example.com:53", "via": [], "has_block": true})
	not custom.override_server_block({"name": "example.com:53", "via": override, "has_block": false})
}

test_platform if {
	custom.platform("<aks default Corefile>") == "AKS"
	custom.platform("<k3s default Corefile>") == "k3s"
	not custom.platform("coredns.yaml")
}
