# A value kind of rules/data/plugins_args.json ("types"), one file each: error(t, v) is the
# message the setup function stops CoreDNS with for the value v of kind t.kind, fix[kind]
# the advice. corefile/invalid-plugin-args reads them.
package dnslint.lib.kinds

import data.dnslint.lib.plugins

# cidr: net.ParseCIDR.
error(t, v) := plugins.text(t.message, v, {"{error}": sprintf("invalid CIDR address: %s", [v])}) if {
	t.kind == "cidr"
	not net.cidr_is_valid(v)
}

fix["cidr"] := "Write a CIDR such as `10.0.0.0/8`"
