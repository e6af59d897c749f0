/// # FritekstText
///
/// The text layer every other Fritekst module stands on: ICU word and sentence segmentation,
/// the one normalisation used for corpus and codebook alike (NFC + Unicode case folding), and
/// UTF-16 spans into the original answer that travel unchanged from tokeniser to printed quote.
///
/// This is the only Swift module that talks to ICU (through the `CICUShim` C target, whose public
/// header exposes no ICU types; see `Package.swift`).
///
/// ```swift
/// let tokenizer = try Tokenizer(language: .bokmal)
/// let text = tokenizer.tokenize("Vi mangler psykolog og e-post.")
/// for token in text.tokens {
///   print(token.index, token.span, token.surface, token.normalized)
/// }
/// // 0 0..<2 Vi vi
/// // 1 3..<10 mangler mangler
/// // 2 11..<19 psykolog psykolog
/// // 3 20..<22 og og
/// // 4 23..<29 e-post e-post
/// ```
///
/// ## Token policy
/// - A token is a word or a number from ICU's word break iterator (rule status ≥ 100).
///   Whitespace, punctuation, symbols and emoji are not tokens; their code units are simply
///   skipped, so spans of later tokens stay exact.
/// - **Hyphenated compounds are one token.** Letters or digits joined by a hyphen with no space
///   ("e-post", "ROP-lidelser", "DPS-et", "ikke-vestlige") form one token whose normalised form
///   keeps the hyphen ("rop-lidelser"). Globs see the hyphen as an ordinary character, so
///   `rop*` matches "ROP-lidelser" and `dps*` matches "DPS-en".
/// - **Elided compounds stand for their first part.** A word followed directly by a hyphen and
///   then a space, comma or the end ("rus- og psykisk helsearbeid", "barne- og ungdomsskole")
///   is one token "rus-" whose span includes the hyphen and whose normalised form is "rus"
///   (the hyphen dropped), so the rules `rus` and `rus*` both match it. The elided second part
///   is not reconstructed.
/// - **Abbreviations lose their period.** "psyk." is the token "psyk"; the period is
///   punctuation (and may end a sentence for ICU). Write abbreviation rules without the period.
/// - **Numbers are tokens, signs are not.** "50%" is the number token "50"; "%" is skipped.
/// - Normalised form: NFC, then full Unicode case folding, then NFC again. The same answer in
///   NFC and NFD ("å" or "a" + U+030A) yields identical normalised tokens; the spans still point
///   into the original (NFD) string. Diacritics are kept (å ≠ a).
