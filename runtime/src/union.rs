//! Decoding of generated enums for GraphQL unions and interfaces, discriminated by
//! `__typename`.
//!
//! Generated code declares the enum (one variant per selected member plus a catch-all
//! holding `__typename`) and calls [`tagged_union!`](crate::tagged_union), which
//! implements [`Members`] and `Deserialize` through [`deserialize`].
//!
//! When `__typename` is the object's first key, as servers send it when it is selected
//! first, the member is decoded straight from the rest of the object, `__typename`
//! replayed in front. Otherwise the object is buffered into a `serde_json::Value` and
//! decoded from that. A known member that fails to decode is an error, never the
//! catch-all; an object without `__typename` goes to the catch-all, which requires it.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

/// The discriminating key.
const TYPENAME: &str = "__typename";

/// A generated union or interface enum: picks the variant of a `__typename`.
#[doc(hidden)]
pub trait Members: Sized {
    /// Decodes the member named `typename` (the catch-all for a name not selected) from
    /// `deserializer`, which yields the whole object, `__typename` included.
    fn member<'de, D: Deserializer<'de>>(typename: &str, deserializer: D)
        -> Result<Self, D::Error>;
}

/// Decodes a union or interface enum from an object.
#[doc(hidden)]
pub fn deserialize<'de, T: Members, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(UnionVisitor(PhantomData))
}

struct UnionVisitor<T>(PhantomData<T>);

impl<'de, T: Members> Visitor<'de> for UnionVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with `__typename`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let first = match map.next_key_seed(FirstKey)? {
            // The member reads the rest of the object, `__typename` replayed in front.
            Some(Key::Typename) => {
                let typename = map.next_value_seed(TypeName)?;
                let rest = Replay {
                    typename: Pending::Key(typename.as_ref()),
                    map,
                };
                return T::member(&typename, MapAccessDeserializer::new(rest));
            }
            Some(Key::Other(key)) => Some((key, map.next_value()?)),
            None => None,
        };
        // Buffered; without a string `__typename`, the empty name picks the catch-all.
        let mut object = Map::new();
        object.extend(first);
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            object.insert(key, value);
        }
        let typename = match object.get(TYPENAME) {
            Some(Value::String(typename)) => typename.clone(),
            _ => String::new(),
        };
        T::member(&typename, Value::Object(object)).map_err(de::Error::custom)
    }
}

/// The first key of an object, owned only when it is not `__typename`.
enum Key {
    Typename,
    Other(String),
}

/// Reads the first key of an object.
struct FirstKey;

impl<'de> DeserializeSeed<'de> for FirstKey {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for FirstKey {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            TYPENAME => Key::Typename,
            _ => Key::Other(key.to_owned()),
        })
    }

    fn visit_string<E>(self, key: String) -> Result<Key, E> {
        Ok(match key.as_str() {
            TYPENAME => Key::Typename,
            _ => Key::Other(key),
        })
    }
}

/// The value of `__typename`, borrowed from the input when it can be.
struct TypeName;

impl<'de> DeserializeSeed<'de> for TypeName {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for TypeName {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a type name")
    }

    fn visit_borrowed_str<E>(self, name: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(name))
    }

    fn visit_str<E>(self, name: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(name.to_owned()))
    }

    fn visit_string<E>(self, name: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(name))
    }
}

