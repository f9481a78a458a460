package dnslint.lib.forward_test

import data.dnslint.lib.forward

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# server is a Corefile whose `.:53` block holds lines, from line 2 on.
server(lines) := parsed(concat("\n", array.flatten([".:53 {", [sprintf("    %s", [l]) | some l in lines], "}", ""])))

# directive is the model of a directive written alone in a server block.
directive(text) := server([text]).corefiles[0].server_blocks[0].directives[0]

test_from_normalizes_the_zone if {
	forward.from(directive("forward Example.COM 10.0.0.1")) == "example.com."
	forward.from(directive("forward . 10.0.0.1")) == "."
	forward.from(directive("forward 10.0.0.0/8 10.0.0.1")) == "10.in-addr.arpa."
	forward.from(directive("forward dns://example.org:53 10.0.0.1")) == "example.org."
	every text in ["forward {$ZONE} 10.0.0.1", "forward example.org", "forward 10.0.0.0/12 10.0.0.1"] {
		d := directive(text)
		not forward.from(d)
	}
}

test_covers if {
	forward.covers(".", "example.com.")
	forward.covers("example.com.", "example.com.")
	forward.covers("example.com.", "a.example.com.")
	not forward.covers("example.com.", "badexample.com.")
	not forward.covers("a.example.com.", "example.com.")
}

test_options_follow_the_version if {
	forward.option("force_tcp")
	forward.option("source_address")
	not forward.option("source_address") with data.dnslint.config as {"coredns_version": "1.14.5"}
	forward.option("next") with data.dnslint.config as {"coredns_version": "1.11.4"}
	not forward.option("next") with data.dnslint.config as {"coredns_version": "1.11.3"}
	not forward.option("prefer-udp")
}

test_first_forward_of_a_block if {
	firsts := {s.index | some s in forward.stanzas; forward.first(s)} with input as server(["errors", "forward . 1.1.1.1", "forward x 2.2.2.2"])
	firsts == {1}
}

test_head if {
	forward.head(directive("forward . 1.1.1.1")) == ". 1.1.1.1"
	forward.head(directive("forward . 1.1.1.1 2.2.2.2")) == ". 1.1.1.1 …"
}

test_options_outside_the_block if {
	forward.options == {
		"except", "force_tcp", "prefer_udp", "expire", "max_idle_conns", "read_timeout",
		"max_fails", "max_connect_attempts", "doh_method", "tls_servername", "policy",
		"health_check", "max_concurrent", "next", "next_on_nodata",
		"failfast_all_unhealthy_upstreams", "failover", "source_address", "resolver", "max_age",
	}
}
