package coder

import (
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/cameo"
)

//go:generate go run gen.go
//go:generate go run gen_discards.go

//go:embed petrarch.pat
var petrarchPat string

//go:embed dyad.pat
var dyadPat string

var (
	builtinOnce sync.Once
	builtin     *Dictionary
	builtinErr  error
)

// Builtin returns the built-in dictionary (PETRARCH patterns, then dyad's
// own). It is shared: callers must not add to it (use Clone).
func Builtin() (*Dictionary, error) {
	builtinOnce.Do(func() {
		d := NewDictionary()
		if err := ReadCompiled(strings.NewReader(petrarchPat), d); err != nil {
			builtinErr = fmt.Errorf("built-in petrarch.pat: %w", err)
			return
		}
		if err := ReadCompiled(strings.NewReader(dyadPat), d); err != nil {
			builtinErr = fmt.Errorf("built-in dyad.pat: %w", err)
			return
		}
		builtin = d
	})
	return builtin, builtinErr
}

// Clone returns a copy of d that can be extended.
func (d *Dictionary) Clone() *Dictionary {
	c := NewDictionary()
	c.Merge(d)
	return c
}

// Default returns a coder over the built-in dictionary with GDELT's
// conventions.
func Default() (*Coder, error) {
	d, err := Builtin()
	if err != nil {
		return nil, err
	}
	return New(d, Options{Convention: cameo.GDELT}), nil
}

// OnlyVerbs returns a coder whose dictionary holds only the patterns of a
// PETRARCH-format verb file (no built-in patterns).
func OnlyVerbs(r io.Reader, name string, opt Options) (*Coder, error) {
	d := NewDictionary()
	if err := ReadPetrarch(r, d, name); err != nil {
		if _, ok := err.(*SkippedError); !ok {
			return nil, fmt.Errorf("read verbs %s: %w", name, err)
		}
	}
	return New(d, opt), nil
}

// WithVerbs returns a coder whose dictionary is the built-in one extended by
// a PETRARCH-format verb file (its patterns win over built-in ones of the
// same specificity).
func WithVerbs(r io.Reader, name string, opt Options) (*Coder, error) {
	b, err := Builtin()
	if err != nil {
		return nil, err
	}
	d := b.Clone()
	if err := ReadPetrarch(r, d, name); err != nil {
		if _, ok := err.(*SkippedError); !ok {
			return nil, fmt.Errorf("read verbs %s: %w", name, err)
		}
	}
	return New(d, opt), nil
}
