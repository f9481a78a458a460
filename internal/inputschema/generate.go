package inputschema

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// The files written, relative to the repository's root.
const (
	SchemaFile = "rules/schema/input.json"
	DocFile    = "docs/input.md"
	ModelDir   = "lint/model"
)

// generatedBlock is the part of docs/input.md that Markdown writes; the prose around it
// (data documents, builtins, helpers) is written by hand.
var generatedBlock = regexp.MustCompile(`(?s)(<!-- generated: input -->\n).*?(<!-- end generated -->)`)

// Files are the contents of SchemaFile and DocFile generated from the model, the doc's
// hand-written parts taken from its current text, below root (the repository).
func Files(root string) (map[string][]byte, error) {
	c, err := ReadComments(filepath.Join(root, ModelDir))
	if err != nil {
		return nil, err
	}
	schema, err := Schema(c)
	if err != nil {
		return nil, err
	}
	doc, err := os.ReadFile(filepath.Join(root, DocFile))
	if err != nil {
		return nil, err
	}
	if !generatedBlock.Match(doc) {
		return nil, fmt.Errorf("%s: no <!-- generated: input --> … <!-- end generated --> block", DocFile)
	}
	md := Markdown(c)
	doc = generatedBlock.ReplaceAllFunc(doc, func(block []byte) []byte {
		m := generatedBlock.FindSubmatch(block)
		return append(append(append([]byte{}, m[1]...), md...), m[2]...)
	})
	return map[string][]byte{SchemaFile: schema, DocFile: doc}, nil
}

// Write writes Files below root.
func Write(root string) error {
	files, err := Files(root)
	if err != nil {
		return err
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(root, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
