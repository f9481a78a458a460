package dnslint.lib.plugins_test

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.lib.plugins

# Go's time.ParseDuration messages, checked against Go 1.26.
test_duration_errors if {
	plugins.duration_error("5") == `time: missing unit in duration "5"`
	plugins.duration_error("5x") == `time: unknown unit "x" in duration "5x"`
	plugins.duration_error("x") == `time: invalid duration "x"`
	plugins.duration_error("") == `time: invalid duration ""`
	plugins.duration_error("-") == `time: invalid duration "-"`
	plugins.duration_error("1..2s") == `time: missing unit in duration "1..2s"`
	plugins.duration_error(".s") == `time: invalid duration ".s"`
	plugins.duration_error("5s3") == `time: missing unit in duration "5s3"`
	not plugins.duration_error("1m30s")
	not plugins.duration_error("0")
	not plugins.duration_error("-1s")
}

test_integers_as_atoi_reads_them if {
	plugins.integer("30") == 30
	plugins.integer("+30") == 30
	plugins.integer("-007") == -7
	plugins.integer("0") == 0
	not plugins.integer("30s")
	not plugins.integer("1e3")
}

test_addresses_as_split_host_port_reads_them if {
	plugins.address_error("8080") == "address 8080: missing port in address"
	plugins.address_error("::1:53") == "address ::1:53: too many colons in address"
	not plugins.address_error(":9153")
	not plugins.address_error("[::1]:9153")
	not plugins.address_error("localhost:9153")
}

test_ips_and_interface_names if {
	plugins.ip("10.0.0.1")
	plugins.ip("::1")
	not plugins.ip("10.0.0.256")
	not plugins.ip("010.0.0.1")
	not plugins.ip("fe80::1%eth0")
	plugins.not_interface("10.0.0.1:53")
	plugins.not_interface("10.0.0.0/8")
	plugins.not_interface("a-very-long-interface")
	not plugins.not_interface("eth0")
	not plugins.not_interface("enp0s31f6")
}

test_templated if {
	every t in ["{$POD_IP}", "{%IP%}", "${ip}", "{{ .IP }}", "__PILLAR__LOCAL__DNS__", "%{CLUSTER_DOMAIN}%", "$CLUSTERDOMAIN", "[clusterDomain]"] {
		plugins.templated(t)
	}
	not plugins.templated("cluster.local")
	not plugins.templated(`^(.*)\.example\.com\.$`)
}

test_zones if {
	plugins.fqdn("Cluster.Local") == "cluster.local."
	plugins.under("a.cluster.local.", "cluster.local.")
	plugins.under("cluster.local.", ".")
	not plugins.under("acluster.local.", "cluster.local.")
	plugins.overlap("local.", "cluster.local.")
	plugins.reverse("10.in-addr.arpa.")
	not plugins.reverse("cluster.local.")
}

test_sentences if {
	plugins.listing(["a"]) == "a"
	plugins.listing(["a", "b", "c"]) == "a, b and c"
	plugins.either(["a", "b"]) == "a or b"
	plugins.names(["cluster.local.", "."]) == "`cluster.local`, `.`"
	plugins.never_see(["forward"]) == "forward never sees"
	plugins.never_see(["kubernetes", "forward"]) == "kubernetes and forward never see"
}

# block is the server block of a Corefile `.:53 { <lines> }` (corefile_text_test.server).
block(lines) := corefile.server(lines).corefiles[0].server_blocks[0]

# plugin is the first directive of a server block holding lines.
plugin(lines) := block(lines).directives[0]

test_fallthrough_zones if {
	bare := plugin(["hosts {", "    fallthrough", "}"])
	plugins.fallthrough(bare) == ["."]
	plugins.falls_through(bare, "example.com.")
	last := plugin(["hosts {", "    fallthrough", "    fallthrough in-addr.arpa", "}"])
	plugins.fallthrough(last) == ["in-addr.arpa."]
	not plugins.falls_through(last, "example.com.")
	none := plugin(["hosts"])
	not plugins.fallthrough(none)
}

test_plugins_after_in_chain_order if {
	b := block(["forward . 10.0.0.1", "kubernetes cluster.local", "hosts", "log"])
	hosts := b.directives[2]
	hosts.name == "hosts"
	plugins.shadowed(b, hosts, ["."]) == ["kubernetes", "forward"]
	plugins.shadowed(b, hosts, ["example.org."]) == ["forward"]
}
