/// The event log in a box.
package struct EventsPanel: Sendable {
  package init() {}

  package func render(into grid: inout CellGrid, area: Rect, context: PanelContext) {
    Box(title: "events").render(into: &grid, area: area, theme: context.theme)
    EventLog(events: context.snapshot.events).render(
      into: &grid, area: Box.inner(area), theme: context.theme)
  }
}
