package corefile

import "slices"

// stream is the token list caddy's parser walks, as a gap buffer: an import replaces its
// two tokens with the imported ones where the parser stands, so splicing costs what it
// inserts, not the length of the list (caddy copies the whole list at every import, which
// a Corefile of nested snippets turns into minutes of work for a lint run).
type stream struct {
	// front holds tokens 0..len(front)-1; back holds the rest, the last token first.
	front, back []slot
}

func (s *stream) len() int { return len(s.front) + len(s.back) }

// at returns token i (0 <= i < len). The pointer is valid until the next splice.
func (s *stream) at(i int) *slot {
	if i < len(s.front) {
		return &s.front[i]
	}
	return &s.back[len(s.back)-1-(i-len(s.front))]
}

// splice replaces tokens from..to-1 with ins.
func (s *stream) splice(from, to int, ins []slot) {
	for len(s.front) > to {
		s.back = append(s.back, s.front[len(s.front)-1])
		s.front = s.front[:len(s.front)-1]
	}
	for len(s.front) < to {
		s.front = append(s.front, s.back[len(s.back)-1])
		s.back = s.back[:len(s.back)-1]
	}
	clear(s.front[from:])
	s.front = s.front[:from]
	s.back = slices.Grow(s.back, len(ins))
	for i := len(ins) - 1; i >= 0; i-- {
		s.back = append(s.back, ins[i])
	}
}

// maxVia is how many steps of an import chain the model keeps (outermost first); a
// deeper chain ends in "…". Real Corefiles nest imports a few levels deep; a Corefile of
// thousands of nested snippets would otherwise put millions of names into the model.
const maxVia = 32

// chain is an import chain, shared by every token one expansion brought in: the last
// step, and the chain of the import statement that took it.
type chain struct {
	step  string
	up    *chain
	depth int
	steps []string // the model's form, built once (see slice)
}

// push is the chain of a token imported through step by an import whose chain is c.
func (c *chain) push(step string) *chain {
	n := &chain{step: step, up: c, depth: 1}
	if c != nil {
		n.depth = c.depth + 1
	}
	return n
}

// contains tells whether the chain has a step named name.
func (c *chain) contains(name string) bool {
	for ; c != nil; c = c.up {
		if c.step == name {
			return true
		}
	}
	return false
}

// slice is the chain for the model: at most maxVia steps, then "…"; nil for none.
// Chains share the slices of the chains they extend.
func (c *chain) slice() []string {
	switch {
	case c == nil:
		return nil
	case c.steps != nil:
		return c.steps
	case c.depth <= maxVia:
		c.steps = append(slices.Clip(c.up.slice()), c.step)
	case c.depth == maxVia+1:
		c.steps = append(slices.Clip(c.up.slice()), "…")
	default:
		c.steps = c.up.slice()
	}
	return c.steps
}
