package resolvconf

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dnslint/dnslint/lint/model"
)

// format is the ParseError format of resolv.conf files.
const format = "resolv"

var bom = []byte("\ufeff")

// Parse reads a resolv.conf file. It returns a nil ResolvConf and a "not a text file"
// error at line 1 when data is not UTF-8 text; otherwise it returns no errors.
func Parse(file string, data []byte) (*model.ResolvConf, []*model.ParseError) {
	if line, col, bad := firstNonText(data); bad {
		return nil, []*model.ParseError{{
			Format:  format,
			Message: "not a text file: the resolver reads bytes that are not UTF-8 text (or a NUL) as garbage",
			Pos:     model.Pos{File: file, Line: line, Col: col, EndLine: line, EndCol: col},
		}}
	}
	rc := &model.ResolvConf{
		File:        file,
		Nameservers: []model.Token{},
		Search:      []model.Token{},
		SearchLines: []*model.ResolvLine{},
		DomainLines: []*model.ResolvLine{},
		Options:     []*model.ResolvOption{},
		Sortlist:    []*model.ResolvLine{},
		Unknown:     []*model.ResolvLine{},
	}
	n := 0
	for text := range bytes.Lines(bytes.TrimPrefix(data, bom)) {
		n++
		text = bytes.TrimSuffix(bytes.TrimSuffix(text, []byte("\n")), []byte("\r"))
		if l := line(file, n, string(text)); l != nil {
			add(rc, l)
		}
	}
	return rc, nil
}

// line splits one line into its keyword and arguments. It returns nil for blank and
// comment lines.
func line(file string, n int, text string) *model.ResolvLine {
	words := split(file, n, text)
	if len(words) == 0 || strings.ContainsAny(words[0].Text[:1], "#;") {
		return nil
	}
	return &model.ResolvLine{Keyword: words[0], Args: words[1:]}
}

// split cuts a line into words at spaces and tabs, as glibc does, and places each word.
func split(file string, n int, text string) []model.Token {
	words := []model.Token{}
	col := 1
	for len(text) > 0 {
		i := strings.IndexAny(text, " \t")
		if i < 0 {
			i = len(text)
		}
		if i > 0 {
			w := text[:i]
			end := col + utf8.RuneCountInString(w) - 1
			words = append(words, model.Token{Text: w, Pos: model.Pos{File: file, Line: n, Col: col, EndLine: n, EndCol: end}})
			col = end + 1
		}
		if i < len(text) {
			i++ // the separator
			col++
		}
		text = text[i:]
	}
	return words
}

// add files a line under its keyword, or under Unknown when glibc would skip it.
func add(rc *model.ResolvConf, l *model.ResolvLine) {
	if l.Keyword.Pos.Col != 1 || len(l.Args) == 0 {
		rc.Unknown = append(rc.Unknown, l)
		return
	}
	switch l.Keyword.Text {
	case "nameserver":
		rc.Nameservers = append(rc.Nameservers, l.Args[0])
	case "search":
		rc.SearchLines = append(rc.SearchLines, l)
		rc.Search = slices.Clone(l.Args)
	case "domain":
		rc.DomainLines = append(rc.DomainLines, l)
		rc.Search = []model.Token{l.Args[0]}
	case "options":
		for _, w := range l.Args {
			rc.Options = append(rc.Options, option(w))
		}
	case "sortlist":
		rc.Sortlist = append(rc.Sortlist, l)
	default:
		rc.Unknown = append(rc.Unknown, l)
	}
}

// option reads `name` or `name:value`; Value is nil without a colon.
func option(w model.Token) *model.ResolvOption {
	o := &model.ResolvOption{Name: w.Text, Token: w}
	if name, value, ok := strings.Cut(w.Text, ":"); ok {
		o.Name, o.Value = name, &value
	}
	return o
}

// firstNonText finds the first byte that is not UTF-8 text (or is NUL): its line and
// character column.
func firstNonText(data []byte) (line, col int, bad bool) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if (r == utf8.RuneError && size == 1) || r == 0 {
			return line, col, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return 0, 0, false
}
