package dnslint.lib.kinds

import data.dnslint.lib.plugins

# opcode: a name of miekg/dns StringToOpcode (msg.go OpcodeToString, the same in v1.1.49
# to v1.1.72), case-sensitive.
error(t, v) := plugins.text(t.message, v, {}) if {
	t.kind == "opcode"
	not v in {"QUERY", "IQUERY", "STATUS", "NOTIFY", "UPDATE"}
}

fix["opcode"] := "Write `QUERY`, `IQUERY`, `STATUS`, `NOTIFY` or `UPDATE`"
