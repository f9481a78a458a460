package dnslint.rules.shed["non-dns-transport_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.shed["non-dns-transport"] as rule

# shed is a server block with the given keys holding the line `shed`.
shed(keys) := corefile.corefile([sprintf("%s {", [keys]), "    shed", "}"])

test_tls_block_refused if {
	some f in rule.report with input as shed("tls://.:853")
	contains(f.message, "`only plain DNS server blocks are supported; \"tls://.:853\" uses transport \"tls\"`")
}

test_any_key_counts if {
	count(rule.report) == 1 with input as shed(".:53 grpc://.:443")
}

test_plain_dns_block if {
	count(rule.report) == 0 with input as shed(".:53 example.org")
}
