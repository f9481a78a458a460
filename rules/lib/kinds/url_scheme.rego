package dnslint.lib.kinds

# url_scheme: the value is a URL of scheme t.scheme (`tls://…`), the form a plugin warns
# about in its context (dnstap's TLS listener without certificate). warning(t, v) is what
# the message needs (nothing), undefined for other values.
warning(t, v) := {} if {
	t.kind == "url_scheme"
	startswith(v, concat("", [t.scheme, "://"]))
}
