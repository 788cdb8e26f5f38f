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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
