// FritekstSurvey: CSV / XLSX / JSONL survey readers, the municipality registry and size bands.
//
// The module depends only on Foundation, FoundationXML and ZIPFoundation. It never prints or
// exits: readers return records and a `ReadingReport`, and problems are `SurveyError` values.
