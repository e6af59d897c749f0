/// # FritekstAnalysis
///
/// Codes a survey with one or more compiled codebooks, tallies respondents per code and size
/// band with honest denominators, and selects quotes — all as values; printing is
/// `FritekstReport`'s job.
///
/// ```swift
/// let reader = try SurveyReader(path: "Corpora/demo-is248.csv", options: options, registry: registry)
/// let coder = Coder(codebooks: [compiled])
/// var tally = Tally(codebooks: [compiled.codebook], bands: options.bands)
/// while let batch = try reader.nextBatch(maxAnswers: 4096) {
///   for coded in coder.code(batch) { tally.add(coded) }
/// }
/// ```
///
/// ## Counting policy
/// - The unit is the **respondent** (a municipality or Oslo district): a respondent whose answer
///   to a question carries a code one or more times counts once for that code and question.
/// - Parent codes are counted from their children: a respondent counts once for the parent when
///   any child (or the parent itself) was assigned.
/// - The denominator of a question is the number of respondents who answered it (non-answers
///   such as "-" or "vet ikke" are not answers); non-answers and uncoded answers get rows of
///   their own, so every respondent is accounted for.
