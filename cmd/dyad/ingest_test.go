package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/shared"
)

// dyad runs the CLI in process and returns exit code, stdout, stderr.
func dyad(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestIngestSeed: the seed article yields document.json's metadata, and
// a second ingest changes nothing.
func TestIngestSeed(t *testing.T) {
	seed := shared.TestPath(t, "seed", "a-dangerous-trend.txt")
	wantData, err := os.ReadFile(shared.TestPath(t, "seed", "document.json"))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "d.db")
	if code, out, errs := dyad(t, "ingest", "--db", db, seed); code != 0 || !strings.Contains(out, "ingested 1, duplicates 0, unchanged 0, failed 0") {
		t.Fatalf("ingest: %d %q %q", code, out, errs)
	}
	code, out, errs := dyad(t, "docs", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("docs: %d %s", code, errs)
	}
	var got, want map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("docs json %q: %v", out, err)
	}
	if err := json.Unmarshal(wantData, &want); err != nil {
		t.Fatal(err)
	}
	for k, w := range want {
		if k == "note" {
			continue
		}
		g := got[k]
		if k == "file" {
			g = filepath.Base(fmt.Sprint(g))
		}
		gj, _ := json.Marshal(g)
		wj, _ := json.Marshal(w)
		if !bytes.Equal(gj, wj) {
			t.Errorf("%s = %s, want %s", k, gj, wj)
		}
	}
	if code, out, _ := dyad(t, "ingest", "--db", db, seed); code != 0 || !strings.Contains(out, "ingested 0, duplicates 0, unchanged 1, failed 0") {
		t.Errorf("second ingest: %d %q", code, out)
	}
	id := fmt.Sprint(got["id"])
	code, out, errs = dyad(t, "doc", "--db", db, id[:8])
	if code != 0 || !strings.Contains(out, "Lyu Yaodong (吕耀东; deputy director-general and research fellow;") || !strings.Contains(out, "Japan") {
		t.Errorf("doc %s: %d %q %q", id[:8], code, out, errs)
	}
}

// TestIngestBadBatch: one good and several bad files — the good one is
// stored, each bad one is named on its own line, exit code 1.
func TestIngestBadBatch(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.txt":    "Harbour reopens\n\nThe harbour reopened on Monday after repairs to the sea wall were finished.\n",
		"binary.txt":  "\x7fELF\x02\x01\x01\x00\x00\x00",
		"empty.txt":   "",
		"latin1.txt":  "Caf\xe9 owners protest \xe0 la mairie\n",
		"lines.jsonl": "{\"title\":\"ok\",\"text\":\"A council voted on the budget.\"}\n{broken\n",
		"feed.xml":    "<?xml version=\"1.0\"?><rss><channel><item><title>cut off",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "d.db")
	code, out, errs := dyad(t, "ingest", "--db", db, dir, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if !strings.Contains(out, "ingested 2, duplicates 0, unchanged 0, failed 6") {
		t.Errorf("summary %q", out)
	}
	for _, want := range []string{"binary.txt: binary file", "empty.txt: empty file", "latin1.txt: invalid UTF-8",
		"lines.jsonl:2: malformed JSON", "feed.xml: broken feed", "missing.txt: cannot stat"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if n := strings.Count(strings.TrimSpace(errs), "\n") + 1; n != 6 {
		t.Errorf("%d error lines, want 6:\n%s", n, errs)
	}
	if code, out, _ := dyad(t, "ingest", "--db", db, "--max-bytes", "20", filepath.Join(dir, "good.txt")); code != 1 || !strings.Contains(out, "failed 1") {
		t.Errorf("--max-bytes: %d %q", code, out)
	}
	if code, _, errs := dyad(t, "ingest", "--db", db); code != 2 || !strings.Contains(errs, "no PATH") {
		t.Errorf("no path: %d %q", code, errs)
	}
}

// TestIngestStdin reads "-".
func TestIngestStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() {
		w.WriteString("Ceasefire holds\nBy Ana Ruiz\n\nBOGOTA, March 2, 2016 (Dyad Test Wire) - The ceasefire held for a third day on Wednesday, officials said.\n")
		w.Close()
	}()
	db := filepath.Join(t.TempDir(), "d.db")
	if code, out, errs := dyad(t, "ingest", "--db", db, "-"); code != 0 || !strings.Contains(out, "ingested 1") {
		t.Fatalf("ingest -: %d %q %q", code, out, errs)
	}
	_, out, _ := dyad(t, "docs", "--db", db)
	for _, want := range []string{"2016-03-02", "Dyad Test Wire", "Ana Ruiz", "Ceasefire holds"} {
		if !strings.Contains(out, want) {
			t.Errorf("docs table lacks %q:\n%s", want, out)
		}
	}
}

