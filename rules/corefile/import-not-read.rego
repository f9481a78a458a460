# METADATA
# title: Import that dnslint did not read
# description: |-
#   dnslint reads the files a Corefile imports only inside the run's roots — the paths
#   linted (a directory walked, the directory of a file named on the command line or of
#   `--stdin-filename`), widened to the git work tree that holds them — and never through
#   a hidden file or directory: a Corefile under review could otherwise make a CI job read
#   `/etc/*`, `.git/config` or `.env` and show parts of it in findings. An import that
#   resolves elsewhere — an absolute path such as `/etc/coredns/custom/*.server` (a path
#   inside the CoreDNS pod), a relative one that climbs out with `..`, a symbolic link that
#   leads out, any import of a Corefile read from standard input without
#   `--stdin-filename` — is not read, nor is one through a hidden path component, nor an
#   imported file over the size limit (`--max-file-size`, 5 MiB by default). CoreDNS
#   itself reads them, so the lines they hold are not checked: lint the directory that
#   holds them too, or the coredns-custom ConfigMap with the coredns one. An import over
#   the size limit is a warning, since the run's own limit was hit.
# custom:
#   each: corefiles
#   severity: info
#   source: dnslint's read policy (lint/parse/corefile DiskFS, lint/source Roots); caddyfile/parse.go doImport globs any path, relative to the importing file
#   bad: |-
#     .:53 {
#         import ../../shared/*.conf
#         forward . 10.0.0.53
#     }
#   good: |-
#     .:53 {
#         import conf.d/*.conf
#         forward . 10.0.0.53
#     }
package dnslint.rules.corefile["import-not-read"]

import data.dnslint.lib.report

unread contains u if {
	some cf in input.corefiles
	some i in cf.imports
	some u in i.unread
}

report contains report.finding(u.pos, msg) if {
	some u in unread
	u.reason == "outside"
	msg := sprintf("dnslint did not read %s: it lies outside the directories being linted (and the git work tree that holds them; standard input has none without --stdin-filename), and dnslint reads no other file. The lines it imports are not checked: lint a directory that holds it as well", [u.path])
}

report contains report.finding(u.pos, msg) if {
	some u in unread
	u.reason == "hidden"
	msg := sprintf("dnslint did not read %s: its path goes through a hidden file or directory (such as .git or .env, where CI keeps tokens), and dnslint reads none. The lines it imports are not checked", [u.path])
}

report contains report.graded(u.pos, msg, "warning") if {
	some u in unread
	u.reason == "too-large"
	msg := sprintf("dnslint did not read %s (%s), so the lines it imports are not checked: raise --max-file-size to lint it", [u.path, u.message])
}
