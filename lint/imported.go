package lint

import (
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
)

// quoteTokensOnly cuts the text of each file that only an import brought in (no file of
// the run) down to the tokens its findings point at, in place: a report quotes at most
// the offending token of an imported file, never its lines. An import can name any file
// inside the roots, and its lines are not the user's to show.
func quoteTokensOnly(sources map[string][]byte, imported map[string]bool, findings []finding.Finding) {
	spans := map[string][]finding.Finding{}
	for _, f := range findings {
		if imported[f.Pos.File] && f.Pos.Line > 0 && f.Pos.EndLine == f.Pos.Line && f.Pos.Col > 0 {
			spans[f.Pos.File] = append(spans[f.Pos.File], f)
		}
	}
	for name := range imported {
		lines := strings.Split(string(sources[name]), "\n")
		kept := make([]string, len(lines))
		for i, line := range lines {
			kept[i] = keepColumns(line, i+1, spans[name])
		}
		sources[name] = []byte(strings.Join(kept, "\n"))
	}
}

// keepColumns blanks every character of a line but those of the findings on it (tabs
// stay, so that carets line up), and trims the trailing blanks.
func keepColumns(line string, n int, on []finding.Finding) string {
	runes := []rune(line)
	out := make([]rune, len(runes))
	for i, r := range runes {
		out[i] = ' '
		if r == '\t' {
			out[i] = '\t'
		}
	}
	for _, f := range on {
		if f.Pos.Line != n {
			continue
		}
		for c := f.Pos.Col - 1; c < min(f.Pos.EndCol, len(runes)); c++ {
			out[c] = runes[c]
		}
	}
	return strings.TrimRight(string(out), " \t")
}
