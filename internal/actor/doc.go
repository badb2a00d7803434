// Package actor knows who the actors of international news are and finds
// them in parsed sentences.
//
// The knowledge base (KB) is compiled by `dyad build-dict` (Build) from
// open sources in ../shared — country names, codes, demonyms and capitals
// (mledoze/countries, ODbL); the Phoenix/PETRARCH actor and agent
// dictionaries (MIT, Open Event Data Alliance); REIGN's leader list and
// Archigos 4.1's tenures, placed by text_to_CAMEO's COW→ISO table (MIT);
// international organizations and acronyms (dieghernan/Country-Codes-and-
// International-Organizations, MIT); GDELT's CAMEO known-group table — and
// from curated tables in data/curated (our own: short names, seats of
// power, organizations and their bodies, role nouns and titles, and office
// holders brought up to 2026, each row with its source). The compiled
// form, data/kb.tsv.gz, is embedded; Load parses it once. Entries are
// phrases with a kind (country, capital, org, person, role, group,
// anaphor, pronoun), a CAMEO code and, for people, the dates of each
// office. Offices left open in an old source are known only up to the
// source's date (Phoenix 2014-01-30, REIGN 2021-03-01, Archigos 2015);
// after it such a person gets the country's code without a sector, unless
// a title in the text gives one.
//
// The recognizer (Doc.Mentions) works on the tokens of a sentence (forms,
// offsets; a dependency tree when present):
//
//  1. words: tokens lowercased, periods dropped ("U.S." = "US"), diacritics
//     folded, hyphenated tokens split ("Japan-US" → Japan, US; "non-NATO"
//     is blocked);
//  2. longest match of phrases in a word trie; acronyms must be written
//     in capitals ("US", not "us"), names capitalized;
//  3. each match is read on the date: a person's office valid that day
//     (curated rows first, then Phoenix, REIGN, Archigos; a person out of office is
//     a former official, role ELI; before their first office, just their
//     country); several readings → left unresolved;
//  4. noun phrases are composed: [country|demonym|capital|org ['s]]
//     [role…] [person | Capitalized Name], "role of [the] country", and an
//     organization's body ("NATO Summit", "Meeting of NATO Ministers of
//     Foreign Affairs"). Country + role gives country+sector codes (JPNGOV,
//     JPNMIL); an organization's head keeps the organization's code
//     (IGOWSTNAT, role empty). A title with a country and no name names
//     the office holder of the date ("the Japanese prime minister");
//  5. document state: a surname introduced in full resolves to the same
//     person later; a bare one-word name otherwise needs a curated office
//     holder with a distinctive surname ("Rutte") or a person of a country
//     the story names ("Howard" only in a story about Australia); "the two
//     sides" are the last two actors, "bilateral" the document's main dyad,
//     "the alliance" the last alliance named, "the country" the one country
//     of the last sentences, "the prime minister"/"the government" the
//     story's one dominant country, "it"/"its" the one candidate (or the
//     previous main-clause subject, with a tree; "it" only as a subject).
//     Every anaphor is resolved only when the candidate is unique.
//  6. names the dictionaries do not know: a surname after another given
//     name or a middle initial ("Gary Johnson", "Harry B. Harris") is
//     someone else, for the rest of the document unless a known full name
//     introduces it again; a given name (first words of the KB's full
//     names) before a country, demonym or capital, or any name before a
//     town Phoenix files under a country, makes it a surname ("Mark
//     Cuban", "Patty Murray"); "it"/"its" never stand for a person's
//     country; "Georgia" is the US state in US contexts ("Atlanta,
//     Georgia", "Georgia voters", a story about the US); a short acronym
//     only the long IGO list knows ("NEA") needs its name written out.
//
// With a dependency tree (internal/nlp) the recognizer also takes heads and
// prepositions from the tree, attaches titles in apposition to unknown
// names ("Ana Lopez, Chile's foreign minister") and matches through
// lemmas. Without one it works on tokens alone.
//
// Mentions carry Kind, the governing preposition and Loc (object of "in",
// "at" …), so that the coder can tell a place ("a liaison office in
// Tokyo") from an actor ("Tokyo protested").
package actor
