package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-07-10", "2023-07-10"},
		{"2023-07-10T23:30:00+08:00", "2023-07-10"},
		{"July 10, 2023", "2023-07-10"},
		{"Jul. 10, 2023", "2023-07-10"},
		{"10 July 2023", "2023-07-10"},
		{"Sept 3rd, 2021", "2021-09-03"},
		{"2023/7/10", "2023-07-10"},
		{"2023年7月10日", "2023-07-10"},
		{"Mon, 04 Mar 2019 08:30:00 GMT", "2019-03-04"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{"2023-02-30", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tc := range tests {
		got, ok := ParseDate(tc.in)
		s := ""
		if ok {
			s = got.Format(time.DateOnly)
		}
		if s != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The ministers met in the capital and agreed to resume talks on trade.", "en"},
		{"Les ministres se sont réunis dans la capitale et ont décidé de reprendre les négociations.", "fr"},
		{"Die Minister trafen sich in der Hauptstadt und einigten sich auf neue Gespräche mit den Nachbarn.", "de"},
		{"Los ministros se reunieron en la capital y acordaron reanudar las negociaciones con el vecino.", "es"},
		{"两国外交部长在北京举行会谈。", "zh"},
		{"両国の首脳は東京で会談し、合意した。", "ja"},
		{"양국 정상은 서울에서 회담을 가졌다.", "ko"},
		{"Министры встретились в столице.", "ru"},
		{"12345 !!!", ""},
	}
	for _, tc := range tests {
		if got := DetectLanguage(tc.text); got != tc.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestRomanize(t *testing.T) {
	tests := []struct{ zh, want string }{
		{"王芳", "Wang Fang"},
		{"欧阳明", "Ouyang Ming"},
		{"吕强", "Lyu Qiang"},
		{"陈晓东", "Chen Xiaodong"},
	}
	for _, tc := range tests {
		if got, ok := Romanize(tc.zh); got != tc.want || !ok {
			t.Errorf("Romanize(%q) = %q, %v; want %q", tc.zh, got, ok, tc.want)
		}
	}
	matches := []struct {
		zh, en string
		want   bool
	}{
		{"吕强", "Lyu Qiang", true},
		{"吕强", "Lu Qiang", true},
		{"吕强", "Qiang Lv", true},
		{"陈刚", "Gang Chen", true},
		{"陈刚", "Wang Fang", false},
		{"曾伟", "Zeng Wei", true},
		{"长明", "Zhang Ming", true}, // 长: chang or zhang
	}
	for _, tc := range matches {
		if got := pinyinMatches(tc.zh, tc.en); got != tc.want {
			t.Errorf("pinyinMatches(%q, %q) = %v, want %v", tc.zh, tc.en, got, tc.want)
		}
	}
}

func TestSplitZhDesc(t *testing.T) {
	tests := []struct{ desc, aff, role, roleEn string }{
		{"某大学法学院副教授", "某大学法学院", "副教授", "associate professor"},
		{"某研究所副所长、研究员", "某研究所", "副所长、研究员", "deputy director-general and research fellow"},
		{"某基金会", "某基金会", "", ""},
	}
	for _, tc := range tests {
		aff, role, en := splitZhDesc(tc.desc)
		if aff != tc.aff || role != tc.role || en != tc.roleEn {
			t.Errorf("splitZhDesc(%q) = %q, %q, %q", tc.desc, aff, role, en)
		}
	}
}

func TestParseZhAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []zhAuthor
	}{
		{"张三,某大学教授;李四,某研究所研究员", []zhAuthor{{"张三", "某大学", "教授", "professor"}, {"李四", "某研究所", "研究员", "research fellow"}}},
		{"张三、李四", []zhAuthor{{nameZh: "张三"}, {nameZh: "李四"}}},
		{"张三 李四", []zhAuthor{{nameZh: "张三"}, {nameZh: "李四"}}},
		{"张三（某大学教授）、李四（某研究所研究员）", []zhAuthor{{"张三", "某大学", "教授", "professor"}, {"李四", "某研究所", "研究员", "research fellow"}}},
		{"张三 教授", []zhAuthor{{"张三", "", "教授", "professor"}}},
		{"某研究所副研究员王五", []zhAuthor{{"王五", "某研究所", "副研究员", "associate research fellow"}}},
	}
	for _, tc := range tests {
		got := parseZhAuthors(tc.in)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("parseZhAuthors(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestZhReprint(t *testing.T) {
	tests := []struct {
		line, from, orig, authors, published string
	}{
		{"本文转载自“Harbour Daily”，原标题为“Ports reopen”。作者:张三,某大学教授。原文首发于2021年5月6日。", "Harbour Daily", "Ports reopen", "张三", "2021年5月6日"},
		{"来源：中国日报网 作者：王毅", "中国日报网", "", "王毅", ""},
		{"【来源：新华社】", "新华社", "", "", ""},
		{"来源：Harbour Daily，作者：李四", "Harbour Daily", "", "李四", ""},
		{"原文刊载于《环球时报》2020年3月1日，原题：“河流与邻国”", "环球时报", "河流与邻国", "", "2020年3月1日"},
	}
	for _, tc := range tests {
		x := &extraction{doc: &event.Document{}}
		if !x.zhReprint(tc.line) {
			t.Errorf("zhReprint(%q) = false", tc.line)
			continue
		}
		var names []string
		for _, a := range x.zhAuthors {
			names = append(names, a.nameZh)
		}
		got := []string{x.doc.ReprintedFrom, x.doc.OriginalTitle, strings.Join(names, ","), x.published}
		want := []string{tc.from, tc.orig, tc.authors, tc.published}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("zhReprint(%q) = %q, want %q", tc.line, got, want)
		}
	}
	x := &extraction{doc: &event.Document{}}
	if x.zhReprint("两国外交部长星期三在北京举行会谈。") {
		t.Errorf("a Chinese body sentence taken for a reprint header")
	}
}

func TestByline(t *testing.T) {
	tests := []struct {
		line, names, outlet string
	}{
		{"By Jane Doe and John Roe", "Jane Doe; John Roe", ""},
		{"By Jane Doe, Reuters", "Jane Doe", "Reuters"},
		{"By Jane Doe | The Herald", "Jane Doe", "The Herald"},
		{"By Jane Doe in Seoul", "Jane Doe", ""},
		{"BY ANA RUIZ, Staff Writer", "ANA RUIZ", ""},
	}
	for _, tc := range tests {
		x := &extraction{doc: &event.Document{}}
		if !x.parseByline(tc.line) {
			t.Errorf("parseByline(%q) = false", tc.line)
			continue
		}
		if got := strings.Join(x.byline, "; "); got != tc.names || x.doc.Outlet != tc.outlet {
			t.Errorf("parseByline(%q): names %q outlet %q; want %q, %q", tc.line, got, x.doc.Outlet, tc.names, tc.outlet)
		}
	}
}

func TestParseBios(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Ann Lee and Bo Chan are research fellows at the Pine Institute.", "[{Ann Lee research fellow Pine Institute true} {Bo Chan research fellow Pine Institute true}]"},
		{"The authors are lecturers with Hill College.", "[{ lecturer Hill College true}]"},
		{"Ann Lee is an editor at the River Post.", "[{Ann Lee editor River Post false}]"},
		{"Rain and snow are expected across the region.", "[]"},
	}
	for _, tc := range tests {
		got, _ := parseBios(tc.in)
		if s := fmt.Sprint(got); s != tc.want {
			t.Errorf("parseBios(%q) = %s, want %s", tc.in, s, tc.want)
		}
	}
}

func TestParseBio(t *testing.T) {
	tests := []struct {
		in   string
		want bio
		ok   bool
	}{
		{"Ann Lee is a senior fellow at the Pine Institute.", bio{"Ann Lee", "senior fellow", "Pine Institute", false}, true},
		{"Omar Said is director of and a lecturer with the Centre for Maps at North University", bio{"Omar Said", "director and lecturer", "Centre for Maps, North University", false}, true},
		{"The author is a professor of law at Hill College.", bio{"", "professor of law", "Hill College", false}, true},
		{"North Korea is a country in East Asia.", bio{}, false},
		{"Kim Jong Un is expected to attend.", bio{}, false},
	}
	for _, tc := range tests {
		got, ok := parseBio(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseBio(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDecode(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("两国外交部长在北京举行会谈，同意加强合作。")
	sjis, _ := japanese.ShiftJIS.NewEncoder().String("両国の首脳は東京で会談し、協力の強化で合意した。")
	tests := []struct {
		name string
		data string
		want string
		err  error
	}{
		{"utf8", "plain text", "plain text", nil},
		{"bom", "\ufeffwith bom", "with bom", nil},
		{"gbk", gbk, "两国外交部长在北京举行会谈，同意加强合作。", nil},
		{"shift_jis", sjis, "両国の首脳は東京で会談し、協力の強化で合意した。", nil},
		{"latin1 undeclared", "caf\xe9 au lait \xe0 la carte", "", ErrEncoding},
		{"binary", "abc\x00def", "", ErrBinary},
		{"pdf", "%PDF-1.4\n...", "", ErrBinary},
		{"empty", "  \n", "", ErrEmpty},
	}
	for _, tc := range tests {
		got, err := Decode([]byte(tc.data), "")
		if !errors.Is(err, tc.err) || got != tc.want {
			t.Errorf("%s: Decode = %q, %v; want %q, %v", tc.name, got, err, tc.want, tc.err)
		}
	}
	if got, err := Decode([]byte("caf\xe9"), "text/html; charset=windows-1252"); err != nil || got != "café" {
		t.Errorf("declared windows-1252: %q, %v", got, err)
	}
}

func TestID(t *testing.T) {
	a := ID("Two  leaders\r\nmet.\n")
	if b := ID("Two leaders met."); a != b {
		t.Errorf("white space changes the ID")
	}
	if c := ID("Two leaders met!"); a == c {
		t.Errorf("different text, same ID")
	}
	if len(a) != 64 {
		t.Errorf("ID %q is not hex SHA-256", a)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat("word ", 100)))
	zw.Close()
	tests := []struct {
		name, path string
		opts       Options
		want       error
		msg        string
	}{
		{"missing", filepath.Join(dir, "nope.txt"), Options{}, os.ErrNotExist, "nope.txt: cannot open"},
		{"too large", write("big.txt", bytes.Repeat([]byte("a"), 100)), Options{MaxBytes: 10}, ErrTooLarge, "100 bytes, over the limit of 10 bytes"},
		{"gz too large", write("big.txt.gz", gz.Bytes()), Options{MaxBytes: 100}, ErrTooLarge, "over the limit"},
		{"folder", dir, Options{}, nil, "is a folder"},
	}
	for _, tc := range tests {
		docs, errs := ReadFile(tc.path, tc.opts)
		if len(docs) != 0 || len(errs) != 1 {
			t.Errorf("%s: %d docs, errors %v", tc.name, len(docs), errs)
			continue
		}
		if (tc.want != nil && !errors.Is(errs[0], tc.want)) || !strings.Contains(errs[0].Error(), tc.msg) {
			t.Errorf("%s: error %q, want %v containing %q", tc.name, errs[0], tc.want, tc.msg)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/one.txt", "a/b/two.html", "a/b/skip.png", "a/.hidden/three.txt", "a/c/four.jsonl.gz",
		"a/README.TXT", "a/SOURCE.txt", "a/c/license.md", "a/readers.txt"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte("x"), 0o644)
	}
	files, errs := Expand([]string{filepath.Join(dir, "a"), "-", filepath.Join(dir, "missing")})
	var rel []string
	for _, f := range files {
		if r, err := filepath.Rel(dir, f); err == nil {
			f = r
		}
		rel = append(rel, f)
	}
	want := []string{"a/b/two.html", "a/c/four.jsonl.gz", "a/one.txt", "a/readers.txt", "-"}
	if strings.Join(rel, ",") != strings.Join(want, ",") {
		t.Errorf("files = %v, want %v", rel, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing") {
		t.Errorf("errors = %v", errs)
	}
	// named, a folder's documentation is read like any file
	if files, _ := Expand([]string{filepath.Join(dir, "a", "SOURCE.txt")}); len(files) != 1 {
		t.Errorf("named SOURCE.txt: files = %v", files)
	}
}

// checkDocs is the invariant every reader keeps, whatever its input.
func checkDocs(t *testing.T, docs []*event.Document) {
	t.Helper()
	for _, d := range docs {
		if d.ID == "" || d.Text == "" {
			t.Fatalf("document without ID or text: %+v", d)
		}
		if d.BodyStart < 0 || d.BodyEnd > len(d.Text) || d.BodyStart > d.BodyEnd {
			t.Fatalf("body span %d..%d outside text of %d bytes", d.BodyStart, d.BodyEnd, len(d.Text))
		}
	}
}

func seedCorpus(f *testing.F, exts ...string) {
	for _, ext := range exts {
		files, _ := filepath.Glob("testdata/*" + ext)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
}

func FuzzText(f *testing.F) {
	seedCorpus(f, ".txt")
	f.Add([]byte("Title\n本文转载自“X”，原标题为“Y”。作者:张三,某大学教授;李四。原文首发于2020年1月2日。\nBody text here."))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := Parse("f.txt", data)
		checkDocs(t, docs)
	})
}

func FuzzHTML(f *testing.F) {
	seedCorpus(f, ".html")
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := Parse("f.html", data)
		checkDocs(t, docs)
	})
}

func FuzzJSONL(f *testing.F) {
	seedCorpus(f, ".jsonl")
	f.Add([]byte(`{"text":"a","authors":[{"name":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := Parse("f.jsonl", data)
		checkDocs(t, docs)
	})
}

func FuzzFeed(f *testing.F) {
	seedCorpus(f, ".xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := Parse("f.xml", data)
		checkDocs(t, docs)
	})
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte("\xff\xfeh\x00i\x00"))
	f.Add([]byte("\xc1\xbd\xb9\xfa"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(data, "")
		if err == nil && !strings.HasPrefix(s, "") {
			t.Fatal("unreachable")
		}
		if err == nil && !validUTF8(s) {
			t.Fatalf("Decode returned invalid UTF-8 %q", s)
		}
	})
}

func validUTF8(s string) bool { return bytesValidUTF8([]byte(s)) }

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-07-10", "July 10, 2023", "2023年7月10日", "26-FEB-1987"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok && (d.Hour() != 0 || d.Location() != time.UTC) {
			t.Fatalf("ParseDate(%q) = %v, not a UTC day", s, d)
		}
	})
}

func BenchmarkParseText(b *testing.B) {
	data, err := os.ReadFile("testdata/first-appeared-commentary.txt")
	if err != nil {
		b.Fatal(err)
	}
	data = bytes.Repeat(append(data, '\n'), 20)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, errs := Parse("b.txt", data); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, errs := Parse("b.html", data); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

func BenchmarkParseJSONL(b *testing.B) {
	line := []byte(`{"title":"Talks","text":"` + strings.Repeat("Delegations met in Geneva on Monday for talks. ", 100) + `","published":"2017-09-04","outlet":"Lake Post","authors":["Nora Blum"]}` + "\n")
	data := bytes.Repeat(line, 50)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, errs := Parse("b.jsonl", data); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

func BenchmarkParseFeed(b *testing.B) {
	data, err := os.ReadFile("testdata/feed.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		Parse("b.xml", data)
	}
}

func FuzzReuters(f *testing.F) {
	seedCorpus(f, ".sgm")
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := Parse("f.sgm", data)
		checkDocs(t, docs)
	})
}

// TestStopIndex: every stop word fits the packed lookup and finds its
// languages.
func TestStopIndex(t *testing.T) {
	if maxStop > 8 {
		t.Fatalf("longest stop word has %d bytes; packWord holds 8", maxStop)
	}
	for i, lang := range latinLangs {
		for _, w := range stopwords[lang] {
			if stopBits(packWord([]byte(w)))&(1<<i) == 0 {
				t.Errorf("%s stop word %q not indexed", lang, w)
			}
		}
	}
	if stopBits(packWord([]byte("th"))) != 0 || stopBits(packWord([]byte("thee"))) != 0 || stopBits(packWord([]byte("zz"))) != 0 {
		t.Error("prefixes and extensions of stop words must not match")
	}
}

// BenchmarkDetectLanguage reads the 1,500-byte sample of an English text.
func BenchmarkDetectLanguage(b *testing.B) {
	text := strings.Repeat("The council said on Monday that it has agreed to resume the talks with its neighbours from next week. ", 20)
	b.SetBytes(1500)
	for i := 0; i < b.N; i++ {
		if DetectLanguage(text) != "en" {
			b.Fatal("not English")
		}
	}
}

// TestReadAll: whatever the size guess, readAll returns the content.
func TestReadAll(t *testing.T) {
	content := strings.Repeat("0123456789", 300)
	for _, hint := range []int64{0, 1, 511, 2999, 3000, 3001, 1 << 20} {
		got, err := readAll(strings.NewReader(content), hint)
		if err != nil || string(got) != content {
			t.Errorf("hint %d: %d bytes, %v", hint, len(got), err)
		}
	}
}

// TestReadFileGzipHint: a gzip file is read whole when its trailer's
// size is right, and when it is wrong (two members: the trailer names the
// last one only).
func TestReadFileGzipHint(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	for _, part := range []string{`{"text": "First story about the harbour."}` + "\n", `{"text": "Second story about the bridge."}` + "\n"} {
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(part))
		zw.Close()
	}
	path := filepath.Join(dir, "two.jsonl.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, errs := ReadFile(path, Options{})
	if len(errs) > 0 || len(docs) != 2 {
		t.Fatalf("%d documents, errors %v", len(docs), errs)
	}
}

// BenchmarkID hashes a 6 KB article of paragraphs.
func BenchmarkID(b *testing.B) {
	text := strings.Repeat("The council met on Monday, and its chair said talks would resume “next week” after a pause.\n\n", 64)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		ID(text)
	}
}

// TestVerbEarly: wherever reBio matches, verbEarly lets it run.
func TestVerbEarly(t *testing.T) {
	for _, s := range []string{
		"Dr. Ann Marie de Vries is a senior fellow at the Harbour Institute.",
		"Prof Jo K. Lee Park\twas director of studies.",
		"The authors are research fellows at a policy centre.",
		"Somebody Here is an analyst",
		"Mrs. Ida B. Wells-Barnett serves as chair of the board.",
		"Ben Ode  has been an editor since spring.",
		"Kim Ho works as a correspondent.",
		"Talks resumed on Monday after the storm passed and ships returned, officials said.",
		"It is not clear who is in charge.",
	} {
		if reBio.MatchString(strings.TrimSpace(s)) && !verbEarly(s) {
			t.Errorf("reBio matches %q but verbEarly says no", s)
		}
	}
	if verbEarly("One two three four five six is late") {
		t.Error("a verb after six words counts")
	}
}

func FuzzVerbEarly(f *testing.F) {
	f.Add("Dr. Ann Marie de Vries is a senior fellow at the Harbour Institute.")
	f.Add("The authors are fellows.")
	f.Fuzz(func(t *testing.T, s string) {
		if reBio.MatchString(strings.TrimSpace(s)) && !verbEarly(s) {
			t.Errorf("reBio matches %q but verbEarly says no", s)
		}
	})
}

// TestSGMLTextFastPath: plain ASCII comes back as it is; control
// characters and invalid bytes are still dropped.
func TestSGMLTextFastPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Wheat prices rose 3 pct.\n\tTraders said", "Wheat prices rose 3 pct.\n\tTraders said"},
		{"Bell\x07 and \x7fdelete\x03", "Bell and delete"},
		{"caf\u00e9 \u0085next", "café next"},
		{"bad \xff byte", "bad  byte"},
		{"Q&amp;A", "Q&A"},
	}
	for _, tc := range tests {
		if got := sgmlText(tc.in); got != tc.want {
			t.Errorf("sgmlText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzSGMLText: sgmlText drops what a rune-by-rune filter drops.
func FuzzSGMLText(f *testing.F) {
	f.Add("Wheat rose.\n Reuter\n&#3;")
	f.Add("caf\u00e9 \u0085 \xff \ufffd x")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' {
				return r
			}
			if unicode.IsControl(r) || r == utf8.RuneError {
				return -1
			}
			return r
		}, html.UnescapeString(s))
		if got := sgmlText(s); got != want {
			t.Errorf("sgmlText(%q) = %q, want %q", s, got, want)
		}
	})
}
