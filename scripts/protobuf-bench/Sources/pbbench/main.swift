import Foundation
import SwiftProtobuf

// Measures decoding the history records of a real .wandb file (written by wandb 0.31): the
// hand-written wire decoder of dltop against swift-protobuf 1.39.0 messages, same records, same run.
let path = CommandLine.arguments[1]
let data = [UInt8](FileManager.default.contents(atPath: path)!)
var records: [[UInt8]] = []
var position = 7
var assembling: [UInt8]? = nil
while position + 7 <= data.count {
  let room = 32768 - position % 32768
  if room < 7 { position += room; continue }
  let length = Int(data[position + 4]) | Int(data[position + 5]) << 8
  let type = data[position + 6]
  if length == 0 && type == 0 { position += room; continue }
  let payload = Array(data[position + 7..<position + 7 + length])
  switch type {
  case 1: records.append(payload)
  case 2: assembling = payload
  case 3: assembling? += payload
  case 4: if let a = assembling { records.append(a + payload) }; assembling = nil
  default: break
  }
  position += 7 + length
}
let totalBytes = records.reduce(0) { $0 + $1.count }
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
let clock = ContinuousClock()
let rounds = 30
var best = (hand: Double.infinity, swiftProtobuf: Double.infinity)
var checksum = (hand: 0.0, swiftProtobuf: 0.0)
for _ in 0..<5 {
  var sum = 0.0
  let hand = clock.measure {
    for _ in 0..<rounds {
      for record in records {
        if case .history(_, let values)? = try? WandbRecordDecoder.decode(record[...]) {
          sum += values["batch/loss"] ?? values["loss"] ?? 0
        }
      }
    }
  }
  checksum.hand = sum
  best.hand = min(best.hand, seconds(hand))
  sum = 0
  let library = clock.measure {
    for _ in 0..<rounds {
      for record in records {
        guard let message = try? Record(serializedBytes: record), let history = message.history else { continue }
        var values: [String: Double] = [:]
        for item in history.item {
          let key = item.key.isEmpty ? item.nestedKey.joined(separator: ".") : item.key
          if let number = Double(item.valueJSON) { values[key] = number }
        }
        sum += values["batch/loss"] ?? values["loss"] ?? 0
      }
    }
  }
  checksum.swiftProtobuf = sum
  best.swiftProtobuf = min(best.swiftProtobuf, seconds(library))
}
let mb = Double(totalBytes * rounds) / 1e6
print("records \(records.count), \(totalBytes) bytes, \(rounds) rounds; same results: \(checksum.hand == checksum.swiftProtobuf)")
print(String(format: "hand-written decoder: %.1f MB/s; swift-protobuf 1.39.0: %.1f MB/s; ratio %.2f", mb / best.hand, mb / best.swiftProtobuf, best.swiftProtobuf / best.hand))
