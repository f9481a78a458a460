# Facts about the forward plugin shared by several rules.
package dnslint.lib.forward

# options are the lines the forward plugin accepts inside its block (CoreDNS 1.14.7,
# plugin/forward/setup.go). `tls` is left out: it is also a plugin of its own.
options := {
	"except", "force_tcp", "prefer_udp", "expire", "max_idle_conns", "read_timeout",
	"max_fails", "max_connect_attempts", "doh_method", "tls_servername", "policy",
	"health_check", "max_concurrent", "next", "next_on_nodata",
	"failfast_all_unhealthy_upstreams", "failover", "source_address", "resolver", "max_age",
}
