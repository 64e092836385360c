/// ISO 8601 timestamps as trackio stores them (`2026-12-01T22:54:00.656868+00:00`), read as Unix
/// seconds for the wall-time axis. Read by hand: a formatter per row costs more than the row.
enum ISOTimestamp {
  /// Unix seconds of `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]` (a space may stand for `T`; no
  /// zone means UTC); nil for anything else.
  static func seconds(_ text: String) -> Double? {
    let bytes = Array(text.utf8)
    var position = 0
    func number(_ digits: Int) -> Int? {
      guard position + digits <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[position..<position + digits] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      position += digits
      return value
    }
    func expect(_ characters: String) -> Bool {
      guard position < bytes.count, characters.utf8.contains(bytes[position]) else { return false }
      position += 1
      return true
    }
    guard let year = number(4), expect("-"), let month = number(2), expect("-"),
      let day = number(2), expect("T "), let hour = number(2), expect(":"),
      let minute = number(2), expect(":"), let second = number(2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var fraction = 0.0
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      var scale = 0.1
      while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
        fraction += Double(bytes[position] - 0x30) * scale
        scale /= 10
        position += 1
      }
    }
    var offset = 0
    if position < bytes.count {
      if bytes[position] == UInt8(ascii: "Z") {
        position += 1
      } else {
        let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
        guard expect("+-"), let hours = number(2), expect(":"), let minutes = number(2) else {
          return nil
        }
        offset = sign * (hours * 3600 + minutes * 60)
      }
    }
    guard position == bytes.count else { return nil }
    let days = daysSinceUnixEpoch(year: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
    return Double(seconds) + fraction
  }

  /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  static func daysSinceUnixEpoch(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
