package main

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/coder"
)

// loadUserActors gives the pipeline its own copy of the actor knowledge
// base with the user's Phoenix/PETRARCH-format dictionaries added.
// With agentsOnly the built-in role nouns are dropped.
func loadUserActors(p *coder.Pipeline, actors, agents string, agentsOnly bool) error {
	kb, err := actor.New()
	if err != nil {
		return err
	}
	if err := kb.LoadPhoenix(actors, agents); err != nil {
		return fmt.Errorf("user actor dictionaries: %w", err)
	}
	if agentsOnly {
		kb.OnlyUserRoles()
	}
	p.KB = kb
	return nil
}
