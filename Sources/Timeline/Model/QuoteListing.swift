/// A quote with the event it belongs to, as `timeline quote list` shows it.
public struct QuoteListing: Hashable, Sendable {
    public var eventID: String
    public var eventTitle: String
    public var date: PartialDate
    /// Its place among the event's quotes, from 1.
    public var number: Int
    public var quote: Quote
}
