package main

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/coder"
)

// loadUserActors adds user actor/agent dictionaries to the pipeline's
// knowledge base.
func loadUserActors(p *coder.Pipeline, actors, agents string) error {
	return fmt.Errorf("--actors/--agents: user actor dictionaries are not supported by this build yet (%s %s)", actors, agents)
}
