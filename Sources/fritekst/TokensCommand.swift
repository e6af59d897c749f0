import ArgumentParser
import Foundation
import FritekstText

struct TokensCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokens",
    abstract: "Show the tokens (or sentences) the matcher sees, with UTF-16 spans.",
    discussion: """
      Each line is: token index, UTF-16 span start..<end, the surface text, and the normalised \
      form rules are matched against (NFC + case folded). With --sentences, each line is a \
      sentence index, its span and its text.
      """)

  @Argument(help: "The text to tokenise.")
  var text: String?

  @Option(name: .long, help: "Read the text from a UTF-8 file instead.")
  var file: String?

  @Flag(name: .long, help: "Print sentences instead of tokens.")
  var sentences = false

  @Option(name: .long, help: "Locale for ICU: nb (Bokmål) or nn (Nynorsk).")
  var language: String = "nb"

  func validate() throws {
    if (text == nil) == (file == nil) {
      throw ValidationError("give either TEXT or --file F (one of them)")
    }
    if Language(rawValue: language) == nil {
      throw ValidationError("--language must be nb or nn, not '\(language)'")
    }
  }

  func run() throws {
    Output.installPipeHandling()
    let input: String
    if let file {
      guard let data = FileManager.default.contents(atPath: file) else {
        Output.err("\(file): error: cannot read file\n")
        throw ExitCode(2)
      }
      do { input = try decodeUTF8([UInt8](data), file: file) } catch {
        Output.err("\(error.description)\n")
        throw ExitCode(2)
      }
    } else {
      input = text!
    }
    let tokenizer = try Tokenizer(language: Language(rawValue: language)!)
    let result = tokenizer.tokenize(input)
    var out = ""
    if sentences {
      for s in result.sentences {
        out += "\(s.index)\t\(s.span)\t\(visible(String(s.span.substring(of: input))))\n"
      }
    } else {
      for t in result.tokens {
        out += "\(t.index)\t\(t.span)\t\(visible(t.surface))\t\(t.normalized)\n"
        if out.utf8.count > 1 << 16 {
          Output.out(out)
          out = ""
        }
      }
    }
    Output.out(out)
  }

  /// Shows line breaks and tabs inside a sentence as ⏎ and ⇥ so each record stays on one line.
  private func visible(_ s: String) -> String {
    s.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
      .replacingOccurrences(of: "\r", with: "⏎").replacingOccurrences(of: "\t", with: "⇥")
  }
}
