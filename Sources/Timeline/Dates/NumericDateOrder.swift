/// Which of the first two numbers of a numeric date such as `10/09/2019` is the day.
///
/// Without one, a numeric date that both orders can read is refused with both readings; one that
/// only one order makes a real day (`25/12/2019`) is read that way.
public enum NumericDateOrder: String, Sendable, CaseIterable {
    /// `10/09/2019` is 10 September 2019, as in France and most of the world.
    case dayMonthYear = "dmy"
    /// `10/09/2019` is October 9, 2019, as in the United States.
    case monthDayYear = "mdy"
}

extension NaturalText {
    /// A numeric day written with slashes or dots, read from folded bytes: `2019/09/10` (year first)
    /// always; `25/12/2019` and `12/25/2019` in the given `order`, or without one when only one
    /// order makes a real day; `10/09/2019` is ambiguous without one. Nil for anything else.
    static func numericDate(_ bytes: UnsafeBufferPointer<UInt8>, order: NumericDateOrder?) throws(InvalidDate) -> DatePoint? {
        guard (6...10).contains(bytes.count), let separator = bytes.first(where: { $0 == 0x2F || $0 == 0x2E }) else {
            return nil
        }
        // Three numbers between the separators, each with its count of digits.
        var numbers = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        for byte in bytes {
            if byte == separator {
                part += 1
                guard part < 3 else { return nil }
            } else if byte.isDigit {
                let digit = Int(byte - 0x30)
                switch part {
                case 0: (numbers.0, digits.0) = (numbers.0 * 10 + digit, digits.0 + 1)
                case 1: (numbers.1, digits.1) = (numbers.1 * 10 + digit, digits.1 + 1)
                default: (numbers.2, digits.2) = (numbers.2 * 10 + digit, digits.2 + 1)
                }
            } else {
                return nil
            }
        }
        guard part == 2 else { return nil }
        let (first, second, third) = numbers
        switch digits {
        case (4, 1...2, 1...2):
            return try DatePoint(yearPrefix: first, month: .known(second), day: .known(third))
        case (1...2, 1...2, 4):
            func read(_ order: NumericDateOrder) throws(InvalidDate) -> DatePoint {
                switch order {
                case .dayMonthYear: try DatePoint(yearPrefix: third, month: .known(second), day: .known(first))
                case .monthDayYear: try DatePoint(yearPrefix: third, month: .known(first), day: .known(second))
                }
            }
            if let order {
                do throws(InvalidDate) {
                    return try read(order)
                } catch {
                    throw .notInOrder(order, error)
                }
            }
            switch (try? read(.dayMonthYear), try? read(.monthDayYear)) {
            case (let dayFirst?, let monthFirst?) where dayFirst != monthFirst:
                throw .ambiguousNumericDate(dayFirst: dayFirst, monthFirst: monthFirst)
            case (let date?, _), (nil, let date?):
                return date
            case (nil, nil):
                // Neither reading is a day: say why the day-first one is not.
                return try read(.dayMonthYear)
            }
        case (1...2, 1...2, 1...2):
            throw .yearDigits
        default:
            return nil
        }
    }
}