/// What of the `__typename` entry is still to be yielded again.
enum Pending<'a> {
    Key(&'a str),
    Value(&'a str),
    Done,
}

/// The rest of an object whose `__typename` was read, that entry yielded first again.
struct Replay<'a, A> {
    typename: Pending<'a>,
    map: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Replay<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.typename {
            Pending::Key(typename) => {
                self.typename = Pending::Value(typename);
                seed.deserialize(BorrowedStrDeserializer::new(TYPENAME))
                    .map(Some)
            }
            _ => self.map.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match std::mem::replace(&mut self.typename, Pending::Done) {
            Pending::Value(typename) => seed.deserialize(StrDeserializer::new(typename)),
            _ => self.map.next_value_seed(seed),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        let replayed = usize::from(!matches!(self.typename, Pending::Done));
        self.map.size_hint().map(|rest| rest + replayed)
    }
}

/// Implements a generated union or interface enum: [`Members`] (the variant of each
/// selected member's `__typename`, the catch-all for any other) and `Deserialize`.
#[doc(hidden)]
#[macro_export]
macro_rules! tagged_union {
    ($name:ident { $($typename:literal => $variant:ident,)* _ => $catch_all:ident $(,)? }) => {
        impl $crate::union::Members for $name {
            fn member<'de, D: $crate::serde::Deserializer<'de>>(
                typename: &str,
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                match typename {
                    $($typename => $crate::serde::Deserialize::deserialize(deserializer)
                        .map(Self::$variant),)*
                    _ => $crate::serde::Deserialize::deserialize(deserializer)
                        .map(Self::$catch_all),
                }
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::union::deserialize(deserializer)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use serde_json::{json, Value};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Created {
        voucher_url: String,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct CommonError {
        message: String,
    }

    /// A fragment on the member that selects `__typename` itself.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Named {
        #[serde(rename = "__typename")]
        typename: String,
        message: String,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Unknown {
        #[serde(rename = "__typename")]
        typename: String,
    }

    #[derive(Debug, PartialEq, Serialize)]
    #[serde(tag = "__typename")]
    enum Payload {
        #[serde(rename = "KonbiniPaymentCreated")]
        Created(Created),
        CommonError(CommonError),
        Named(Named),
        #[serde(untagged)]
        UnknownMember(Unknown),
    }

    crate::tagged_union!(Payload {
        "KonbiniPaymentCreated" => Created,
        "CommonError" => CommonError,
        "Named" => Named,
        _ => UnknownMember,
    });

    /// Decodes `text` from bytes, from a `Value` and from a `&Value`, which must agree.
    fn decode(text: &str) -> Result<Payload, String> {
        let from_bytes = serde_json::from_slice::<Payload>(text.as_bytes());
        let value: Value = serde_json::from_str(text).unwrap();
        let from_ref = Payload::deserialize(&value).map_err(|error| error.to_string());
        let from_value = serde_json::from_value::<Payload>(value).map_err(|e| e.to_string());
        assert_eq!(from_value, from_ref, "{text}");
        match from_bytes {
            Ok(payload) => {
                assert_eq!(Ok(&payload), from_value.as_ref(), "{text}");
                Ok(payload)
            }
            Err(error) => {
                assert!(from_value.is_err(), "{text}: {from_value:?}");
                Err(error.to_string())
            }
        }
    }

    fn created() -> Payload {
        Payload::Created(Created {
            voucher_url: "https://example.com/v".into(),
        })
    }

    fn unknown() -> Payload {
        Payload::UnknownMember(Unknown {
            typename: "Fish".into(),
        })
    }

    #[test]
    fn typename_first_decodes_the_member() {
        let text =
            r#"{"__typename": "KonbiniPaymentCreated", "voucherUrl": "https://example.com/v"}"#;
        assert_eq!(decode(text), Ok(created()));
        let text = r#"{"__typename": "Named", "message": "hi"}"#;
        let named = Payload::Named(Named {
            typename: "Named".into(),
            message: "hi".into(),
        });
        assert_eq!(decode(text), Ok(named));
    }

    #[test]
    fn typename_first_decodes_the_catch_all() {
        assert_eq!(
            decode(r#"{"__typename": "Fish", "fins": 2}"#),
            Ok(unknown())
        );
    }

    #[test]
    fn typename_later_decodes_the_member_and_the_catch_all() {
        // `Extra` and `Fins` also come before `__typename` in a `Value`'s sorted keys.
        let text = r#"{"Extra": 1, "voucherUrl": "https://example.com/v", "__typename": "KonbiniPaymentCreated"}"#;
        assert_eq!(decode(text), Ok(created()));
        assert_eq!(
            decode(r#"{"Fins": 2, "__typename": "Fish"}"#),
            Ok(unknown())
        );
    }

    #[test]
    fn escaped_names_decode() {
        let text = r#"{"\u005f_typename": "Common\u0045rror", "message": "taken"}"#;
        let error = Payload::CommonError(CommonError {
            message: "taken".into(),
        });
        assert_eq!(decode(text), Ok(error));
    }

    #[test]
    fn a_known_member_that_does_not_decode_is_an_error() {
        for text in [
            r#"{"__typename": "KonbiniPaymentCreated", "voucherUrl": 12}"#,
            r#"{"Extra": 1, "voucherUrl": 12, "__typename": "KonbiniPaymentCreated"}"#,
        ] {
            let error = decode(text).unwrap_err();
            assert!(error.starts_with("invalid type: integer `12`"), "{error}");
        }
        let error = decode(r#"{"__typename": "CommonError"}"#).unwrap_err();
        assert!(error.starts_with("missing field `message`"), "{error}");
    }

    #[test]
    fn an_object_without_typename_is_an_error() {
        for text in [r#"{"message": "taken"}"#, "{}"] {
            let error = decode(text).unwrap_err();
            assert!(error.starts_with("missing field `__typename`"), "{error}");
        }
        let error = decode(r#"{"__typename": null}"#).unwrap_err();
        assert!(error.starts_with("invalid type: null"), "{error}");
    }

    #[test]
    fn anything_but_an_object_is_an_error() {
        for text in [r#"["Fish"]"#, r#""Fish""#, "1"] {
            let error = decode(text).unwrap_err();
            assert!(
                error.contains("expected an object with `__typename`"),
                "{error}"
            );
        }
    }

    #[test]
    fn decoded_values_encode_back() {
        for payload in [created(), unknown()] {
            let json = serde_json::to_value(&payload).unwrap();
            assert_eq!(
                serde_json::from_value::<Payload>(json.clone()).unwrap(),
                payload
            );
            assert_eq!(decode(&json.to_string()), Ok(payload));
        }
        assert_eq!(
            serde_json::to_value(created()).unwrap(),
            json!({"__typename": "KonbiniPaymentCreated", "voucherUrl": "https://example.com/v"})
        );
    }
}
