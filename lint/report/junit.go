package report

import (
	"encoding/xml"
	"io"
)

// junitSuite names the one test suite, and the passing test case of a clean run.
const junitSuite = "dnslint"

type junitTestSuites struct {
	XMLName  xml.Name         `xml:"testsuites"`
	Name     string           `xml:"name,attr"`
	Tests    int              `xml:"tests,attr"`
	Failures int              `xml:"failures,attr"`
	Errors   int              `xml:"errors,attr"`
	Suites   []junitTestSuite `xml:"testsuite"`
}

type junitTestSuite struct {
	Name      string          `xml:"name,attr"`
	Tests     int             `xml:"tests,attr"`
	Failures  int             `xml:"failures,attr"`
	Errors    int             `xml:"errors,attr"`
	TestCases []junitTestCase `xml:"testcase"`
}

type junitTestCase struct {
	ClassName string         `xml:"classname,attr"`
	Name      string         `xml:"name,attr"`
	Failures  []junitFailure `xml:"failure"`
	Errors    []junitFailure `xml:"error"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit writes one test case per file with findings, each finding a failure of it
// (typed with the rule id), so that CI test reports list the problems per file. A clean
// run is one passing test case, as some readers reject an empty suite. tests and failures
// count test cases. An input the run could not read is a test case in error (one per
// input), after the files.
func writeJUnit(w io.Writer, r *Report) error {
	suite := junitTestSuite{Name: junitSuite}
	for _, g := range byFile(r.Findings) {
		tc := junitTestCase{ClassName: g.File, Name: g.File}
		for _, f := range g.Findings {
			tc.Failures = append(tc.Failures, junitFailure{
				Message: f.Message,
				Type:    f.RuleID,
				Text:    withNotes(painter{}.headline(f), f.Related),
			})
		}
		suite.TestCases = append(suite.TestCases, tc)
	}
	suite.Failures = len(suite.TestCases)
	for _, e := range r.Errors {
		name := orElse(e.Path, junitSuite)
		suite.TestCases = append(suite.TestCases, junitTestCase{ClassName: name, Name: name, Errors: []junitFailure{{
			Message: e.Message, Type: inputErrorTitle, Text: e.String(),
		}}})
		suite.Errors++
	}
	if len(suite.TestCases) == 0 {
		suite.TestCases = []junitTestCase{{ClassName: junitSuite, Name: junitSuite}}
	}
	suite.Tests = len(suite.TestCases)
	return writeXMLDocument(w, junitTestSuites{
		Name: junitSuite, Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Suites: []junitTestSuite{suite},
	})
}
