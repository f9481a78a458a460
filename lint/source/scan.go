package source

// Scan walks dir as Collect walks a directory — hidden paths, excluded paths and links out
// of dir skipped, every file through the guarded reader — and hands each file it reads to
// visit without keeping it, until visit returns false. Files that cannot be read are
// passed over: Scan looks for context (the partner of a ConfigMap), not for inputs.
func (w *Walker) Scan(dir string, visit func(*File) bool) {
	stopped := false
	scan := *w
	scan.Exclude = func(p string) bool { return stopped || w.Exclude != nil && w.Exclude(p) }
	scan.collectDir(dir, func(f *File, err error, _ string) {
		if err == nil && f != nil && !stopped {
			stopped = !visit(f)
		}
	})
}
