//go:build !unix

package benchutil

import "time"

// CPUTime returns the CPU time the process has used so far; ok is false
// where the system does not tell, as here.
func CPUTime() (cpu time.Duration, ok bool) { return 0, false }

// MaxRSS returns the process's peak resident memory in bytes; ok is false
// where the system does not tell, as here.
func MaxRSS() (bytes int64, ok bool) { return 0, false }
