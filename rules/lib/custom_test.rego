package dnslint.lib.custom_test

import data.dnslint.lib.custom

# run is a coredns ConfigMap whose Corefile imports the coredns-custom keys, a second
# Corefile file that it imports, and the coredns-custom ConfigMap: a.override's lines
# join the .:53 block (its `import common` brings the snippet's `log`); b.server is a
# server block of its own.
run := dnslint.test.input({
	"coredns.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns, namespace: kube-system}
		data:
		  Corefile: |
		    (common) {
		        log
		    }
		    .:53 {
		        errors
		        cache 30
		        log
		        forward . /etc/resolv.conf
		        import custom/*.override
		    }
		    dup.example:53 {
		        cache 30
		        cache 60
		        import common
		        example.com:53 {
		            whoami
		        }
		    }
		    import custom/*.server
	`,
	"custom.yaml": `
		apiVersion: v1
		kind: ConfigMap
		metadata: {name: coredns-custom, namespace: kube-system}
		data:
		  a.override: |
		    import common
		    cache 60
		    forward . 10.0.0.1
		    hosts {
		        fallthrough
		    }
		    example.com:53 {
		        whoami
		    }
		    . {
		        whoami
		    }
		    example.net:53
		  b.server: |
		    b.example:53 {
		        whoami
		    }
	`,
})

# block is the server block of the run whose first key is key.
block(key) := [b | some cf in run.corefiles; some b in cf.server_blocks; b.keys[0].text == key][0]

# line is the first directive of the run named name that stands in file.
line(name, file) := [d |
	some cf in run.corefiles
	some b in cf.server_blocks
	some d in b.directives
	d.name == name
	d.pos.file == file
][0]

override := "/etc/coredns/custom/a.override"

test_origin if {
	custom.origin(block("b.example:53")) == "/etc/coredns/custom/b.server"
	custom.origin(line("cache", "custom.yaml")) == override

	# the snippet's line came through a.override
	snippet_log := [d | some d in block(".:53").directives; d.name == "log"; count(d.via) > 0][0]
	snippet_log.via == [override, "(common)"]
	custom.origin(snippet_log) == override
	custom.from_override(snippet_log)
	not custom.origin(line("cache", "coredns.yaml"))
	not custom.from_override(line("cache", "coredns.yaml"))
	not custom.from_override(block("b.example:53"))
	custom.name(override) == "a.override"
}

# A line from a file other than a coredns-custom key has no origin. The case stands for
# a file import (`import /etc/coredns/extra.conf`, via that path), which the test
# builtin's run cannot resolve (it has no file system): a snippet of the Corefile's own.
test_origin_of_another_source if {
	d := [d | some d in block("dup.example:53").directives; d.name == "log"][0]
	d.via == ["(common)"]
	not custom.origin(d)
}

test_override_collision if {
	custom.override_collision(block(".:53"), "cache")
	not custom.override_collision(block(".:53"), "log")
	not custom.override_collision(block("dup.example:53"), "cache")
	not custom.override_collision(block(".:53"), "forward")
	custom.override_collision(block(".:53"), "forward") with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_override_server_block if {
	custom.override_server_block(line("example.com:53", "custom.yaml"))
	custom.override_server_block(line(".", "custom.yaml"))
	not custom.override_server_block(line("hosts", "custom.yaml"))
	not custom.override_server_block(line("example.com:53", "coredns.yaml"))
	not custom.override_server_block(line("example.net:53", "custom.yaml"))
}

test_platform if {
	custom.platform("<aks default Corefile>") == "AKS"
	custom.platform("<k3s default Corefile>") == "k3s"
	not custom.platform("coredns.yaml")
}
