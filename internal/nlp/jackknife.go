package nlp

import (
	"fmt"
	"io"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/tag"
)

// JackknifeOptions control JackknifeTags.
type JackknifeOptions struct {
	Folds  int    // number of folds; ≤ 1 tags train with the embedded tagger
	Seed   uint64 // tagger training seed
	Epochs int    // tagger epochs per pass (0: the tag package's default)
	// TagFolds is the tagger's own jackknife folds (for its second pass)
	// inside each fold (0: the tag package's default).
	TagFolds int
	Log      io.Writer
}

// JackknifeTags replaces the gold UPOS, XPOS, Feats and Lemma of train with
// tags a tagger predicts without having seen the sentence: the data is cut
// into folds and each fold is tagged by a tagger trained on the others.
// The parser then learns from tags as noisy as those it will see. dev is
// tagged with the embedded tagger (trained on all of train). Heads and
// relations are left alone. goldDev (untouched gold sentences) lets each
// fold's tagger choose its epochs; it may be nil.
func JackknifeTags(train, dev [][]event.Token, goldDev []conllu.Sentence, opt JackknifeOptions) error {
	shipped, err := tag.Load()
	if err != nil {
		return err
	}
	for _, s := range dev {
		shipped.Tag(&event.Sentence{Tokens: s})
	}
	if opt.Folds <= 1 {
		for _, s := range train {
			shipped.Tag(&event.Sentence{Tokens: s})
		}
		return nil
	}
	pred := make([][]event.Token, len(train))
	// contiguous folds: sentences of one document stay together, so a
	// fold's tagger has not seen the rest of the document either
	fold := func(i int) int { return i * opt.Folds / len(train) }
	for f := 0; f < opt.Folds; f++ {
		t0 := time.Now()
		var rest []conllu.Sentence
		for i, s := range train {
			if fold(i) != f {
				rest = append(rest, conllu.Sentence{Tokens: s})
			}
		}
		m, err := tag.Train(rest, goldDev, tag.TrainOptions{Seed: opt.Seed, Epochs: opt.Epochs, Folds: opt.TagFolds})
		if err != nil {
			return fmt.Errorf("jackknife fold %d: %w", f+1, err)
		}
		tg := tag.New(m)
		right, total := 0, 0
		for i, s := range train {
			if fold(i) != f {
				continue
			}
			c := append([]event.Token(nil), s...)
			tg.Tag(&event.Sentence{Tokens: c})
			for k := range c {
				if c[k].UPOS == s[k].UPOS {
					right++
				}
				total++
			}
			pred[i] = c
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "jackknife fold %d/%d: held-out UPOS %.2f%% (%.0fs)\n", f+1, opt.Folds, 100*float64(right)/float64(max(total, 1)), time.Since(t0).Seconds())
		}
	}
	for i, s := range train {
		for k := range s {
			p := &pred[i][k]
			s[k].UPOS, s[k].XPOS, s[k].Feats, s[k].Lemma = p.UPOS, p.XPOS, p.Feats, p.Lemma
		}
	}
	return nil
}
