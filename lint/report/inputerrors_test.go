package report

import (
	"encoding/json"
	"strings"
	"testing"
)

// withInputErrors is the fixture of a run that could not read two inputs: a path, and
// a cluster listing (no path).
func withInputErrors() *Report {
	r := fixture()
	r.Errors = []InputError{
		{Path: "clusters/missing.yaml", Message: "no such file or directory"},
		{Message: "cannot list pods: forbidden"},
	}
	return r
}

// TestInputErrorsInEveryFormat: an input the run could not read is in every format that
// has a place for one, so that a report read without the exit status or the standard
// error does not pass for a clean run.
func TestInputErrorsInEveryFormat(t *testing.T) {
	r := withInputErrors()

	var j struct {
		Errors []struct{ Path, Message string } `json:"errors"`
	}
	if err := json.Unmarshal(render(t, "json", r), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Errors) != 2 || j.Errors[0].Path != "clusters/missing.yaml" || j.Errors[0].Message != "no such file or directory" ||
		j.Errors[1].Path != "" || j.Errors[1].Message != "cannot list pods: forbidden" {
		t.Errorf("json errors %+v", j.Errors)
	}

	var s struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Level     string                `json:"level"`
					Message   struct{ Text string } `json:"message"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI, URIBaseID string }
						}
					} `json:"locations"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", r), &s); err != nil {
		t.Fatal(err)
	}
	inv := s.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 2 {
		t.Fatalf("sarif invocations %+v", inv)
	}
	n := inv[0].ToolExecutionNotifications
	if n[0].Level != "error" || n[0].Message.Text != "clusters/missing.yaml: no such file or directory" ||
		len(n[0].Locations) != 1 || n[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "clusters/missing.yaml" ||
		n[1].Message.Text != "cannot list pods: forbidden" || len(n[1].Locations) != 0 {
		t.Errorf("sarif notifications %+v", n)
	}

	gh := string(render(t, "github", r))
	for _, want := range []string{
		"\n::error file=clusters/missing.yaml,title=input error::clusters/missing.yaml: no such file or directory\n",
		"\n::error title=input error::cannot list pods: forbidden\n",
	} {
		if !strings.Contains(gh, want) {
			t.Errorf("github output lacks %q:\n%s", want, gh)
		}
	}

	var ju junitTestSuites
	decodeXML(t, "junit", r, &ju)
	suite := ju.Suites[0]
	last := suite.TestCases[len(suite.TestCases)-2:]
	if ju.Errors != 2 || suite.Errors != 2 || last[0].Name != "clusters/missing.yaml" || len(last[0].Errors) != 1 ||
		last[0].Errors[0].Type != "input error" || last[1].Name != "dnslint" || last[1].Errors[0].Message != "cannot list pods: forbidden" {
		t.Errorf("junit %+v", ju)
	}

	var cs checkstyleReport
	decodeXML(t, "checkstyle", r, &cs)
	f := cs.Files[len(cs.Files)-2]
	if f.Name != "clusters/missing.yaml" || len(f.Errors) != 1 || f.Errors[0].Severity != "error" ||
		f.Errors[0].Message != "no such file or directory" || f.Errors[0].Source != "dnslint.input error" {
		t.Errorf("checkstyle %+v", cs.Files)
	}

	md := string(render(t, "markdown", r))
	if !strings.Contains(md, "**2 inputs could not be read: the run is incomplete.**\n\n| input | error |\n|---|---|\n| `clusters/missing.yaml` | no such file or directory |\n|  | cannot list pods: forbidden |\n") {
		t.Errorf("markdown:\n%s", md)
	}
}

// TestSARIFSuccessfulRun: without input errors the invocation says the run succeeded.
func TestSARIFSuccessfulRun(t *testing.T) {
	out := string(render(t, "sarif", fixture()))
	if !strings.Contains(out, "\"invocations\": [\n        {\n          \"executionSuccessful\": true\n        }\n      ],") {
		t.Errorf("no successful invocation:\n%s", out)
	}
}
