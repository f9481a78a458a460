// Package integration holds the tests that run dnslint inside the tools its users run it
// from: the GitHub Action's steps as the runner executes them, and the pre-commit hook
// through the real pre-commit.
package integration
