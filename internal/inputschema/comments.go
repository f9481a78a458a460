package inputschema

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// Comments are the doc comments of lint/model: of each type by its name, of each field
// by "Type.Field".
type Comments map[string]string

// ReadComments parses the Go files of dir (lint/model) for their doc comments.
func ReadComments(dir string) (Comments, error) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	c := Comments{}
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			for _, decl := range f.Decls {
				g, ok := decl.(*ast.GenDecl)
				if !ok || g.Tok != token.TYPE {
					continue
				}
				for _, spec := range g.Specs {
					ts := spec.(*ast.TypeSpec)
					c[ts.Name.Name] = text(cmpOr(ts.Doc, g.Doc))
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, field := range st.Fields.List {
						for _, name := range field.Names {
							c[ts.Name.Name+"."+name.Name] = text(cmpOr(field.Doc, field.Comment))
						}
					}
				}
			}
		}
	}
	return c, nil
}

func cmpOr(a, b *ast.CommentGroup) *ast.CommentGroup {
	if a != nil {
		return a
	}
	return b
}

// text is a comment group as one line of prose.
func text(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	return strings.Join(strings.Fields(g.Text()), " ")
}
