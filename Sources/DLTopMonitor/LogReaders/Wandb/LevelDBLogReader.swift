/// Splits a growing `.wandb` file into its records: LevelDB's log format as W&B writes it.
///
/// The file opens with a 7-byte header (`:W&B`, magic `0xBEE1` little-endian, version 0). The rest
/// is cut in blocks of 32 KiB counted from the start of the file. Each fragment has a 7-byte header
/// — CRC-32 (`uint32` LE) of the type byte followed by the data, data length (`uint16` LE), type
/// (1 full, 2 first, 3 middle, 4 last) — then its data; a record longer than the room left in a
/// block continues in first/middle/last fragments. Fewer than 7 bytes left in a block are zero padding.
///
/// Damage is reported, never fatal, and every record before it is kept: a fragment whose checksum
/// fails (a flipped byte) or whose header is impossible is reported with its file offset, and the
/// reader skips to the next block boundary, where fragments are aligned again (LevelDB's own
/// recovery); the continuation fragments of a record cut by the damage are dropped. Bytes at the end
/// that do not make a complete fragment wait for more (`feed`) or are reported (`finish`).
package struct LevelDBLogReader: Sendable {
  /// A fragment that failed a check, or an unfinished tail.
  package struct Problem: Sendable, Equatable {
    /// Byte offset in the file where the bad fragment (or the unfinished record) starts.
    package var offset: Int
    package var message: String
  }

  package static let blockLength = 32768
  package static let headerLength = 7
  package static let fileHeader: [UInt8] = Array(":W&B".utf8) + [0xE1, 0xBE, 0x00]

  private enum FragmentType: UInt8 {
    case full = 1
    case first = 2
    case middle = 3
    case last = 4
  }

  /// Bytes received but not consumed; `pending[0]` is at file offset `pendingOffset`.
  private var pending: [UInt8] = []
  private var pendingOffset = 0
  /// Data of a record begun by a `first` fragment, and where that record started.
  private var assembling: [UInt8]?
  private var assemblingOffset = 0
  private var checkedHeader = false
  /// Per-type CRC seeds: the CRC-32 of the type byte alone.
  private static let typeSeeds: [UInt32] = (0..<5).map { CRC32.checksum([UInt8($0)]) }

  package init() {}

  /// File offset of the first byte not yet consumed.
  package var consumedOffset: Int { pendingOffset }

  /// Appends `bytes` and calls `record(data, offset)` for every complete, intact record.
  /// - Returns: the problems found.
  package mutating func feed(_ bytes: ArraySlice<UInt8>, record: ([UInt8], Int) -> Void)
    -> [Problem]
  {
    pending.append(contentsOf: bytes)
    var problems: [Problem] = []
    if !checkedHeader {
      guard pending.count >= Self.headerLength else { return [] }
      checkedHeader = true
      if !pending.starts(with: Self.fileHeader.prefix(4)) {
        problems.append(Problem(offset: 0, message: "not a W&B run file (no :W&B header)"))
        pendingOffset = pending.count
        pending.removeAll()
        skipEverything = true
        return problems
      }
      consume(Self.headerLength)
    }
    if skipEverything {
      pendingOffset += pending.count
      pending.removeAll()
      return []
    }
    applySkip()
    var position = 0
    let count = pending.count
    while true {
      let offset = pendingOffset + position
      let roomInBlock = Self.blockLength - offset % Self.blockLength
      if roomInBlock < Self.headerLength {
        guard count - position >= roomInBlock else { break }
        position += roomInBlock
        continue
      }
      guard count - position >= Self.headerLength else { break }
      let length = Int(pending[position + 4]) | Int(pending[position + 5]) << 8
      let typeByte = pending[position + 6]
      if length == 0 && typeByte == 0 {
        // Zero padding written up to the block's end (a preallocated or padded tail).
        let rest = roomInBlock
        guard count - position >= rest else { break }
        position += rest
        continue
      }
      guard let type = FragmentType(rawValue: typeByte), Self.headerLength + length <= roomInBlock
      else {
        problems.append(
          Problem(
            offset: offset,
            message:
              "bad fragment header (type \(typeByte), length \(length)); skipping to the next 32 KiB block"
          ))
        guard count - position >= roomInBlock else {
          // Skip what we have; the rest of the block arrives later.
          skipToBlockEnd = offset + roomInBlock
          position = count
          break
        }
        position += roomInBlock
        assembling = nil
        continue
      }
      guard count - position >= Self.headerLength + length else { break }
      let stored =
        UInt32(pending[position]) | UInt32(pending[position + 1]) << 8
        | UInt32(pending[position + 2]) << 16 | UInt32(pending[position + 3]) << 24
      let dataStart = position + Self.headerLength
      let computed = pending.withUnsafeBytes { raw in
        CRC32.checksum(
          UnsafeRawBufferPointer(rebasing: raw[dataStart..<dataStart + length]),
          continuing: Self.typeSeeds[Int(typeByte)])
      }
      if computed != stored {
        problems.append(
          Problem(
            offset: offset, message: "bad checksum; skipping to the next 32 KiB block"))
        assembling = nil
        guard count - position >= roomInBlock else {
          skipToBlockEnd = offset + roomInBlock
          position = count
          break
        }
        position += roomInBlock
        continue
      }
      let data = pending[dataStart..<dataStart + length]
      switch type {
      case .full:
        assembling = nil
        record(Array(data), offset)
      case .first:
        assembling = Array(data)
        assemblingOffset = offset
      case .middle:
        assembling?.append(contentsOf: data)
      case .last:
        if var whole = assembling {
          whole.append(contentsOf: data)
          record(whole, assemblingOffset)
        }
        assembling = nil
      }
      position += Self.headerLength + length
    }
    consume(position)
    return problems
  }

  /// The stream ended: an unfinished fragment or record is reported.
  package mutating func finish() -> [Problem] {
    defer {
      pendingOffset += pending.count
      pending.removeAll()
      assembling = nil
    }
    if !checkedHeader && !pending.isEmpty {
      return [Problem(offset: 0, message: "file ends inside the 7-byte header")]
    }
    if assembling != nil {
      return [Problem(offset: assemblingOffset, message: "file ends inside a record")]
    }
    let meaningful = pending.contains { $0 != 0 }
    guard meaningful else { return [] }
    return [
      Problem(
        offset: pendingOffset,
        message: "file ends inside a record (\(pending.count) bytes of an unfinished fragment)")
    ]
  }

  /// Set when the file is not a W&B file: nothing more is read.
  private var skipEverything = false
  /// A block end to skip to, when the damaged block's rest had not arrived yet.
  private var skipToBlockEnd: Int?

  private mutating func consume(_ count: Int) {
    pending.removeFirst(min(count, pending.count))
    pendingOffset += count
    applySkip()
  }

  /// Drops bytes up to `skipToBlockEnd`, as far as they have arrived.
  private mutating func applySkip() {
    if let target = skipToBlockEnd {
      let drop = min(target - pendingOffset, pending.count)
      if drop > 0 {
        pending.removeFirst(drop)
        pendingOffset += drop
      }
      if pendingOffset >= target { skipToBlockEnd = nil }
    }
  }
}
