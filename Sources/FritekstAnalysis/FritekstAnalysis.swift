/// # FritekstAnalysis
///
/// Codes a survey with one or more compiled codebooks, tallies respondents per code and size
/// band with honest denominators, and selects quotes — all as values; printing is
/// `FritekstReport`'s job.
///
/// ```swift
/// let reader = try SurveyReader(path: "Corpora/demo-is248.csv", options: options, registry: registry)
/// let coder = try Coder(codebooks: [compiled])
/// var run = RunAccumulator(codebooks: [compiled.codebook], bands: options.bands.all, groupColumn: nil,
///                          quoteUnit: .sentence, selection: .top(5, seed: nil))
/// var batch: [SurveyRecord] = []
/// while let record = try reader.next() { batch.append(record) }
/// for coded in coder.code(batch) { run.add(coded) }
/// run.finish(reader.report)
/// print(run.tally.cell("yrke.psykolog", question: "rekruttering", band: nil))
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
