package source

import (
	"regexp"
	"strings"
	"unicode"
)

// zhAuthor is an author as a Chinese reprint header names them.
type zhAuthor struct {
	nameZh, affiliation, role, roleEn string
}

var (
	reZhMarker   = regexp.MustCompile(`转载|转自|原标题|原题|原文|来源[:：]|作者[:：]|首发|编者按|刊载|摘自|选自`)
	reZhSource   = regexp.MustCompile(`(?:转载自|转载于|转自|来源[:：]?|选自|摘自|原载于?|刊载于)\s*(?:[“"「『《]([^”"」』》]+)|([A-Za-z][A-Za-z0-9 .&'\-]*[A-Za-z0-9])|([^\s“"「『《，,。；;：:【】\[\]()（）]+))`)
	reZhOrigT    = regexp.MustCompile(`原(?:标)?题(?:为|是)?\s*[:：]?\s*[“"「『《]([^”"」』》]+)`)
	reZhFirstPub = regexp.MustCompile(`(?:首发|发表|刊发|刊登|发布|刊载|刊出)(?:于|在|日期[:：]?)?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)`)
	reZhAuthors  = regexp.MustCompile(`作者\s*[:：为是]?\s*(.+?)(?:[，,]\s*原文|[，,]?\s*(?:首发|发表)于|。|$)`)
	reZhEntrySep = regexp.MustCompile(`[;；]`)
	reHanName    = regexp.MustCompile(`^\p{Han}{2,4}$`)
	reZhParenSep = regexp.MustCompile(`[)）]\s*[、，,]\s*`)
)

// zhRoles maps Chinese position titles to their English forms; longer
// titles are matched first.
var zhRoles = map[string]string{
	"副研究员": "associate research fellow", "研究员": "research fellow", "助理研究员": "assistant research fellow",
	"高级研究员": "senior research fellow", "特约研究员": "special research fellow", "首席研究员": "chief research fellow",
	"客座研究员": "visiting research fellow", "教授": "professor", "副教授": "associate professor", "讲师": "lecturer",
	"特聘教授": "distinguished professor", "所长": "director-general", "副所长": "deputy director-general",
	"院长": "dean", "副院长": "vice-dean", "主任": "director", "副主任": "deputy director", "博士生": "doctoral candidate",
	"博士研究生": "doctoral candidate", "研究生": "graduate student", "记者": "reporter", "特约评论员": "contributing commentator",
	"评论员": "commentator", "编辑": "editor", "主编": "editor-in-chief", "秘书长": "secretary-general", "大使": "ambassador",
	"学者": "scholar", "专家": "expert", "首席专家": "chief expert", "博士后": "postdoctoral fellow",
	"理事长": "chairman", "会长": "president", "副会长": "vice-president", "研究助理": "research assistant",
}

var zhRoleList = func() []string {
	var l []string
	for k, v := range zhRoles {
		if v != "" {
			l = append(l, k)
		}
	}
	// longest first so that 副研究员 wins over 研究员
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && len([]rune(l[j])) > len([]rune(l[j-1])); j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
	return l
}()

// zhReprint reads a Chinese reprint header line (source outlet, original
// title, authors with affiliations, first publication date). It reports
// false for lines that are not such a header.
func (x *extraction) zhReprint(t string) bool {
	if len(t) > 2000 || !hasHan(t) || !reZhMarker.MatchString(t) || hanShare(t) < 0.3 {
		return false
	}
	doc := x.doc
	if m := reZhSource.FindStringSubmatch(t); m != nil && doc.ReprintedFrom == "" {
		doc.ReprintedFrom = strings.TrimSpace(m[1] + m[2] + m[3])
	}
	if m := reZhOrigT.FindStringSubmatch(t); m != nil && doc.OriginalTitle == "" {
		doc.OriginalTitle = strings.TrimSpace(m[1])
	}
	if m := reZhFirstPub.FindStringSubmatch(t); m != nil {
		x.published = m[1]
	} else if m := reZhDate.FindString(t); m != "" && x.published == "" {
		x.published = m
	}
	if m := reZhAuthors.FindStringSubmatch(t); m != nil {
		x.zhAuthors = append(x.zhAuthors, parseZhAuthors(m[1])...)
	}
	return true
}

// parseZhAuthors reads "张三,某大学教授;李四,某研究所研究员" and
// "张三、李四".
func parseZhAuthors(s string) []zhAuthor {
	// "张三（某大学教授）、李四（某研究所研究员）": entries end at the
	// closing parenthesis.
	s = reZhParenSep.ReplaceAllString(s, "）；")
	var out []zhAuthor
	for _, entry := range reZhEntrySep.Split(s, -1) {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		if fields := strings.Fields(entry); len(fields) > 1 && allNames(fields) {
			for _, f := range fields {
				out = append(out, zhAuthor{nameZh: f})
			}
			continue
		}
		name, desc := entry, ""
		if i := strings.IndexAny(entry, ",，:：(（ "); i > 0 {
			name, desc = entry[:i], strings.Trim(entry[i:], ",，:：(（)） ")
		}
		if !reHanName.MatchString(name) {
			// "张三、李四" — several bare names
			parts := strings.Split(entry, "、")
			if len(parts) > 1 {
				for _, p := range parts {
					if p = strings.TrimSpace(p); reHanName.MatchString(p) {
						out = append(out, zhAuthor{nameZh: p})
					}
				}
				continue
			}
			// "某研究所研究员张三": title, then name
			if n, d, ok := nameAfterRole(entry); ok {
				name, desc = n, d
			} else {
				continue
			}
		}
		desc = strings.Trim(reZhDate.ReplaceAllString(desc, ""), ",，。:：()（）【】 ")
		a := zhAuthor{nameZh: name}
		a.affiliation, a.role, a.roleEn = splitZhDesc(desc)
		out = append(out, a)
	}
	return out
}

// allNames reports whether every field is a bare Chinese name (two to
// four Han characters, not a position title).
func allNames(fields []string) bool {
	for _, f := range fields {
		if !reHanName.MatchString(f) || zhRoles[f] != "" {
			return false
		}
	}
	return true
}

// nameAfterRole splits "某研究所研究员张三" into name and description.
func nameAfterRole(entry string) (name, desc string, ok bool) {
	for _, role := range zhRoleList {
		if i := strings.LastIndex(entry, role); i > 0 {
			n := entry[i+len(role):]
			if reHanName.MatchString(n) {
				return n, entry[:i+len(role)], true
			}
		}
	}
	return "", "", false
}

// splitZhDesc splits "中国社会科学院日本研究所副所长、研究员" into the
// institution and the titles, and translates the titles.
func splitZhDesc(desc string) (aff, role, roleEn string) {
	rest := strings.TrimSpace(desc)
	var roles []string
	for {
		rest = strings.TrimRight(rest, "、,，和及与 ")
		found := false
		for _, r := range zhRoleList {
			if strings.HasSuffix(rest, r) {
				roles = append([]string{r}, roles...)
				rest = strings.TrimSuffix(rest, r)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	var en []string
	for _, r := range roles {
		en = append(en, zhRoles[r])
	}
	return strings.TrimSpace(rest), strings.Join(roles, "、"), strings.Join(en, " and ")
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// hanShare is the share of Han characters among the letters of s.
func hanShare(s string) float64 {
	var han, letters int
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Han, r) {
				han++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(han) / float64(letters)
}
