package text

import "strings"

// Abbreviation classes: how a word that keeps its period behaves at a
// possible sentence boundary.
const (
	abbrNone  uint8 = iota
	abbrTitle       // precedes a name: never ends a sentence (Mr. Gen. Sen.)
	abbrNum         // keeps its period only before a number (No. 10, Vol. 3)
	abbrMonth       // month names (Sept. 11)
	abbrInner       // never ends a sentence (e.g. i.e. vs. cf.)
	abbrOther       // may end a sentence (Inc. Corp. etc. Jr.)
)

// The lists are compiled for dyad (own work). Matching is case-sensitive
// on the form without its period; the period-internal forms ("U.S",
// "a.m", "e.g") are recognized by shape, not listed.
var abbrevList = [...]struct {
	class uint8
	words string
}{
	{abbrTitle, `Mr Mrs Ms Messrs Mmes Mme Mlle Dr Drs Prof Profs Sen Sens Rep Reps Gov Govs
		Lt Col Gen Gens Maj Capt Cmdr Cdr Adm Sgt Cpl Pvt Brig Rev Revs Hon Pres Amb Insp Supt
		Det Atty Attn Sec Secy Fr Msgr Sr Sra Srta Mt Ft St Ste Gen Lieut Comdr Cmdt Mssrs Rt
		MR MRS MS DR PROF SEN REP GOV GEN COL LT CAPT`},
	{abbrNum, `No Nos no nos Vol Vols vol vols pp Pp Art art Fig fig Figs figs Ch ch Chap chap
		Sec sec Para para ext Ext Op op Nr nr Ex ex Tel tel Ph ph Rm rm Apt apt`},
	{abbrMonth, `Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec JAN FEB MAR APR JUN JUL AUG
		SEP SEPT OCT NOV DEC`},
	{abbrInner, `vs v cf viz approx Approx ca incl Incl esp Esp resp ibid Ibid op`},
	{abbrOther, `Inc Corp Co Cos Ltd Bros Jr Sr Esq Plc PLC Pty Assn Assoc Dept Depts Div Univ Inst Intl
		Natl Govt Admin Ave Blvd Rd Hwy Pkwy Sq Ct Ln Dist Mfg Hosp Gaz Mon Tue Tues Wed Thu Thurs Thur Fri Sat Sun
		etc al et seq sq cont Cont est Est min max misc Misc yr yrs mo mos hr hrs wk wks
		Ala Ariz Ark Calif Cal Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn
		Miss Mo Mont Neb Nebr Nev Okla Ore Oreg Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo
		INC CORP CO LTD JR`},
}

var abbrevs = func() map[string]uint8 {
	m := make(map[string]uint8, 256)
	for _, l := range abbrevList {
		for _, w := range strings.Fields(l.words) {
			if _, dup := m[w]; !dup {
				m[w] = l.class
			}
		}
	}
	return m
}()

// abbrevClass returns the class of w (without its period), abbrNone when
// w is not a listed abbreviation.
func abbrevClass(w string) uint8 {
	if len(w) == 0 || len(w) > 8 {
		return abbrNone
	}
	return abbrevs[w]
}

// starters are capitalized words that commonly begin a sentence: after an
// abbreviation or initial that may end a sentence, the sentence ends only
// when the next word is one of these (a name after "Inc." or "W." does not
// end it).
var starters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`The A An This That These Those It Its He She They We I You His Her
		Their Our My Your There Here But And Or Nor So Yet If When While After Before As Since Because
		Although Though However Meanwhile In On At For With By From To Of Under Over During Also Still
		Then Now Today Yesterday Tomorrow Some Many Most All Both Each Every No Not None One Other
		Others Such What Who Whom Whose Where Why How Which Mr Mrs Ms Dr Last Next Earlier Later Despite
		Even Only Just Instead Indeed Thus Therefore Moreover Furthermore Besides Overall Once Unlike
		Like Until Unless Whether Please Thanks Thank Let Do Does Did Is Are Was Were Has Have Had Can
		Could Will Would Should May Might Must Yes Among Against Without Within About Above Below
		Another Any Several Few More Much Neither Either Sources Officials Analysts Police Critics`) {
		m[w] = true
	}
	return m
}()
