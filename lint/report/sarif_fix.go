package report

import "github.com/dnslint/dnslint/lint/finding"

// SARIF fixes (§3.55): a finding's resolved fix as one artifactChange per file, each
// replacement a deleted region (lines and columns; end column exclusive, as
// finding.Replacement's) and the inserted text. A declined fix, or one not resolved to
// the file, is not written.

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

func sarifFixes(f finding.Finding) []sarifFix {
	fx := f.Fix
	if fx == nil || fx.Declined != "" || len(fx.Replacements) == 0 {
		return nil
	}
	out := sarifFix{Description: sarifText{Text: fx.Description + " (" + fx.Safety + " fix)"}}
	for _, r := range fx.Replacements {
		n := len(out.ArtifactChanges)
		if n == 0 || out.ArtifactChanges[n-1].ArtifactLocation != artifactLocation(r.File) {
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifactLocation(r.File)})
			n++
		}
		rep := sarifReplacement{DeletedRegion: sarifRegion{StartLine: r.StartLine, StartColumn: r.StartCol, EndLine: r.EndLine, EndColumn: r.EndCol}}
		if r.Text != "" {
			rep.InsertedContent = &sarifText{Text: r.Text}
		}
		out.ArtifactChanges[n-1].Replacements = append(out.ArtifactChanges[n-1].Replacements, rep)
	}
	return []sarifFix{out}
}
