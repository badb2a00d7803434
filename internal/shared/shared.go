// Package shared finds the project's shared data folder (../shared beside
// the repository: the seed article, gold files and third-party data sets
// that are never copied into the repository).
//
// The folder is $DYAD_SHARED when set, else the first "shared" folder with a
// README.md found beside the working directory or any of its parents.
package shared

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder, or an error saying where it was looked for.
func Dir() (string, error) {
	if d := os.Getenv("DYAD_SHARED"); d != "" {
		if _, err := os.Stat(d); err != nil {
			return "", fmt.Errorf("DYAD_SHARED=%s: %w", d, err)
		}
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		cand := filepath.Join(d, "shared")
		if _, err := os.Stat(filepath.Join(cand, "README.md")); err == nil {
			return cand, nil
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return "", fmt.Errorf("no shared/ folder beside %s or its parents (set DYAD_SHARED)", wd)
}

// Path joins elements onto the shared folder and checks that the result
// exists.
func Path(elem ...string) (string, error) {
	d, err := Dir()
	if err != nil {
		return "", err
	}
	p := filepath.Join(append([]string{d}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}

// TestPath is Path for tests: it skips the test with a clear message when
// the shared data is absent (a user's fresh clone); CI always has it.
func TestPath(t testing.TB, elem ...string) string {
	t.Helper()
	p, err := Path(elem...)
	if err != nil {
		t.Skipf("shared data not available (%v): this test needs ../shared/%s", err, filepath.Join(elem...))
	}
	return p
}
