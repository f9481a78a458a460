// Package corefile parses Corefiles into the model with exact positions.
//
// Tokens come from github.com/coredns/caddy's caddyfile lexer, the one CoreDNS uses; a
// scanner that mirrors it adds the columns the lexer does not keep. The structure (server
// blocks, snippets, imports, directive lines and their blocks) follows caddyfile's parser
// step by step — same decisions, same error messages — but keeps what CoreDNS throws away:
// the order of directives, every token's position, and where each imported line came from.
// Imports are resolved through an Importer, so that the keys of a ConfigMap can stand in
// for files on disk.
package corefile
