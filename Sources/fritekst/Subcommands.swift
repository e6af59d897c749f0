import ArgumentParser

/// Every subcommand, in the order `fritekst --help` lists them.
let allSubcommands: [any ParsableCommand.Type] = [
  TokensCommand.self,
  CheckCommand.self,
  ExplainCommand.self,
  SurveyCommand.self,
  CodeCommand.self,
  ReportCommand.self,
  ExportCommand.self,
  AgreeCommand.self,
  UncodedCommand.self,
  DiffCommand.self,
]
