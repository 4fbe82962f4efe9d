import Campaign
import Postgres

/// The county's calendar by the database's clock.
public enum CountyCalendar {
    /// Today in the county's time zone (Asia/Shanghai).
    public static func today(on connection: Connection) throws -> CalendarDate {
        try connection.query("SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS today")[0].decode("today")
    }
}
