//! Small value types that parse and check themselves: calendar dates, durations and
//! countries. Each is written in the answers file as a plain string a person can type.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::vocab::DateStyle;

/// Implements string (de)serialisation through `FromStr`/`Display`, so the file
/// holds `"30 days"` rather than a nested object, and a bad value fails with the
/// parser's own message at the exact field.
macro_rules! string_value {
    ($ty:ty) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = Cow::<str>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A calendar date, written `YYYY-MM-DD`. Dates come from the answers, never the clock,
/// so the same answers always render the same policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Writes the date the way the operator chose for their policy.
    pub fn format(&self, style: DateStyle) -> String {
        match style {
            DateStyle::Iso => self.to_string(),
            DateStyle::Long => format!(
                "{} {}, {}",
                MONTHS[usize::from(self.month - 1)],
                self.day,
                self.year
            ),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2026-05-01");
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        // Digits only: `u16::from_str` alone would take `+999` (the schema does not).
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4 || m.len() != 2 || d.len() != 2 || ![y, m, d].into_iter().all(digits) {
            return Err(bad());
        }
        let year: u16 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: u8 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(format!("`{s}`: there is no month {month}"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(format!(
                "`{s}`: {} has no day {day}",
                MONTHS[usize::from(month - 1)]
            ));
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

string_value!(Date);

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> schemars::Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

/// A unit of time for retention periods and notice periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeUnit {
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

impl TimeUnit {
    const WORDS: [(TimeUnit, &'static str, &'static str); 6] = [
        (TimeUnit::Minutes, "minute", "minutes"),
        (TimeUnit::Hours, "hour", "hours"),
        (TimeUnit::Days, "day", "days"),
        (TimeUnit::Weeks, "week", "weeks"),
        (TimeUnit::Months, "month", "months"),
        (TimeUnit::Years, "year", "years"),
    ];

    /// Approximate length in minutes, used only to compare periods ("is this longer?").
    fn minutes(self) -> u64 {
        match self {
            TimeUnit::Minutes => 1,
            TimeUnit::Hours => 60,
            TimeUnit::Days => 60 * 24,
            TimeUnit::Weeks => 60 * 24 * 7,
            TimeUnit::Months => 60 * 24 * 30,
            TimeUnit::Years => 60 * 24 * 365,
        }
    }
}

/// A length of time such as `30 days` or `7 years`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub amount: u32,
    pub unit: TimeUnit,
}

impl Period {
    /// Approximate length in minutes, for comparisons only.
    pub fn approx_minutes(&self) -> u64 {
        u64::from(self.amount) * self.unit.minutes()
    }
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "`{s}` is not a length of time; write a number and a unit, e.g. \"30 days\", \"24 hours\", \"7 years\""
            )
        };
        let mut words = s.split_whitespace();
        let (Some(n), Some(unit), None) = (words.next(), words.next(), words.next()) else {
            return Err(bad());
        };
        let amount: u32 = n.parse().map_err(|_| bad())?;
        let unit = unit.to_ascii_lowercase();
        let unit = TimeUnit::WORDS
            .iter()
            .find(|(_, one, many)| unit == *one || unit == *many)
            .map(|(u, _, _)| *u)
            .ok_or_else(bad)?;
        Ok(Period { amount, unit })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (_, one, many) = TimeUnit::WORDS
            .iter()
            .find(|(u, _, _)| *u == self.unit)
            .expect("every unit has words");
        let word = if self.amount == 1 { one } else { many };
        write!(f, "{} {word}", self.amount)
    }
}

string_value!(Period);

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> schemars::Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]+ (minute|hour|day|week|month|year)s?$",
            "description": "A length of time: a number and a unit, e.g. \"30 days\", \"24 hours\", \"7 years\"."
        })
    }
}

mod table {
    include!(concat!(env!("OUT_DIR"), "/countries.rs"));
}
use table::COUNTRIES;

