/// # FritekstReport
///
/// Printers for coding results: `coded.jsonl`/`coded.csv` (one record per answer, with every
/// hit's code, rule, matched text and span), `tally.csv`/`tally.md` (respondents per code and
/// size band with denominators), `quotes.md`/`quotes.csv` (highlighted from hit spans) and
/// `summary.json`. Printers take values from `FritekstAnalysis` and return strings; they never
/// touch the matcher and never write files themselves. Output is deterministic: fixed key order,
/// fixed number formatting, no timestamps.
