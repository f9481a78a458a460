package dnslint.lib.corefile_text_test

# The Corefile the Rego tests of the Corefile rules state as text: the real model of
# dnslint.test.input, undefined when the text does not parse (so that a case cannot pass
# for want of a model).

# server is a Corefile of one server block, `.:53 { … }`, holding lines from line 2 on,
# each indented by four spaces: a directive's name is at column 5, the name of a line of its
# block (indented four more spaces in lines) at column 9.
server(lines) := corefile(array.flatten([".:53 {", [sprintf("    %s", [l]) | some l in lines], "}"]))

# corefile is a Corefile of the given lines, line 1 first.
corefile(lines) := model if {
	model := dnslint.test.input({"Corefile": concat("\n", array.concat(lines, [""]))})
	model.parse_errors == []
}

test_server_puts_lines_from_line_2 if {
	d := server(["errors {", "    stacktrace", "}", "whoami"]).corefiles[0].server_blocks[0].directives
	[d[0].name, d[0].pos.line, d[0].pos.col] == ["errors", 2, 5]
	[d[0].block[0].name, d[0].block[0].pos.line, d[0].block[0].pos.col] == ["stacktrace", 3, 9]
	[d[1].name, d[1].pos.line, d[1].pos.col] == ["whoami", 5, 5]
}

test_text_that_does_not_parse_has_no_model if {
	not server(["forward . 1.1.1.1 }"])
}