/// A country, written as its ISO 3166-1 alpha-2 code (`US`, `KZ`, `DE`), so checks can
/// tell a transfer out of the EEA from one inside it; rendered with its English name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country(u16);

impl Country {
    fn record(self) -> &'static (&'static str, &'static str, bool, bool) {
        &COUNTRIES[usize::from(self.0)]
    }

    /// The two-letter code, as written in the answers file.
    pub fn code(self) -> &'static str {
        self.record().0
    }

    /// The English short name, as written in the policy.
    pub fn name(self) -> &'static str {
        self.record().1
    }

    /// The name as it reads inside a sentence: "the United States", "Kazakhstan".
    pub fn name_in_sentence(self) -> String {
        let (_, name, _, the) = self.record();
        if *the {
            format!("the {name}")
        } else {
            (*name).to_owned()
        }
    }

    /// Whether the country is in the European Economic Area.
    pub fn in_eea(self) -> bool {
        self.record().2
    }

    /// Every country, in code order.
    pub fn all() -> impl Iterator<Item = Country> {
        (0..COUNTRIES.len()).map(|i| Country(i as u16))
    }
}

impl FromStr for Country {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let by_code = (s.len() == 2)
            .then(|| {
                COUNTRIES
                    .binary_search_by(|c| c.0.cmp(s.to_ascii_uppercase().as_str()))
                    .ok()
            })
            .flatten();
        let found = by_code.or_else(|| COUNTRIES.iter().position(|c| c.1.eq_ignore_ascii_case(s)));
        match found {
            Some(i) => Ok(Country(i as u16)),
            None => Err(format!(
                "`{s}` is not a country; use its two-letter ISO code, e.g. US, DE, KZ"
            )),
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

string_value!(Country);

impl JsonSchema for Country {
    fn schema_name() -> Cow<'static, str> {
        "Country".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = COUNTRIES.iter().map(|c| c.0).collect();
        json_schema!({
            "type": "string",
            "enum": codes,
            "description": "A country, as its ISO 3166-1 alpha-2 code (US, DE, KZ)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_check_and_format() {
        let d: Date = "2026-04-17".parse().unwrap();
        assert_eq!(d.format(DateStyle::Iso), "2026-04-17");
        assert_eq!(d.format(DateStyle::Long), "April 17, 2026");
        assert!("2026-02-29".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!(
            "2026-13-01"
                .parse::<Date>()
                .unwrap_err()
                .contains("no month 13")
        );
        assert!("17/04/2026".parse::<Date>().is_err());
        assert!("2026-4-17".parse::<Date>().is_err());
        // F15: what the schema's pattern refuses, the parser refuses too.
        assert!("+999-01-01".parse::<Date>().is_err());
        assert!("2026-+1-01".parse::<Date>().is_err());
    }

    #[test]
    fn periods_parse_and_compare() {
        let p: Period = "30 days".parse().unwrap();
        assert_eq!(p.to_string(), "30 days");
        assert_eq!("1 Year".parse::<Period>().unwrap().to_string(), "1 year");
        assert!("7 years".parse::<Period>().unwrap().approx_minutes() > p.approx_minutes());
        assert!("thirty days".parse::<Period>().is_err());
        assert!("30".parse::<Period>().is_err());
        assert!("30 fortnights".parse::<Period>().is_err());
    }

    #[test]
    fn countries_by_code_or_name() {
        let kz: Country = "KZ".parse().unwrap();
        assert_eq!(kz.name(), "Kazakhstan");
        assert!(!kz.in_eea());
        assert!("de".parse::<Country>().unwrap().in_eea());
        assert_eq!("Norway".parse::<Country>().unwrap().code(), "NO");
        assert!("XX".parse::<Country>().is_err());
        assert_eq!(Country::all().count(), 249);
        assert_eq!(
            "US".parse::<Country>().unwrap().name_in_sentence(),
            "the United States"
        );
        assert_eq!(kz.name_in_sentence(), "Kazakhstan");
        assert_eq!(Country::all().filter(|c| c.in_eea()).count(), 30);
    }
}
