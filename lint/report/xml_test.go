package report

import (
	"encoding/xml"
	"slices"
	"testing"
)

func decodeXML(t *testing.T, format string, r *Report, v any) {
	t.Helper()
	out := render(t, format, r)
	if err := xml.Unmarshal(out, v); err != nil {
		t.Fatalf("invalid %s XML: %v\n%s", format, err, out)
	}
}

func TestJUnitRoundTrip(t *testing.T) {
	var got junitTestSuites
	decodeXML(t, "junit", fixture(), &got)
	if len(got.Suites) != 1 {
		t.Fatalf("%d suites, want 1", len(got.Suites))
	}
	s := got.Suites[0]
	if s.Name != "dnslint" || s.Tests != 2 || s.Failures != 2 || got.Tests != 2 || got.Failures != 2 {
		t.Errorf("counts: suites %+v, suite %s tests=%d failures=%d", got, s.Name, s.Tests, s.Failures)
	}
	var files []string
	var failures []junitFailure
	for _, tc := range s.TestCases {
		files = append(files, tc.Name)
		if tc.ClassName != tc.Name {
			t.Errorf("classname %q, name %q", tc.ClassName, tc.Name)
		}
		failures = append(failures, tc.Failures...)
	}
	if want := []string{corefile, podFile}; !slices.Equal(files, want) {
		t.Errorf("test cases %q, want %q", files, want)
	}
	for i, f := range fixture().Findings {
		want := junitFailure{Message: f.Message, Type: f.RuleID, Text: withNotes(painter{}.headline(f), f.Related)}
		if i >= len(failures) || failures[i] != want {
			t.Errorf("failure %d: got %+v, want %+v", i, failures[i], want)
		}
	}
}

func TestJUnitClean(t *testing.T) {
	var got junitTestSuites
	decodeXML(t, "junit", clean(), &got)
	s := got.Suites[0]
	if s.Tests != 1 || s.Failures != 0 || len(s.TestCases) != 1 || len(s.TestCases[0].Failures) != 0 {
		t.Errorf("clean run: %+v", s)
	}
}

func TestCheckstyleRoundTrip(t *testing.T) {
	var got checkstyleReport
	decodeXML(t, "checkstyle", fixture(), &got)
	if got.Version != "4.3" || len(got.Files) != 2 || got.Files[0].Name != corefile || got.Files[1].Name != podFile {
		t.Fatalf("got %+v", got)
	}
	var errs []checkstyleError
	for _, f := range got.Files {
		errs = append(errs, f.Errors...)
	}
	for i, f := range fixture().Findings {
		want := checkstyleError{Line: f.Pos.Line, Column: f.Pos.Col, Severity: f.Severity.String(),
			Message: withNotes(f.Message, f.Related), Source: "dnslint." + f.RuleID}
		if errs[i] != want {
			t.Errorf("error %d: got %+v, want %+v", i, errs[i], want)
		}
	}
	var empty checkstyleReport
	decodeXML(t, "checkstyle", clean(), &empty)
	if len(empty.Files) != 0 {
		t.Errorf("clean run has files: %+v", empty.Files)
	}
}

// XML 1.0 cannot hold most control characters, even escaped: they must not break the
// document.
func TestXMLControlCharacters(t *testing.T) {
	r := fixture()
	r.Findings[0].Message = "nul\x00 esc\x1b[0m bell\a invalid\xff"
	var j junitTestSuites
	decodeXML(t, "junit", r, &j)
	var c checkstyleReport
	decodeXML(t, "checkstyle", r, &c)
}
