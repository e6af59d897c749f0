/// # FritekstCodebook
///
/// Codebooks as researchers write them (YAML, see `Codebooks/README.md`), checked like code and
/// compiled into a fast matcher whose every decision can be explained.
///
/// The flow is file → ``CodebookLoader`` (YAML with `file:line:col` on every value, all problems
/// collected as ``Diagnostic`` values) → ``Codebook`` (validated, normalised) →
/// ``CompiledCodebook`` (immutable, `Sendable`) → ``MatchSession`` (one per thread; caches what
/// each distinct word matched) → ``CodeHit`` values with token ranges and UTF-16 spans.
///
/// ```swift
/// let result = CodebookLoader.load(path: "Codebooks/rekruttering.yaml")
/// for d in result.diagnostics { print(d) }          // path:line:col: error|warning: message
/// let compiled = CompiledCodebook(result.codebook!)  // only when !result.diagnostics.hasErrors
/// let session = compiled.makeSession()
/// let text = try Tokenizer().tokenize("Vi mangler psykolog.")
/// for hit in session.match(text) { print(hit.codeID, hit.ruleID, hit.spans) }
/// ```
///
/// ## Matching policy
/// 1. **Terms.** A term is one or more space-separated elements, matched against consecutive
///    tokens of one sentence: `word` (exact normalised form), `word*` (prefix), `*word`
///    (suffix), `*word*` (infix), `(a|b*)` (any of), `*` (any one token) and `...` / `...N`
///    (a gap of 0–3 / 0–N tokens). Every term match is found, including overlapping ones.
/// 2. **Rules.** `match:` fires on each match of any of its terms; `all:` fires when every
///    group has a match in the same answer (or sentence, `scope: sentence`); `near:` fires for
///    each pair of matches from its two sides at most `within` tokens apart (tokens strictly
///    between them, either order; this may cross sentence ends) or in the same sentence
///    (`within: sentence`).
/// 3. **Exclusions** veto a candidate when an exclusion term match overlaps one of its tokens
///    (`exclude_scope: overlap`, the default), lies in the same sentence, or anywhere in the
///    answer.
/// 4. **Negation** vetoes a candidate when, for any of its term matches, a cue ends at most
///    `window` tokens before the match's first token, starts at most `after` tokens after its
///    last token, or sits in a gap inside it — always within the same sentence (negation never
///    crosses a sentence end). Cues that are part of an ignored phrase ("ikke bare",
///    "ikke minst") do not negate.
/// 5. **Per code**, surviving candidates are taken longest first (then leftmost); a candidate
///    that shares a token with one already taken is dropped, so a token counts once per code.
///    **Codes fire independently**: the same token can carry several codes.
