// Package text splits document text into sentences and tokens.
//
// Tokens follow the conventions of Universal Dependencies English-EWT
// (v2.16): clitics are split into syntactic words ("don't" → "do" "n't",
// "can't" → "ca" "n't", "Japan's" → "Japan" "'s", "gonna" → "gon" "na"),
// abbreviations keep their period ("U.S.", "Sept.", "Mr."), numbers keep
// their decimal point and thousands separators, URLs and e-mail addresses
// stay whole, and hyphenated compounds are split at the hyphen ("Japan-US"
// → "Japan" "-" "US") unless the first part is a bound prefix such as
// "non-", "pre-", "anti-" or "e-".
//
// Every offset is a byte offset into the text given to Segment (or, for
// Tokenize, into its argument plus base), half-open [Start, End). A
// syntactic word cut out of a multiword token ("n't" of "don't") gets the
// byte span of its part of the surface token, so Text[Start:End] equals
// Form for every token. Text is never modified: curly quotes, dashes,
// ellipses and CJK pass through as they are, and invalid UTF-8 becomes
// its own token without splitting a valid sequence.
//
// The sentence splitter works on the token stream: final punctuation
// (". ? ! … ?! 。"), closing quotes and brackets that follow it, blank
// lines and line breaks (a line without final punctuation, such as a
// headline, is a sentence of its own), with a compiled abbreviation list,
// initials and enumerations keeping sentences together. Two kinds of line
// break do not end a sentence: one followed by a lower-case word (a
// wrapped line), and, in hard-wrapped text (newswire archives, e-mail:
// most lines filled to a common width), any line break that is not
// followed by an indented line (which starts a paragraph).
//
// EvalTokens and EvalSentences score the tokenizer and the splitter
// against UD CoNLL-U files (see TestEWT for the figures on EWT).
package text