// TestDemo: the demo stores its articles, links the reprint, and is
// idempotent.
func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	code, out, errs := dyad(t, "demo", "--db", db)
	if code != 0 || !strings.Contains(out, "ingested 4, duplicates 1, unchanged 0, failed 0") || !strings.Contains(out, "duplicate of") {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	if code, out, _ := dyad(t, "demo", "--db", db); code != 0 || !strings.Contains(out, "ingested 0, duplicates 0, unchanged 5") {
		t.Errorf("second demo: %d %q", code, out)
	}
	t.Setenv("DYAD_DB", db)
	if _, out, _ := dyad(t, "docs", "--format", "json"); strings.Count(out, "\n") != 5 || !strings.Contains(out, `"duplicate_of"`) {
		t.Errorf("docs via $DYAD_DB: %q", out)
	}
	if code, _, errs := dyad(t, "doc", "zzzz"); code != 1 || !strings.Contains(errs, "no such document") {
		t.Errorf("doc zzzz: %d %q", code, errs)
	}
}

// buildDyad builds the dyad binary into dir (about 20 s: DuckDB links
// in).
func buildDyad(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "dyad")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeBatch writes n synthetic articles (random words, so that no two
// are near-duplicates), plus near-duplicate reprints of a few of them.
func writeBatch(t *testing.T, dir string, n int) {
	rng := rand.New(rand.NewPCG(42, 1))
	vocab := strings.Fields("minister talks treaty border troops summit said agreed would next week after both sides new framework trade security cooperation region officials monday envoy sanctions vote council leaders signed warned capital delegation statement")
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Report number %d\n\n", i)
		for p := 0; p < 8; p++ {
			for w := 0; w < 60; w++ {
				b.WriteString(vocab[rng.IntN(len(vocab))])
				b.WriteByte(' ')
			}
			b.WriteString("end.\n\n")
		}
		text := b.String()
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if i%50 == 0 {
			reprint := "Reprinted from another outlet\n\n" + strings.Replace(text, "Report number", "Copy of report", 1)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(reprint), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// storeState is what must be equal between a clean run and a killed and
// rerun one: the document IDs (with their duplicate links) and counts.
func storeState(t *testing.T, bin, db string) string {
	t.Helper()
	out, err := exec.Command(bin, "docs", "--db", db, "--format", "json").Output()
	if err != nil {
		t.Fatalf("docs: %v", err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var d struct{ ID, File, Duplicate_of string }
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("docs line %q: %v", l, err)
		}
		lines = append(lines, d.ID+" "+filepath.Base(d.File)+" "+d.Duplicate_of)
	}
	sort.Strings(lines)
	return fmt.Sprintf("%d documents\n%s", len(lines), strings.Join(lines, "\n"))
}

// TestCrashRecovery runs the real binary on a batch, SIGKILLs it in the
// middle, runs the same command again and checks that the store equals
// the one a clean run gives.
func TestCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the dyad binary")
	}
	dir := t.TempDir()
	bin := buildDyad(t, dir)
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeBatch(t, in, 600)
	clean := filepath.Join(dir, "clean.db")
	start := time.Now()
	if out, err := exec.Command(bin, "ingest", "--db", clean, "--batch", "4", "--analyze=false", in).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v\n%s", err, out)
	}
	cleanTime := time.Since(start)
	want := storeState(t, bin, clean)
	if !strings.HasPrefix(want, "612 documents") {
		t.Fatalf("clean run stored %s", strings.SplitN(want, "\n", 2)[0])
	}
	linked := 0
	for _, l := range strings.Split(want, "\n")[1:] {
		if f := strings.Fields(l); len(f) == 3 && strings.HasPrefix(f[1], "r") {
			linked++
		}
	}
	if linked != 12 {
		t.Fatalf("clean run linked %d reprints as duplicates, want 12", linked)
	}
	for _, frac := range []float64{0.2, 0.45} {
		db := filepath.Join(dir, fmt.Sprintf("killed-%.0f.db", frac*100))
		cmd := exec.Command(bin, "ingest", "--db", db, "--batch", "4", "--analyze=false", in)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(float64(cleanTime) * frac))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		killed := err != nil
		partial := "none"
		if out, err := exec.Command(bin, "docs", "--db", db, "--format", "json").Output(); err == nil {
			partial = fmt.Sprint(strings.Count(string(out), "\n"))
		}
		if out, err := exec.Command(bin, "ingest", "--db", db, "--batch", "4", "--analyze=false", in).CombinedOutput(); err != nil {
			t.Fatalf("rerun after kill at %.0f%%: %v\n%s", frac*100, err, out)
		}
		t.Logf("killed at %.0f%% of %v (killed=%v): %s documents stored before the rerun", frac*100, cleanTime, killed, partial)
		if got := storeState(t, bin, db); got != want {
			t.Errorf("after kill at %.0f%% and rerun the store differs from a clean run:\n%s\nwant\n%s", frac*100, head(got), head(want))
		}
	}
}

func head(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}
