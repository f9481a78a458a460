package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
)

// writeGitHub prints one GitHub Actions workflow command per finding, which the runner
// turns into an annotation on the file:
//
//	::error file=F,line=L,col=C,endLine=E,endColumn=EC,title=RULE::MESSAGE
func writeGitHub(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "::%s %s::%s\n", levelOf(f.Severity).github,
			annotationProperties(f), escapeData(withNotes(printable(f.Message, true), f.Related)))
	}
	for _, e := range r.Errors {
		props := "title=" + escapeProperty(inputErrorTitle)
		if e.Path != "" {
			props = "file=" + escapeProperty(e.Path) + "," + props
		}
		fmt.Fprintf(bw, "::error %s::%s\n", props, escapeData(printable(e.String(), true)))
	}
	return bw.Flush()
}

// annotationProperties lists the location and title of an annotation. GitHub takes
// columns only on a single-line range.
func annotationProperties(f finding.Finding) string {
	p := f.Pos
	props := []string{"file=" + escapeProperty(p.File)}
	if p.Line > 0 {
		endLine := max(p.EndLine, p.Line)
		if endLine == p.Line && p.Col > 0 {
			props = append(props, fmt.Sprintf("line=%d,col=%d,endLine=%d,endColumn=%d",
				p.Line, p.Col, endLine, max(p.EndCol, p.Col)))
		} else {
			props = append(props, fmt.Sprintf("line=%d,endLine=%d", p.Line, endLine))
		}
	}
	props = append(props, "title="+escapeProperty(f.RuleID))
	return strings.Join(props, ",")
}

// The runner's escaping (actions/toolkit, command.ts): data may not hold % or line breaks;
// a property value may not hold : or , either.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
