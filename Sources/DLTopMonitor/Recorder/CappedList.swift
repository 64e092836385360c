/// A list that keeps only its newest `limit` elements: the cap lives in the type, so no writer can
/// forget it (events, confusion matrices).
package struct CappedList<Element: Sendable & Equatable>: Sendable, Equatable {
  package let limit: Int
  package private(set) var elements: [Element] = []
  /// How many elements were dropped from the front over the list's life.
  package private(set) var dropped = 0

  package init(limit: Int) {
    precondition(limit > 0, "CappedList limit must be positive")
    self.limit = limit
    elements.reserveCapacity(limit)
  }

  /// Appends `element`, dropping the oldest when full.
  /// - Complexity: O(`limit`) when full (one shift), else amortized O(1).
  package mutating func append(_ element: Element) {
    if elements.count == limit {
      elements.removeFirst()
      dropped += 1
    }
    elements.append(element)
  }

  package var last: Element? { elements.last }
  package var count: Int { elements.count }
}
