// Package source owns getting bytes in: walking paths and stdin, classifying each file by
// name and content (Corefile, YAML, resolv.conf; binary content is refused), and Text, the
// unit of configuration text that remembers where each of its lines stands in the file
// the user edits.
//
// Every file dnslint reads goes through this package's guarded reader (read.go): a
// regular file only, checked before it is opened and opened without blocking, never over
// a size limit. It also defines the run's roots (roots.go), shared by everything that
// reads a file a linted file names: the linted paths widened to the git work tree that
// holds them (or the directory of the .dnslint.yaml in use), never beyond; standard input
// has the root of --stdin-filename, else none. Inside the roots nothing is read through a
// hidden path component, and os.Root keeps links from leading out. DirFS serves a whole
// directory (--policy DIR) under the same guard.
package source
