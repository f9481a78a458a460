package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// sarifSrcRoot is the base of relative artifact URIs: the repository checkout.
	sarifSrcRoot = "%SRCROOT%"
	// sarifFingerprint keys the first partial fingerprint (rule, file, line text), kept so
	// that code scanning's alerts keep their identity; finding.FingerprintVersion keys the
	// second, the one baselines use.
	sarifFingerprint = "dnslint/v1"
	informationURI   = "https://github.com/dnslint/dnslint"
)

// writeSARIF writes a SARIF 2.1.0 log with one run, in the subset GitHub code scanning
// reads. Every rule of the catalog is described, so that rules without results are known
// to have been checked.
func writeSARIF(w io.Writer, r *Report) error {
	rules, index := sarifRules(r)
	fp := fingerprinter{}
	v2 := finding.Fingerprints(r.Findings, func(f finding.Finding) string { return f.Pos.File }, r.sourceLine)
	results := make([]sarifResult, 0, len(r.Findings))
	for i, f := range r.Findings {
		res := sarifResult{
			RuleID:    f.RuleID,
			RuleIndex: index[f.RuleID],
			Level:     levelOf(f.Severity).sarif,
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: physicalLocation(f.Pos)}},
			PartialFingerprints: map[string]string{
				sarifFingerprint:           fp.next(f.RuleID, f.Pos.File, r.sourceLine(f.Pos.File, f.Pos.Line)),
				finding.FingerprintVersion: v2[i],
			},
			Fixes: sarifFixes(f),
		}
		for i, rel := range f.Related {
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               i + 1,
				PhysicalLocation: physicalLocation(rel.Pos),
				Message:          &sarifText{Text: rel.Message},
			})
		}
		results = append(results, res)
	}
	semver := semanticVersion(r.Version)
	driver := sarifDriver{
		Name:           r.toolName(),
		InformationURI: informationURI,
		// Validators want a version that starts with a digit: "1.2.3", not "v1.2.3".
		Version:         orElse(semver, r.Version),
		SemanticVersion: semver,
		Rules:           rules,
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: driver},
			Invocations: []sarifInvocation{sarifInvocationOf(r)},
			ColumnKind:  "unicodeCodePoints", // model.Pos counts characters
			Results:     results,
		}},
	}
	return writeJSONDocument(w, log)
}

// sarifInvocationOf reports the inputs the run could not read as error notifications,
// each at its path: the run was then not successful, which code scanning shows instead
// of a clean run.
func sarifInvocationOf(r *Report) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, e := range r.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{Text: e.String()}}
		if e.Path != "" {
			n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: artifactLocation(e.Path)}}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}

// sarifRules describes the catalog, plus a bare entry for any finding's rule missing from
// it, and returns the index of each rule id in that list.
func sarifRules(r *Report) ([]sarifRule, map[string]int) {
	catalog := append([]finding.Rule(nil), r.Rules...)
	index := make(map[string]int, len(catalog))
	for i, rule := range catalog {
		index[rule.ID] = i
	}
	for _, f := range r.Findings {
		if _, ok := index[f.RuleID]; !ok {
			index[f.RuleID] = len(catalog)
			catalog = append(catalog, finding.Rule{ID: f.RuleID, Severity: f.Severity})
		}
	}
	rules := make([]sarifRule, len(catalog))
	for i, rule := range catalog {
		rules[i] = sarifRuleOf(rule)
	}
	return rules, index
}

func sarifRuleOf(rule finding.Rule) sarifRule {
	title := orElse(rule.Title, rule.ID)
	desc := orElse(rule.Description, title)
	text, markdown := desc, desc
	if rule.DocsURL != "" {
		text += "\n\nDocumentation: " + rule.DocsURL
		markdown += fmt.Sprintf("\n\n[Documentation for %s](%s)", rule.ID, rule.DocsURL)
	}
	var tags []string
	if rule.Category != "" {
		tags = []string{rule.Category}
	}
	lvl := levelOf(rule.Severity)
	return sarifRule{
		ID:                   rule.ID,
		Name:                 camelCase(rule.ID),
		ShortDescription:     sarifText{Text: title},
		FullDescription:      sarifText{Text: desc},
		Help:                 sarifHelp{Text: text, Markdown: markdown},
		HelpURI:              rule.DocsURL,
		DefaultConfiguration: sarifConfiguration{Level: lvl.sarif},
		Properties:           sarifRuleProperties{Tags: tags, ProblemSeverity: lvl.problem},
	}
}

// orElse returns s, or fallback when s is empty.
func orElse(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// camelCase turns a rule id such as "forward-loop" into a SARIF rule name ("ForwardLoop").
func camelCase(id string) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(id, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(word[:1]) + word[1:])
	}
	return b.String()
}

// semverRE is the SemVer 2.0.0 grammar (semver.org), which semanticVersion must follow.
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// semanticVersion is version without a leading "v" when that is a SemVer, else "".
func semanticVersion(version string) string {
	if v := strings.TrimPrefix(version, "v"); semverRE.MatchString(v) {
		return v
	}
	return ""
}

func physicalLocation(p model.Pos) sarifPhysicalLocation {
	return sarifPhysicalLocation{ArtifactLocation: artifactLocation(p.File), Region: region(p)}
}

// artifactLocation makes a relative path a URI reference under %SRCROOT% and an absolute
// one a file URI, with forward slashes and percent-encoding.
func artifactLocation(file string) sarifArtifactLocation {
	p := filepath.ToSlash(file)
	if filepath.IsAbs(file) {
		if !strings.HasPrefix(p, "/") { // C:/dir on Windows
			p = "/" + p
		}
		return sarifArtifactLocation{URI: "file://" + escapePath(p, false)}
	}
	return sarifArtifactLocation{URI: escapePath(path.Clean(p), true), URIBaseID: sarifSrcRoot}
}

// escapePath percent-encodes every byte of p that may not stand in a URI path (RFC 3986
// pchar or "/"). A relative reference also has its colons encoded, lest "a:b" read as a
// scheme.
func escapePath(p string, relative bool) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if isPathChar(c) && !(relative && c == ':') {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func isPathChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}

// region converts a position: SARIF columns are 1-based like ours but endColumn is
// exclusive. A whole-file position has no region.
func region(p model.Pos) *sarifRegion {
	if p.Line <= 0 {
		return nil
	}
	rg := &sarifRegion{StartLine: p.Line, StartColumn: max(p.Col, 0)}
	switch {
	case p.EndLine > p.Line:
		rg.EndLine = p.EndLine
		if p.EndCol > 0 {
			rg.EndColumn = p.EndCol + 1
		}
	case p.EndLine == p.Line && p.Col > 0 && p.EndCol >= p.Col:
		rg.EndLine = p.EndLine
		rg.EndColumn = p.EndCol + 1
	}
	return rg
}

// fingerprinter makes partial fingerprints that survive unrelated edits: a hash of the
// rule, the file and the trimmed text of the line (not its number), then ":N" for the N-th
// result with that hash, as GitHub's primaryLocationLineHash does.
type fingerprinter map[string]int

func (fp fingerprinter) next(rule, file, line string) string {
	sum := sha256.Sum256([]byte(rule + "\x00" + file + "\x00" + strings.TrimSpace(line)))
	h := hex.EncodeToString(sum[:16])
	fp[h]++
	return fmt.Sprintf("%s:%d", h, fp[h])
}
