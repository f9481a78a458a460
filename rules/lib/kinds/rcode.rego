# rcode: a name of miekg/dns StringToRcode, compared in upper case (message: {token} the
# value); refused {values, message}: rcodes the setup function does not allow there.
package dnslint.lib.kinds

import data.dnslint.lib.plugins

error(t, v) := plugins.text(t.message, v, {}) if {
	t.kind == "rcode"
	not upper(v) in rcodes
}

error(t, v) := plugins.text(t.refused.message, v, {}) if {
	t.kind == "rcode"
	upper(v) in {upper(r) | some r in t.refused.values}
}

fix["rcode"] := "Use an rcode name such as `SERVFAIL`, `REFUSED` or `NXDOMAIN`"

# rcodes are the keys of miekg/dns StringToRcode (RcodeToString reversed, plus NOTIMPL).
rcodes := {
	"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "NOTIMPL", "REFUSED", "YXDOMAIN",
	"YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE", "DSOTYPENI", "BADSIG", "BADKEY", "BADTIME",
	"BADMODE", "BADNAME", "BADALG", "BADTRUNC", "BADCOOKIE",
}
