package dnslint.rules.corefile["invalid-plugin-args_remaining_test"]

# The checks that closed the last Corefile-decided misses of CoreDNS's own setup tests
# (make fidelity-setup), and the start-up warnings of the data's `warns`.

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.corefile["invalid-plugin-args"] as rule

# found: the findings of the Corefile of one server block holding lines (corefile.server).
found(lines) := {f | some f in rule.report with input as model} if model := corefile.server(lines)

messages(lines) := {f.message | some f in fs} if fs := found(lines)

# refused and warned take the start of the quoted message.
refused(lines, text) if {
	some f in found(lines)
	not f.severity
	contains(f.message, sprintf("refuses this with `%s", [text]))
}

warned(lines, text) if {
	some f in found(lines)
	f.severity == "warning"
	contains(f.message, sprintf("logs at start-up `[WARNING] %s", [text]))
}

clean(lines) if count(messages(lines)) == 0

at(v) := {"coredns_version": v}

test_repeated_zones_refused if {
	refused(["route53 example.org:12345678 example.org:12345678"], `conflict zone "example.org:12345678"`)
	refused(["clouddns example.org.:p:z example.org.:p:z"], `conflict zone "example.org.:p:z"`)
	refused(["azure resource_set:zone resource_set:zone"], `conflicting zone: "resource_set:zone"`)

	# azure joins resource group and zone: a:bc and ab:c are one key
	refused(["azure a:bc ab:c"], `conflicting zone: "ab:c"`)
	clean(["route53 example.org:1 example.org:2"])
	clean(["azure rg1:zone rg2:zone"])
	refused(["bind 127.0.0.1 127.0.0.1"], "cannot serve … on 127.0.0.1 - it is already defined")
	clean(["bind 127.0.0.1 127.0.0.1 {", "    except 127.0.0.1", "}"])
	clean(["bind 127.0.0.1 ::1"])
}

test_counts_with_their_own_messages if {
	refused(["etcd {", "    credentials username", "}"], "credentials requires 2 arguments, username and password")
	refused(["etcd {", "    credentials a b c", "}"], "credentials requires 2 arguments, username and password")
	refused(["etcd {", "    credentials", "}"], "Wrong argument count or unexpected line ending after 'credentials'")
	clean(["etcd {", "    credentials user pass", "}"])
	refused(["route53 example.org:1 {", "    credentials default credentials extra-arg", "}"], `unknown property "extra-arg"`)
	clean(["route53 example.org:1 {", "    credentials default credentials", "}"])
	refused(["geoip a.mmdb", "geoip b.mmdb"], "configuring multiple databases is not supported")
	clean(["geoip a.mmdb"])
	refused(["bufsize 5000"], "Wrong argument count or unexpected line ending after '5000'") with data.dnslint.config as at("1.9.3")
}

test_values_refused if {
	refused(["trace footype localhost:4321"], "plugin/trace: tracing endpoint type 'footype' is not supported")
	clean(["trace DataDog localhost:8126"])
	clean(["trace footype"]) # one argument is the endpoint
	refused(["transfer example.com {", "    to example.com 1.2.3.4", "}"], "must specify an IP address: `example.com'")
	refused(["transfer example.com {", "    to host.example:53", "}"], "must specify an IP address: `host.example'")
	clean(["transfer example.com {", "    to * 1.2.3.4 10.0.0.1:5300 [::1]:53 fe80::1%eth0", "}"])
	refused(["transfer example.net {", "    to 1.2.3.4", "    source example.org", "}"], `invalid source address "example.org"`)
	refused(["secondary catalog.example {", "    transfer from 127.0.0.1", "    catalog :", "}"], `invalid catalog member zone ":"`)
	clean(["secondary catalog.example {", "    transfer from 127.0.0.1", "    catalog example.org", "}"])
	refused(["sign \ufffd example.org"], "dbfile \"\ufffd\" contains invalid characters")
	clean(["sign \ufffd example.org"]) with data.dnslint.config as at("1.12.2")
	refused(["autopath \"\""], `failed to parse "": open : no such file or directory`)
	clean(["autopath @kubernetes"])
	refused(["health bla:a"], `parse "http://bla:a": invalid port ":a" after host`)
	clean(["health bla:a"]) with data.dnslint.config as at("1.9.3")
	clean(["health :8080"])
}

test_auto_regexp_length_from_1_14_0 if {
	long := concat("", ["(", concat("", [x | some _ in numbers.range(1, 10000); x := "a"]), ")"])
	auto := ["auto {", sprintf("    directory /tmp %s {1}", [long]), "}"]
	refused(auto, "regexp too large")
	clean(auto) with data.dnslint.config as at("1.13.1")
	clean(["auto {", `    directory /tmp db\.(.*) {1}`, "}"])
}

test_view_expr_compiled if {
	refused(["view example {", "    expr invalid expression", "}"], `unexpected token Identifier("expression") (1:9)`)
	clean(["view example {", "    expr incidr(client_ip(), '10.0.0.0/8')", "}"])
	deep := concat("", [concat("", [x | some _ in numbers.range(1, 1001); x := "("]), "1", concat("", [x | some _ in numbers.range(1, 1001); x := ")"])])
	some f in found(["view example {", sprintf("    expr %s", [deep]), "}"])
	not f.severity
	contains(f.message, "dnslint did not check this `expr` line of view: the expression nests deeper than 1000 levels (its limit)")
	refused(["view"], "Wrong argument count or unexpected line ending after 'view'") with data.dnslint.config as at("1.11.3")
	clean(["view"]) with data.dnslint.config as at("1.9.3") # no view yet: unknown-directive's
}

test_startup_warnings_quoted if {
	warned(["route53 example.org:1 {", "    aws_access_key AKID SECRET", "}"], "plugin/route53: Save aws_access_key in Corefile has been deprecated, please use other authentication methods instead")
	warned(["forward 10.0.0.0/15 192.0.2.53"], "plugin/forward: Unsupported CIDR notation: '10.0.0.0/15' expands to multiple zones. Using only '0.10.in-addr.arpa.'.")
	warned(["forward 172.16.0.0/12 192.0.2.53"], "plugin/forward: Unsupported CIDR notation: '172.16.0.0/12' expands to multiple zones. Using only '16.172.in-addr.arpa.'.")
	warned(["forward 10.1.2.3/23 192.0.2.53"], "plugin/forward: Unsupported CIDR notation: '10.1.2.3/23' expands to multiple zones. Using only '2.1.10.in-addr.arpa.'.")
	warned(["forward 10.0.0.0/15 192.0.2.53"], "plugin/forward: Unsupported CIDR notation") with data.dnslint.config as at("1.9.3")
	clean(["forward 10.0.0.0/16 192.0.2.53"])
	clean(["forward 10.0.0.0/8 192.0.2.53"])
	clean(["forward . 192.0.2.53"])
	warned(["dnstap listen tls://127.0.0.1:6000"], "plugin/dnstap: TLS listener requires cert and key files")
	clean(["dnstap listen tls://127.0.0.1:6000 {", "    tls /etc/cert.pem /etc/key.pem", "}"])
	clean(["dnstap listen tcp://127.0.0.1:6000"])
	clean(["dnstap tls://127.0.0.1:6000"]) # a client, not a listener

	# a key pair CoreDNS refuses is an error, not also a warning
	count(found(["route53 example.org:1 {", "    aws_access_key AKID", "}"])) == 1
	refused(["route53 example.org:1 {", "    aws_access_key AKID", "}"], "invalid access key: '[AKID]'")
}
