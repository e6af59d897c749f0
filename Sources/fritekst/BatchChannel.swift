import Foundation
import FritekstSurvey

/// A bounded hand-over of survey batches from a reader thread to the coding loop, so reading
/// and parsing the next rows overlaps with coding the current ones. Holds at most `capacity`
/// batches: memory stays bounded however large the file is.
final class BatchChannel: @unchecked Sendable {
  enum Item {
    case batch([SurveyRecord], fraction: Double?)
    case end
    case failure(any Error)
  }

  private let condition = NSCondition()
  private var items: [Item] = []
  private let capacity: Int
  private var cancelled = false

  init(capacity: Int = 2) { self.capacity = capacity }

  /// Blocks while the channel is full. Returns false when the consumer has gone away.
  @discardableResult
  func put(_ item: Item) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= capacity && !cancelled { condition.wait() }
    if cancelled { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  /// Blocks until an item is available.
  func take() -> Item {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty { condition.wait() }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }

  /// Tells a blocked producer to stop (the consumer failed).
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  /// Reads `reader` on a new thread in batches of about `answers` answers.
  static func reading(_ reader: SurveyReader, answers: Int) -> BatchChannel {
    let channel = BatchChannel()
    let box = ReaderBox(reader)
    let thread = Thread {
      var batch: [SurveyRecord] = []
      var count = 0
      do {
        while let record = try box.reader.next() {
          batch.append(record)
          count += record.answers.count
          if count >= answers {
            if !channel.put(.batch(batch, fraction: box.reader.fractionRead)) { return }
            batch = []
            count = 0
          }
        }
        if !batch.isEmpty && !channel.put(.batch(batch, fraction: box.reader.fractionRead)) { return }
        channel.put(.end)
      } catch {
        channel.put(.failure(error))
      }
    }
    thread.stackSize = 8 << 20
    thread.start()
    return channel
  }
}

/// The reader is used by the reader thread only until it sends `.end`; the consumer reads the
/// final report after receiving `.end` (ordered by the channel's lock).
private struct ReaderBox: @unchecked Sendable {
  let reader: SurveyReader
  init(_ r: SurveyReader) { reader = r }
}
