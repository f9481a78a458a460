// Package attack is dnslint's attack suite: each hostile input an attack pass found, as a
// regression test with the exact reproduction, asserting the safe behaviour — no secret
// byte in any output, a limit that fails closed, a denial from the webhook. Budgets are
// counted and deadlines injected; nothing here asserts wall-clock time. Peak memory of a
// child process is read from its rusage.
//
// The tests carry the build tag `attack` and run with `make attack`, without the race
// detector (several reproduce inputs that are slow by design under -race).
package attack
