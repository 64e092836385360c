/// Splits a growing byte stream into TFRecord records, checking both masked CRC-32Cs.
///
/// A record is `uint64 length` (little-endian), `uint32 masked_crc32c(length bytes)`, `length` data
/// bytes, `uint32 masked_crc32c(data)`. Bytes arrive in arbitrary chunks and are framed where they
/// are; only a record cut by the chunk's end is copied, into `pending`, and completed from the
/// start of the next chunk.
///
/// Corruption is reported, never fatal:
/// - a bad *data* checksum: the length was verified by its own checksum, so the reader skips exactly
///   that record and goes on with the next one;
/// - a bad *length* checksum: the length cannot be trusted, so the reader resynchronizes by scanning
///   forward one byte at a time for the next position whose 8 bytes match the 4-byte masked CRC after
///   them (a false match has odds of 2⁻³² per position) and whose length is plausible. One problem is
///   reported per corrupt stretch, not one per byte scanned.
package struct TFRecordReader: Sendable {
  /// A record that failed a check, or bytes that could not be framed.
  package struct Problem: Sendable, Equatable {
    /// Byte offset in the file where the bad record (or the unframed stretch) starts.
    package var offset: Int
    package var message: String
  }

  /// Records longer than this are treated as corrupt lengths (event records are a few KB).
  package static let maximumRecordLength = 1 << 30

  /// Bytes received but not yet consumed; `pending[0]` is at file offset `pendingOffset`.
  private var pending: [UInt8] = []
  private var pendingOffset = 0
  /// Whether we are scanning for the next valid header after a bad length checksum.
  private var resyncing = false
  /// How checksums are computed (the bench compares the table with the processor's instruction).
  private let method: CRC32C.Method

  package init(checksum method: CRC32C.Method = .fastest) {
    self.method = method
  }

  /// File offset just past the last byte consumed (the start of the next record).
  package var consumedOffset: Int { pendingOffset }
  /// How many received bytes wait for the rest of their record.
  package var pendingByteCount: Int { pending.count }

  /// Frames `bytes` after what came before and calls `record(data, offset)` for every complete,
  /// intact record.
  /// - Returns: the problems found in this chunk.
  /// - Complexity: O(`bytes.count`) plus checksums; only the bytes of a record cut by a chunk's
  ///   end (or of a stretch being resynchronized) are copied.
  package mutating func feed(
    _ bytes: ArraySlice<UInt8>, record: (UnsafeRawBufferPointer, Int) -> Void
  ) -> [Problem] {
    var problems: [Problem] = []
    var rest = bytes
    // First complete the waiting record with only the bytes it lacks.
    while !pending.isEmpty, !rest.isEmpty {
      let wanted = missingByteCount.map { min(max(1, $0), rest.count) } ?? rest.count
      pending.append(contentsOf: rest.prefix(wanted))
      rest = rest.dropFirst(wanted)
      let consumed = pending.withUnsafeBytes { buffer in
        scan(buffer, problems: &problems, record: record)
      }
      keepPending(from: consumed)
    }
    guard pending.isEmpty, !rest.isEmpty else { return problems }
    let consumed = rest.withUnsafeBytes { buffer in
      scan(buffer, problems: &problems, record: record)
    }
    pendingOffset += consumed
    // A fresh array for what is left (at most one record): a slice of the chunk would keep the
    // whole chunk alive (a megabyte per followed file, 200 MB for a folder of 200 runs).
    pending = Array(rest.dropFirst(consumed))
    return problems
  }

  /// How many more bytes the waiting record needs to be complete (first its header, then its
  /// data); nil while resynchronizing or when its length is not to be trusted.
  private var missingByteCount: Int? {
    guard !resyncing else { return nil }
    guard pending.count >= 12 else { return 12 - pending.count }
    let length = pending.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    let total = UInt64(littleEndian: length)
    guard total <= UInt64(Self.maximumRecordLength) else { return nil }
    return max(0, 16 + Int(total) - pending.count)
  }

  /// Drops the first `consumed` bytes of `pending`.
  private mutating func keepPending(from consumed: Int) {
    guard consumed > 0 else { return }
    pending = consumed == pending.count ? [] : Array(pending[consumed...])
    pendingOffset += consumed
  }

  /// The stream ended: bytes of an unfinished record are reported and dropped.
  package mutating func finish() -> [Problem] {
    guard !pending.isEmpty else { return [] }
    let problem: Problem
    if resyncing {
      problem = Problem(
        offset: pendingOffset, message: "\(pending.count) bytes at the end could not be framed")
    } else if pending.count < 12 {
      problem = Problem(
        offset: pendingOffset,
        message: "file ends inside a record header (\(pending.count) of 12 bytes)")
    } else {
      let length = pending.withUnsafeBytes {
        Int(truncatingIfNeeded: $0.loadUnaligned(as: UInt64.self))
      }
      problem = Problem(
        offset: pendingOffset,
        message: "file ends inside a record (\(pending.count) of \(length + 16) bytes)")
    }
    pendingOffset += pending.count
    pending.removeAll()
    resyncing = false
    return [problem]
  }

  private mutating func scan(
    _ buffer: UnsafeRawBufferPointer, problems: inout [Problem],
    record: (UnsafeRawBufferPointer, Int) -> Void
  ) -> Int {
    var position = 0
    let count = buffer.count
    while count - position >= 12 {
      let header = UnsafeRawBufferPointer(rebasing: buffer[position..<position + 8])
      let length = UInt64(
        littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self))
      let lengthCRC = UInt32(
        littleEndian: buffer.loadUnaligned(fromByteOffset: position + 8, as: UInt32.self))
      let headerValid =
        CRC32C.masked(CRC32C.checksum(header, method: method)) == lengthCRC
        && length <= UInt64(Self.maximumRecordLength)
      if !headerValid {
        if !resyncing {
          problems.append(
            Problem(
              offset: pendingOffset + position,
              message: "bad length checksum; scanning forward for the next record"))
          resyncing = true
        }
        position += 1
        continue
      }
      resyncing = false
      let total = 12 + Int(length) + 4
      guard count - position >= total else { break }
      let data = UnsafeRawBufferPointer(
        rebasing: buffer[position + 12..<position + 12 + Int(length)])
      let dataCRC = UInt32(
        littleEndian: buffer.loadUnaligned(
          fromByteOffset: position + 12 + Int(length), as: UInt32.self))
      if CRC32C.masked(CRC32C.checksum(data, method: method)) == dataCRC {
        record(data, pendingOffset + position)
      } else {
        problems.append(
          Problem(
            offset: pendingOffset + position,
            message: "bad data checksum; record of \(length) bytes skipped"))
      }
      position += total
    }
    return position
  }
}
