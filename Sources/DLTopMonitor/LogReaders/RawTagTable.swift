import Foundation

/// A map from byte strings (TensorBoard tags as they sit in the record) to small integers, so a
/// tag seen before is found without building a `String` or hashing one.
///
/// Open addressing over a power-of-two table of slots, FNV-1a hashes, keys stored back to back in
/// one byte array; the last key found is checked first, since event files repeat the same tag in
/// long runs. Keys are only added, never removed.
struct RawTagTable: Sendable {
  private struct Entry: Sendable {
    var start: Int
    var count: Int
    var hash: UInt64
    var value: Int
  }

  private var keyBytes: [UInt8] = []
  private var entries: [Entry] = []
  /// Index into `entries` plus one; 0 is an empty slot.
  private var slots = [Int32](repeating: 0, count: 16)
  /// The entry found last.
  private var last: Int?

  /// The value stored for `key`, or nil.
  /// - Complexity: O(`key.count`) expected.
  mutating func value(for key: UnsafeRawBufferPointer) -> Int? {
    if let last, matches(entries[last], key) { return entries[last].value }
    let hash = Self.hash(key)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot]) - 1
      if entries[index].hash == hash, matches(entries[index], key) {
        last = index
        return entries[index].value
      }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Stores `value` for `key`, which must not be in the table yet.
  mutating func insert(_ value: Int, for key: UnsafeRawBufferPointer) {
    if (entries.count + 1) * 2 > slots.count { grow() }
    let entry = Entry(start: keyBytes.count, count: key.count, hash: Self.hash(key), value: value)
    keyBytes.append(contentsOf: key)
    entries.append(entry)
    place(entries.count - 1)
    last = entries.count - 1
  }

  private func matches(_ entry: Entry, _ key: UnsafeRawBufferPointer) -> Bool {
    guard entry.count == key.count else { return false }
    guard let base = key.baseAddress else { return true }
    return keyBytes.withUnsafeBytes { stored in
      guard let storedBase = stored.baseAddress else { return false }
      return memcmp(storedBase + entry.start, base, entry.count) == 0
    }
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    for index in entries.indices { place(index) }
  }

  private mutating func place(_ index: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(index + 1)
  }

  /// 64-bit FNV-1a.
  private static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
  }
}
