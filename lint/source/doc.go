// Package source owns getting bytes in: walking paths and stdin, reading files within
// limits, classifying each file by name and content (Corefile, YAML, resolv.conf), and
// Text, the unit of configuration text that remembers where each of its lines stands in
// the file the user edits.
package source
