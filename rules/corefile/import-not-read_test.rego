package dnslint.rules.corefile["import-not-read_test"]

import data.dnslint.rules.corefile["import-not-read"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile importing each of patterns (lines 2 on). dnslint.test.input reads no
# disk: a file import is outside what the run reads.
cf(patterns) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	[sprintf("    import %s", [p]) | some p in patterns],
	"    whoami",
	"}",
	"",
]))})

test_outside_is_info if {
	r := rule.report with input as cf(["/etc/coredns/custom/*.server"])
	count(r) == 1
	some f in r
	f.location == at(2, 12, 39)
	not f.severity
	contains(f.message, "dnslint did not read /etc/coredns/custom/*.server: it lies outside")
}

# Hand-built, as the next test: a hidden path inside the run's roots needs a directory
# on disk, which the test builtin does not read (without one, every file is outside).
test_hidden_is_info if {
	u := {"path": "../.git/config", "reason": "hidden", "message": "hidden", "pos": at(2, 12, 25)}
	r := rule.report with input as unread(u)
	count(r) == 1
	some f in r
	not f.severity
	contains(f.message, "dnslint did not read ../.git/config: its path goes through a hidden file or directory")
}

unread(u) := {"corefiles": [{"server_blocks": [], "imports": [{"pattern": u.path, "kind": "file", "matched": [], "resolved": false, "unread": [u], "pos": at(u.pos.line, 5, 10)}]}]}

# Hand-built: a file over the size limit needs a file on disk.
test_too_large_is_a_warning if {
	u := {"path": "big.conf", "reason": "too-large", "message": "file too large: 6000000 bytes, the limit is 5242880", "pos": at(3, 12, 19)}
	r := rule.report with input as unread(u)
	count(r) == 1
	some f in r
	f.severity == "warning"
	contains(f.message, "big.conf (file too large: 6000000 bytes, the limit is 5242880)")
	contains(f.message, "--max-file-size")
}

test_every_unread_file_once if {
	# The same import brought in twice by a snippet is reported once.
	count(rule.report) == 2 with input as dnslint.test.input({"Corefile": `
		(common) {
		    import /etc/a.conf
		}
		.:53 {
		    import common
		    import common
		    import /etc/b.conf
		}
	`})
}

test_silent_when_everything_was_read if {
	count(rule.report) == 0 with input as dnslint.test.input({"Corefile": `
		(common) {
		    whoami
		}
		.:53 {
		    import common
		}
	`})
}
