// Package resolvconf reads resolv.conf files the way glibc does, keeping every keyword, value and option with its position.
//
// The reading follows glibc's res_init (resolv/res_init.c, res_vinit_1):
//
//   - The file is read line by line; a line whose first character is '#' or ';' is a
//     comment. glibc has no trailing comments: "search a # b" searches a, # and b, and so
//     does the model. A line indented before its '#' or ';' is skipped as well (glibc
//     ignores it too, as a line without a keyword).
//   - A keyword counts only in column 1 and followed by a space or a tab; words are
//     separated by spaces and tabs only. Keywords are case-sensitive.
//   - nameserver: the first word is the address; the rest of the line is ignored.
//   - search: every word is a domain. domain: the first word is the only domain. The last
//     search or domain line sets the effective search list.
//   - options: every word of every options line is an option, `name` or `name:value`.
//   - sortlist: every word is an address/netmask pair; the lines are kept in Sortlist.
//
// Lines the resolver skips whole go to Unknown: unknown keywords, keywords that are
// indented, and keywords without an argument (for example a bare `nameserver`, which the
// kubelet reports as "nameserver list is empty" and glibc ignores). A rule can tell these
// apart by the keyword's text and column.
//
// Values are not judged: an invalid address or option is in the model as written, for the
// rules to report. The only parse error is content that is not text (invalid UTF-8 or NUL
// bytes). A UTF-8 byte order mark is skipped and a CR before the line end is dropped;
// columns count characters from the first one after the mark.
package resolvconf
