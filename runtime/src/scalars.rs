//! Wire encodings of custom scalars that need more than a serde derive.

use serde::de::{self, DeserializeOwned, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// `JSONString`: a JSON value carried on the wire as a string holding JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonString<T = serde_json::Value>(pub T);

impl<T: Serialize> Serialize for JsonString<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(&self.0).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for JsonString<T> {
    /// Reads the string and parses the JSON inside it. A JSON value that is not a string
    /// is taken as already decoded (the docs page prints `JSONString` fields that way), so
    /// such an answer still decodes.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let decoded = match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::String(text) => serde_json::from_str(&text),
            value => serde_json::from_value(value),
        };
        decoded.map(JsonString).map_err(de::Error::custom)
    }
}

/// `DateTime`: an instant with the offset the server gave, RFC 3339 text on the wire.
///
/// A thin wrapper of `chrono::DateTime<FixedOffset>` (dereferences to it, converts both
/// ways, compares and orders as it does). It decodes with chrono's strict RFC 3339 parser,
/// several times faster than the relaxed one chrono's own `Deserialize` uses, and falls
/// back to the relaxed one, so it accepts the same text. It encodes exactly as chrono does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime(pub chrono::DateTime<chrono::FixedOffset>);

impl DateTime {
    /// Parses RFC 3339 text, or what chrono's relaxed parser accepts.
    fn parse(text: &str) -> Result<Self, chrono::ParseError> {
        chrono::DateTime::parse_from_rfc3339(text)
            .or_else(|_| text.parse())
            .map(DateTime)
    }
}

impl std::ops::Deref for DateTime {
    type Target = chrono::DateTime<chrono::FixedOffset>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl From<chrono::DateTime<chrono::FixedOffset>> for DateTime {
    fn from(instant: chrono::DateTime<chrono::FixedOffset>) -> Self {
        DateTime(instant)
    }
}

impl From<DateTime> for chrono::DateTime<chrono::FixedOffset> {
    fn from(instant: DateTime) -> Self {
        instant.0
    }
}

impl std::fmt::Display for DateTime {
    /// RFC 3339, as on the wire.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.to_rfc3339())
    }
}

impl std::str::FromStr for DateTime {
    type Err = chrono::ParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse(text)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DateTimeVisitor)
    }
}

struct DateTimeVisitor;

impl de::Visitor<'_> for DateTimeVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an RFC 3339 date-time")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime, E> {
        DateTime::parse(text).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn date_time_decodes_and_encodes_as_chrono_does() {
        let texts = [
            "2024-03-01T09:30:00+09:00",
            "2024-03-01T09:30:00.123456+09:00",
            "2024-03-01T00:30:00Z",
            // Only the relaxed parser takes a space for the `T`.
            "2024-03-01 09:30:00+09:00",
        ];
        for text in texts {
            let ours: DateTime = serde_json::from_value(json!(text)).unwrap();
            let chrono: chrono::DateTime<chrono::FixedOffset> =
                serde_json::from_value(json!(text)).unwrap();
            assert_eq!(*ours, chrono, "{text}");
            assert_eq!(ours.offset(), chrono.offset(), "{text}");
            assert_eq!(
                serde_json::to_value(ours).unwrap(),
                serde_json::to_value(chrono).unwrap(),
                "{text}"
            );
            assert_eq!(text.parse::<DateTime>().unwrap(), ours);
        }
        let decoded: DateTime = serde_json::from_str("\"2024-03-01T09:30:00+09:00\"").unwrap();
        assert_eq!(decoded.to_string(), "2024-03-01T09:30:00+09:00");
    }

    #[test]
    fn date_time_rejects_what_chrono_rejects() {
        for value in [json!("2024-03-01"), json!("yesterday"), json!(1709253000)] {
            assert!(
                serde_json::from_value::<DateTime>(value.clone()).is_err(),
                "{value}"
            );
            assert!(
                serde_json::from_value::<chrono::DateTime<chrono::FixedOffset>>(value.clone())
                    .is_err(),
                "{value}"
            );
        }
    }

    #[test]
    fn encodes_as_a_string_holding_json() {
        let value = JsonString(json!({"key": [1, 2]}));
        assert_eq!(
            serde_json::to_value(&value).unwrap(),
            json!("{\"key\":[1,2]}")
        );
    }

    #[test]
    fn decodes_a_string_holding_json_and_an_already_decoded_value() {
        let from_string: JsonString = serde_json::from_value(json!("{\"key\":true}")).unwrap();
        let from_object: JsonString = serde_json::from_value(json!({"key": true})).unwrap();
        assert_eq!(from_string, JsonString(json!({"key": true})));
        assert_eq!(from_object, from_string);
    }

    #[test]
    fn floats_inside_keep_every_digit() {
        // Found by fuzzing: serde_json's default float parsing may be off by one unit in
        // the last place, so this value came back as 1.400613874805964e20.
        let decoded: JsonString =
            serde_json::from_value(json!("[1.4006138748059641e+20]")).unwrap();
        assert_eq!(decoded, JsonString(json!([1.4006138748059641e20])));
        let again: JsonString =
            serde_json::from_value(serde_json::to_value(&decoded).unwrap()).unwrap();
        assert_eq!(again, decoded);
    }

    #[test]
    fn a_string_that_is_not_json_is_an_error() {
        let error = serde_json::from_value::<JsonString>(json!("not json")).unwrap_err();
        assert_eq!(error.to_string(), "expected ident at line 1 column 2");
    }
}
