// Package progress reports the progress of long jobs: a progress bar on
// a terminal, nothing at all when the output is piped or redirected.
//
//	bar := progress.New(os.Stderr, totalBytes, "ingest")
//	bar.Add(n)          // n more units done
//	bar.Finish()
package progress

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Reporter shows progress toward a total. The zero value and a nil
// *Reporter are silent; all methods are safe on them.
type Reporter struct {
	bar *progressbar.ProgressBar
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// New returns a Reporter drawing a bar on w when w is a terminal (and
// silent otherwise). total is in bytes when bytes is true (the bar shows
// MB/s), else a count of items; total <= 0 means unknown (a spinner).
func New(w io.Writer, total int64, description string, bytes bool) *Reporter {
	if !IsTerminal(w) {
		return &Reporter{}
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetPredictTime(true),
	}
	if bytes {
		opts = append(opts, progressbar.OptionShowBytes(true))
	} else {
		opts = append(opts, progressbar.OptionShowCount(), progressbar.OptionShowIts())
	}
	if total <= 0 {
		total = -1
	}
	return &Reporter{bar: progressbar.NewOptions64(total, opts...)}
}

// Add records n more units done.
func (r *Reporter) Add(n int64) {
	if r != nil && r.bar != nil {
		_ = r.bar.Add64(n)
	}
}

// Describe changes the text shown beside the bar.
func (r *Reporter) Describe(s string) {
	if r != nil && r.bar != nil {
		r.bar.Describe(s)
	}
}

// Finish completes and clears the bar.
func (r *Reporter) Finish() {
	if r != nil && r.bar != nil {
		_ = r.bar.Finish()
	}
}

// Active reports whether a bar is being drawn.
func (r *Reporter) Active() bool { return r != nil && r.bar != nil }
