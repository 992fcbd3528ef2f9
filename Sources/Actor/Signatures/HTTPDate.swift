import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only `Date` format HTTP senders may emit.
public enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` as IMF-fixdate, whole seconds.
    public static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    /// Parses IMF-fixdate; nil for anything else (obsolete formats are not accepted). Read by
    /// byte offsets (the format has one fixed length): every signed request's `Date` passes here.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func at(_ offset: Int, _ scalar: Unicode.Scalar) -> Bool { bytes[offset] == UInt8(ascii: scalar) }
        func number(_ offset: Int, digits: Int) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[offset..<offset + digits] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int32(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 29, at(3, ","), at(4, " "), at(7, " "), at(11, " "), at(16, " "), at(19, ":"),
              at(22, ":"), at(25, " "), bytes[26...].elementsEqual("GMT".utf8),
              days.contains(where: { $0.utf8.elementsEqual(bytes[0..<3]) }),
              let month = months.firstIndex(where: { $0.utf8.elementsEqual(bytes[8..<11]) }),
              let day = number(5, digits: 2), let year = number(12, digits: 4),
              let hour = number(17, digits: 2), let minute = number(20, digits: 2), let second = number(23, digits: 2),
              (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
