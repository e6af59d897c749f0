import Dispatch
import FritekstCodebook
import FritekstSurvey
import FritekstText

/// Codes survey records with compiled codebooks, using every core.
///
/// Each worker thread owns a tokenizer and one ``MatchSession`` per codebook, kept for the whole
/// run so the per-word caches stay warm; the compiled codebooks are shared read-only. Output
/// order always equals input order, so results do not depend on scheduling.
public final class Coder: @unchecked Sendable {
  public let codebooks: [CompiledCodebook]
  private let workers: [Worker]

  final class Worker {
    let tokenizer: Tokenizer
    let sessions: [MatchSession]
    init(_ codebooks: [CompiledCodebook]) throws(ICUError) {
      tokenizer = try Tokenizer()
      sessions = codebooks.map { $0.makeSession() }
    }

    func code(_ answer: Answer, ids: [String]) -> CodedAnswer {
      let tokenized = tokenizer.tokenize(answer.text)
      var hits: [AnswerHit] = []
      for (i, session) in sessions.enumerated() {
        for h in session.match(tokenized) {
          let first = tokenized.sentences[tokenized.tokens[h.tokens.first!].sentence].span
          let last = tokenized.sentences[tokenized.tokens[h.tokens.last!].sentence].span
          hits.append(AnswerHit(hit: h, codebookID: ids[i], sentence: first.union(last)))
        }
      }
      if sessions.count > 1 { hits.sort { $0.hit.tokens[0] < $1.hit.tokens[0] } }
      return CodedAnswer(answer, hits: hits)
    }
  }

  /// - Parameter threads: worker count; defaults to the number of active cores.
  public init(codebooks: [CompiledCodebook], threads: Int? = nil) throws(ICUError) {
    self.codebooks = codebooks
    let n = max(1, threads ?? ProcessInfoCores.active)
    var w: [Worker] = []
    for _ in 0..<n { w.append(try Worker(codebooks)) }
    workers = w
  }

  /// Codes a batch of records in parallel; the result keeps the input order. Non-answers come
  /// back as `.nonAnswer` entries in column order with the answers.
  public func code(_ records: [SurveyRecord]) -> [CodedRecord] {
    let ids = codebooks.map(\.codebook.id)
    let answers = records.flatMap(\.answers)
    var coded = [CodedAnswer?](repeating: nil, count: answers.count)
    let chunks = min(workers.count, max(1, answers.count))
    coded.withUnsafeMutableBufferPointer { out in
      let base = UnsafeMutableSendable(out)
      DispatchQueue.concurrentPerform(iterations: chunks) { w in
        let worker = workers[w]
        var i = w
        while i < answers.count {
          base.buffer[i] = worker.code(answers[i], ids: ids)
          i += chunks
        }
      }
    }
    var next = 0
    return records.map { record in
      var byColumn: [(Int, CodedAnswer)] = []
      for _ in record.answers {
        let c = coded[next]!
        byColumn.append((c.column, c))
        next += 1
      }
      for n in record.nonAnswers {
        byColumn.append((n.column, CodedAnswer(n)))
      }
      byColumn.sort { $0.0 < $1.0 }
      return CodedRecord(respondent: record.respondent, answers: byColumn.map(\.1))
    }
  }
}

/// Lets worker threads write disjoint slots of one buffer.
struct UnsafeMutableSendable<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ b: UnsafeMutableBufferPointer<T>) { buffer = b }
}

enum ProcessInfoCores {
  static var active: Int {
    #if os(Linux)
      return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    #else
      return 2
    #endif
  }
}

#if os(Linux)
  import Glibc
#endif
